// `npm run bench:book [-- --json] [--runs N] [--warmup OPS]`: replays the 1M-operation LOBOPS1 stream
// through shocklab's book (loaded as the CLI loads it, and file by file through tsx) and through
// nodejs-order-book, each run in a fresh process,
// interleaved (each engine once a round, N rounds), checks each reaches the meta file's end state, and
// prints the median ops/s, peak RSS and the ratio between the engines measured in this run. It
// also builds the native C++ book of ../shared/bench/native/ with its README's flags (when g++
// exists; otherwise it says so and skips it), runs it interleaved with the others, and prints
// shocklab's speed as a percentage of it: the practical limit.
// --warmup OPS first replays that many leading operations on a throwaway book in the same
// process (every engine alike), so the timed replay sees compiled code; the default, 0, times
// a cold process, as the stream's README describes.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './median.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, runs: { type: 'string', default: '3' }, warmup: { type: 'string', default: '0' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a positive integer, got ${values.runs}`);
  process.exit(2);
}
const script = join(import.meta.dirname, 'book-engine.ts');
const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'bench');
const STREAM = join(SHARED, 'ops-s42-n1000000.bin');
const META = join(SHARED, 'ops-s42-n1000000.meta.json');

/** Builds the native C++ book with the flags of its README; null (and a line on stderr) when it cannot. */
function buildNative(): string | null {
  const src = join(SHARED, 'native', 'lob.cpp');
  if (!existsSync(src)) return (process.stderr.write(`native C++ book: ${src} not found; skipped\n`), null);
  const exe = join(mkdtempSync(join(tmpdir(), 'shocklab-lob-')), 'lob');
  const r = spawnSync('g++', ['-O3', '-march=native', '-DNDEBUG', '-std=c++17', '-o', exe, src], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return (process.stderr.write(`native C++ book: g++ ${r.error ? 'not found' : 'failed: ' + r.stderr.split('\n')[0]}; skipped\n`), null);
  return exe;
}
const native = buildNative();
// The bundle is built (once per source state) before the first round, so no timed process builds it.
// @ts-expect-error bin/load.js is plain JavaScript without declarations
const { bundleDir } = (await import('../bin/load.js')) as { bundleDir: () => Promise<string | null> };
if ((await bundleDir()) === null) process.stderr.write('the esbuild bundle could not be built: `shocklab` runs through tsx, as `shocklab-tsx` does\n');
// `shocklab` is the book loaded as the CLI and bench:day load it (the esbuild bundle of the public
// API, bin/load.js); `shocklab-tsx` the same sources loaded file by file through tsx (the fallback),
// reported beside it so that what the loading path is worth stays visible.
const engines = native === null ? (['shocklab', 'nodejs-order-book', 'shocklab-tsx'] as const) : (['shocklab', 'nodejs-order-book', 'native-cpp', 'shocklab-tsx'] as const);

function runNative(exe: string): RunResult {
  const out = JSON.parse(execFileSync(exe, [STREAM, META], { encoding: 'utf8' }).trim().split('\n').pop()!) as { opsPerSec: number; elapsedMs: number; peakRssMiB: number; matchesExpected: boolean };
  return { engine: 'native-cpp', opsPerSec: out.opsPerSec, seconds: out.elapsedMs / 1000, rssPeakMB: out.peakRssMiB * 1.048576, ok: out.matchesExpected, mismatches: out.matchesExpected ? [] : ['end state'] };
}

interface RunResult {
  engine: string;
  /** How the engine's process loaded shocklab's book ('bundle' or 'tsx'); absent for the peers. */
  loadedAs?: string | null;
  opsPerSec: number;
  seconds: number;
  rssPeakMB: number;
  ok: boolean;
  mismatches: string[];
}

const results: Record<string, RunResult[]> = { shocklab: [], 'nodejs-order-book': [], 'native-cpp': [], 'shocklab-tsx': [] };
for (let r = 0; r < runs; r++) {
  for (const engine of engines) {
    if (!values.json) process.stderr.write(`run ${r + 1}/${runs}: ${engine} ... `);
    const res =
      engine === 'native-cpp'
        ? runNative(native!)
        : (JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, engine, values.warmup!], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!) as RunResult);
    results[engine].push(res);
    if (!values.json) process.stderr.write(`${Math.round(res.opsPerSec).toLocaleString('en-US')} ops/s${res.ok ? '' : '  END STATE WRONG: ' + res.mismatches.join(', ')}\n`);
  }
}

const summary = engines.map((engine) => ({
  engine,
  medianOpsPerSec: median(results[engine].map((x) => x.opsPerSec)),
  medianSeconds: median(results[engine].map((x) => x.seconds)),
  peakRssMB: Math.max(...results[engine].map((x) => x.rssPeakMB)),
  endStateOk: results[engine].every((x) => x.ok),
  runs: results[engine].map((x) => x.opsPerSec),
  loadedAs: results[engine][0]?.loadedAs ?? null,
}));
const ops = (engine: string): number => summary.find((s) => s.engine === engine)!.medianOpsPerSec;
const ratio = ops('shocklab') / ops('nodejs-order-book');
const ofNative = native === null ? null : ops('shocklab') / ops('native-cpp');
const tsxOfNative = native === null ? null : ops('shocklab-tsx') / ops('native-cpp');
const allOk = summary.every((s) => s.endStateOk);
const notBundled = results.shocklab.filter((x) => x.loadedAs !== 'bundle').length;
if (notBundled > 0) process.stderr.write(`note: ${notBundled} of ${runs} \`shocklab\` runs loaded the book through tsx, not the bundle\n`);

if (values.json) {
  console.log(JSON.stringify({ stream: 'ops-s42-n1000000', runs, warmupOps: Number(values.warmup), engines: summary, ratio, shareOfNative: ofNative, tsxShareOfNative: tsxOfNative, endStateOk: allOk }));
} else {
  console.log('\nengine               median ops/s   median s   peak RSS MB   end state');
  for (const s of summary) {
    console.log(`${s.engine.padEnd(20)} ${Math.round(s.medianOpsPerSec).toLocaleString('en-US').padStart(13)}   ${s.medianSeconds.toFixed(3).padStart(8)}   ${s.peakRssMB.toFixed(0).padStart(11)}   ${s.endStateOk ? 'ok' : 'WRONG'}`);
  }
  console.log(`\nratio shocklab / nodejs-order-book: ${ratio.toFixed(0)}x (medians of ${runs} interleaved fresh processes each; warm-up ${values.warmup} ops)`);
  console.log(
    ofNative === null
      ? 'shocklab / native C++: not measured (no g++ or no source)'
      : `shocklab / native C++: ${(100 * ofNative).toFixed(1)}% (target of issue 8: >= 25%; the bundle the CLI runs; loaded file by file through tsx: ${(100 * tsxOfNative!).toFixed(1)}%)`,
  );
}
process.exit(allOk ? 0 : 1);
