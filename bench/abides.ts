// `npm run bench:abides [-- --seeds K] [--end-time HH:MM:SS] [--runs N] [--json]`: the race with
// ABIDES on its own reference day (issue 9). For each seed it runs ABIDES's driver
// (../shared/peers/abides/driver.py, rmsc04) and `shocklab run --preset rmsc04 --seed S --json`
// alternately in fresh processes (ABIDES, ours, ABIDES, ours, ...), N rounds (default 3), and
// prints both sets of counts side by side (new orders, cancels, trades: the driver's
// definitions), the median wall times, their ratio and the peak RSS of each; with several seeds,
// a last line of the ratios' spread and on how many seeds every count is within +-25%. ABIDES's time is
// its `wallSeconds` (abides.run only); ours is the X of the CLI's last stderr line
// `N events in X s` (build + run). Peak RSS of each whole process by /usr/bin/time when it
// exists. --end-time passes to the driver and becomes `--set durationSeconds` for us (from
// 09:30). When ABIDES is not set up it says how and exits 0: nothing here depends on Python.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './median.ts';

const ROOT = join(import.meta.dirname, '..');
const PEER = join(ROOT, '..', 'shared', 'peers', 'abides');
const PYTHON = process.env.ABIDES_PYTHON ?? '/tmp/abides-venv/bin/python';
const TIME = '/usr/bin/time';
/** Issue 9's target: shocklab at least this many times faster than ABIDES. */
const TARGET = 100;

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '1' },
    'end-time': { type: 'string', default: '16:00:00' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`npm run bench:abides -- [--seeds K] [--end-time HH:MM:SS] [--runs N] [--json]

  --seeds K        race seeds 1..K (default 1)
  --end-time T     the session's end, 09:30 < T <= 16:00 (default 16:00:00; 10:00:00 is ABIDES's short run)
  --runs N         rounds per seed (default 3); medians are reported
  --json           one JSON document on stdout

ABIDES must be set up once: ../shared/peers/abides/setup.sh (Debian packages and a venv in /tmp/abides-venv).`);
  process.exit(0);
}

const runs = Number(values.runs);
const seedCount = Number(values.seeds);
const endMatch = /^(\d\d):(\d\d):(\d\d)$/.exec(values['end-time']);
const fail = (msg: string): never => {
  console.error(msg);
  process.exit(2);
};
if (!Number.isInteger(runs) || runs < 1) fail(`--runs: must be a positive integer, got ${values.runs}`);
if (!Number.isInteger(seedCount) || seedCount < 1) fail(`--seeds: must be a positive integer, got ${values.seeds}`);
const durationSeconds = endMatch ? Number(endMatch[1]) * 3600 + Number(endMatch[2]) * 60 + Number(endMatch[3]) - 9.5 * 3600 : NaN;
if (!(durationSeconds > 0 && durationSeconds <= 23_400)) fail(`--end-time: must be HH:MM:SS after 09:30:00 and at most 16:00:00, got ${values['end-time']}`);

if (!existsSync(PYTHON) || !existsSync(join(PEER, 'driver.py'))) {
  console.log(`ABIDES is not set up here (${PYTHON} not found): run ${join(PEER, 'setup.sh')} once (Debian packages and a venv), then npm run bench:abides again. Skipped.`);
  process.exit(0);
}

interface Counts {
  orders: number;
  cancels: number;
  trades: number;
}
interface Run extends Counts {
  seconds: number;
  peakRssMB: number;
}

/** Runs argv, returns stdout, stderr and the peak RSS (MB) when /usr/bin/time is there. */
function measured(cmd: string, args: string[], cwd: string): { stdout: string; stderr: string; peakRssMB: number } {
  const timed = existsSync(TIME);
  const r = timed ? spawnSync(TIME, ['-f', 'peak-rss-kb %M', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 }) : spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  const m = /peak-rss-kb (\d+)/.exec(r.stderr);
  return { stdout: r.stdout, stderr: r.stderr, peakRssMB: m ? Number(m[1]) / 1024 : NaN };
}

function abides(seed: number): Run {
  const r = measured(PYTHON, [join(PEER, 'driver.py'), '--seed', String(seed), '--end-time', values['end-time']], PEER);
  const j = JSON.parse(r.stdout.trim().split('\n').pop()!) as { wallSeconds: number; newOrders: number; cancels: number; trades: number; peakRssMB: number };
  return { seconds: j.wallSeconds, orders: j.newOrders, cancels: j.cancels, trades: j.trades, peakRssMB: Number.isNaN(r.peakRssMB) ? j.peakRssMB : r.peakRssMB };
}

function ours(seed: number): Run {
  const args = [join(ROOT, 'bin', 'shocklab.js'), 'run', '--preset', 'rmsc04', '--seed', String(seed), '--json', ...(durationSeconds !== 23_400 ? ['--set', `durationSeconds=${durationSeconds}`] : [])];
  const r = measured(process.execPath, args, ROOT);
  const last = r.stderr.trim().split('\n').filter((l) => !l.startsWith('peak-rss-kb')).pop() ?? '';
  const m = /^([\d,]+) events in ([\d.]+) s/.exec(last);
  if (!m) throw new Error(`shocklab's last stderr line is not "N events in X s": ${last}`);
  const s = (JSON.parse(r.stdout) as { seeds: Counts[] }).seeds[0];
  return { seconds: Number(m[2]), orders: s.orders, cancels: s.cancels, trades: s.trades, peakRssMB: r.peakRssMB };
}


// Build the CLI bundle once, outside the timed runs.
execFileSync(process.execPath, [join(ROOT, 'bin', 'shocklab.js'), '--version'], { stdio: 'ignore' });

const results = [];
for (let seed = 1; seed <= seedCount; seed++) {
  const a: Run[] = [];
  const o: Run[] = [];
  for (let r = 0; r < runs; r++) {
    if (!values.json) process.stderr.write(`seed ${seed}, round ${r + 1}/${runs}: ABIDES ... `);
    a.push(abides(seed));
    if (!values.json) process.stderr.write(`${a[r].seconds.toFixed(2)} s; shocklab ... `);
    o.push(ours(seed));
    if (!values.json) process.stderr.write(`${o[r].seconds.toFixed(3)} s\n`);
  }
  const within = (x: number, ref: number) => Math.abs(x - ref) <= 0.25 * ref;
  const abidesS = median(a.map((x) => x.seconds));
  const oursS = median(o.map((x) => x.seconds));
  results.push({
    seed,
    abides: { orders: a[0].orders, cancels: a[0].cancels, trades: a[0].trades, medianSeconds: abidesS, runs: a.map((x) => x.seconds), peakRssMB: Math.max(...a.map((x) => x.peakRssMB)) },
    shocklab: { orders: o[0].orders, cancels: o[0].cancels, trades: o[0].trades, medianSeconds: oursS, runs: o.map((x) => x.seconds), peakRssMB: Math.max(...o.map((x) => x.peakRssMB)) },
    within25: { orders: within(o[0].orders, a[0].orders), cancels: within(o[0].cancels, a[0].cancels), trades: within(o[0].trades, a[0].trades) },
    speedup: abidesS / oursS,
  });
}

// Across seeds: the spread of the ratios and on how many seeds all three counts agree within +-25%.
const ratios = results.map((r) => r.speedup);
const summary = {
  seeds: results.length,
  minSpeedup: Math.min(...ratios),
  medianSpeedup: median(ratios),
  maxSpeedup: Math.max(...ratios),
  seedsWithin25: results.filter((r) => r.within25.orders && r.within25.cancels && r.within25.trades).length,
};

if (values.json) {
  console.log(JSON.stringify({ endTime: values['end-time'], runs, target: TARGET, results, summary }));
} else {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const pct = (x: number, ref: number) => `${x >= ref ? '+' : ''}${((100 * (x - ref)) / ref).toFixed(1)}%`;
  for (const r of results) {
    console.log(`\nrmsc04, seed ${r.seed}, 09:30-${values['end-time']}, ${runs} alternating rounds`);
    console.log(`  ${''.padEnd(12)} ${'ABIDES'.padStart(12)} ${'shocklab'.padStart(12)}   difference`);
    for (const k of ['orders', 'cancels', 'trades'] as const) console.log(`  ${k.padEnd(12)} ${n(r.abides[k]).padStart(12)} ${n(r.shocklab[k]).padStart(12)}   ${pct(r.shocklab[k], r.abides[k])}${r.within25[k] ? '' : '  (outside +-25%)'}`);
    console.log(`  ${'wall s'.padEnd(12)} ${r.abides.medianSeconds.toFixed(3).padStart(12)} ${r.shocklab.medianSeconds.toFixed(3).padStart(12)}   medians (ABIDES ${r.abides.runs.map((x) => x.toFixed(2)).join(', ')}; ours ${r.shocklab.runs.map((x) => x.toFixed(3)).join(', ')})`);
    console.log(`  ${'peak RSS MB'.padEnd(12)} ${r.abides.peakRssMB.toFixed(0).padStart(12)} ${r.shocklab.peakRssMB.toFixed(0).padStart(12)}`);
    console.log(`  ${r.speedup >= TARGET ? 'PASS' : 'FAIL'}  shocklab ${r.speedup.toFixed(0)}x faster than ABIDES (target >= ${TARGET}x)`);
  }
  const x = summary;
  if (x.seeds > 1) console.log(`\nseeds 1-${x.seeds}: ${x.minSpeedup.toFixed(0)}x to ${x.maxSpeedup.toFixed(0)}x faster, median ${x.medianSpeedup.toFixed(0)}x; all three counts within +-25% of ABIDES's on ${x.seedsWithin25} of ${x.seeds} seeds`);
}
