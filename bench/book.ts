// `npm run bench:book [-- --json] [--runs N] [--warmup OPS]`: replays the 1M-operation LOBOPS1 stream
// through shocklab's book and through nodejs-order-book, each run in a fresh process,
// interleaved (ours, peer, ours, peer, ...), checks each reaches the meta file's end state, and
// prints the median ops/s, peak RSS and the ratio between the engines measured in this run.
// --warmup OPS first replays that many leading operations on a throwaway book in the same
// process (both engines alike), so the timed replay sees compiled code; the default, 0, times
// a cold process, as the stream's README describes.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, runs: { type: 'string', default: '3' }, warmup: { type: 'string', default: '0' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a positive integer, got ${values.runs}`);
  process.exit(2);
}
const engines = ['shocklab', 'nodejs-order-book'] as const;
const script = join(import.meta.dirname, 'book-engine.ts');

interface RunResult {
  engine: string;
  opsPerSec: number;
  seconds: number;
  rssPeakMB: number;
  ok: boolean;
  mismatches: string[];
}

const results: Record<string, RunResult[]> = { shocklab: [], 'nodejs-order-book': [] };
for (let r = 0; r < runs; r++) {
  for (const engine of engines) {
    if (!values.json) process.stderr.write(`run ${r + 1}/${runs}: ${engine} ... `);
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, engine, values.warmup!], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const res = JSON.parse(out.trim().split('\n').pop()!) as RunResult;
    results[engine].push(res);
    if (!values.json) process.stderr.write(`${Math.round(res.opsPerSec).toLocaleString('en-US')} ops/s${res.ok ? '' : '  END STATE WRONG: ' + res.mismatches.join(', ')}\n`);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = engines.map((engine) => ({
  engine,
  medianOpsPerSec: median(results[engine].map((x) => x.opsPerSec)),
  medianSeconds: median(results[engine].map((x) => x.seconds)),
  peakRssMB: Math.max(...results[engine].map((x) => x.rssPeakMB)),
  endStateOk: results[engine].every((x) => x.ok),
  runs: results[engine].map((x) => x.opsPerSec),
}));
const ratio = summary[0].medianOpsPerSec / summary[1].medianOpsPerSec;
const allOk = summary.every((s) => s.endStateOk);

if (values.json) {
  console.log(JSON.stringify({ stream: 'ops-s42-n1000000', runs, warmupOps: Number(values.warmup), engines: summary, ratio, endStateOk: allOk }));
} else {
  console.log('\nengine               median ops/s   median s   peak RSS MB   end state');
  for (const s of summary) {
    console.log(`${s.engine.padEnd(20)} ${Math.round(s.medianOpsPerSec).toLocaleString('en-US').padStart(13)}   ${s.medianSeconds.toFixed(3).padStart(8)}   ${s.peakRssMB.toFixed(0).padStart(11)}   ${s.endStateOk ? 'ok' : 'WRONG'}`);
  }
  console.log(`\nratio shocklab / nodejs-order-book: ${ratio.toFixed(0)}x (medians of ${runs} interleaved fresh processes each; warm-up ${values.warmup} ops)`);
}
process.exit(allOk ? 0 : 1);
