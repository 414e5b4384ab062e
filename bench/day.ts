// `npm run bench:day [-- --json] [--runs N] [--workloads day,rmsc04,day-100k] [--against REF]`:
// the day benchmark (issues 3 and 8). Each run is a fresh child process (this file with
// --child NAME); workloads are interleaved (day, rmsc04, day-100k, day, ...) and the report gives
// the median of N runs (default 3) per workload:
//   day       bench/workloads/day.json: the 10,000-agent day, frozen as it was at commit ffa2942
//             (calm-day with bench:day's overrides then). Its wake-ups, orders, cancels and trades
//             must stay within +-5% of ffa2942's (FFA2942_DAY) - the model may not get cheaper by
//             doing less - and the bench fails otherwise;
//   rmsc04    the `rmsc04` preset: ABIDES's RMSC04 day, 09:30-16:00 (issue 9); target <= 0.285 s,
//             a hundredth of ABIDES's 28.5 s on it here (bench:abides races ABIDES itself);
//   day-100k  bench/workloads/day-100k.json: the same day with 10x every class and the float;
//             target peak RSS <= 1 GB and wall time <= 1.3 x 10 x the day's (linear scaling).
// --against REF builds REF (any git revision) in a temporary git worktree with its own `npm ci`,
// then runs REF's `bench/day.ts --child day` and ours alternately (REF, ours, REF, ours, ...),
// fresh processes, N rounds, and prints the ratio of the medians (target: ours >= 5x faster than
// ffa2942). REF's child runs REF's own definition of the day, which at ffa2942 is the workload
// frozen in day.json; the four counts are printed side by side.
// Timed: buildRun + completeRun (kernel, agents, exchange, recorder, audit), through the public
// API. Process start-up and scenario parsing are measured and reported separately, not timed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './median.ts';
import { chooseInlining } from '../src/cli/inlining.ts';

const MB = 1024 * 1024;
const SESSION_S = 6.5 * 3600;
const HERE = import.meta.dirname;
const ROOT = join(HERE, '..');

/** The day's counts at ffa2942 (seed 1; `bench:day` at that commit, 2 Dec 2026): the work the day must keep doing. */
const FFA2942_DAY = { wakeups: 5_915_609, orders: 2_675_158, cancels: 1_304_028, trades: 2_322_061 };
const COUNT_TOLERANCE = 0.05;
const WORKLOAD_FILES: Record<string, string> = { day: 'workloads/day.json', 'day-100k': 'workloads/day-100k.json' };

interface ChildResult {
  workload: string;
  preset: string;
  overrides: string[];
  startupMs: number;
  parseMs: number;
  buildMs: number;
  runMs: number;
  simSeconds: number;
  events: number;
  wakeups: number;
  orders: number;
  cancels: number;
  trades: number;
  tapeHash: string;
  peakRssMB: number;
}

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    workloads: { type: 'string', default: 'day,rmsc04,day-100k' },
    against: { type: 'string' },
    child: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`npm run bench:day -- [--runs N] [--workloads day,rmsc04,day-100k] [--against REF] [--json]

  --runs N         fresh processes per workload (default 3); medians are reported
  --workloads L    comma-separated subset of day, rmsc04, day-100k (default all three)
  --against REF    also build git revision REF in a temporary worktree (npm ci) and race its
                   day against ours, alternating, N rounds: prints both medians and the ratio
  --json           one JSON document on stdout instead of the report

Example: npm run bench:day -- --workloads day --against ffa2942`);
  process.exit(0);
}

if (values.child !== undefined) {
  await child(values.child);
} else {
  await main();
}

async function child(workload: string): Promise<void> {
  // The public API as the CLI loads it (bin/load.js: the esbuild bundle, else tsx). ffa2942's
  // child ran the sources through tsx, whose loader holds ~60 MB more.
  // @ts-expect-error bin/load.js is plain JavaScript without declarations
  const { loadApi } = (await import('../bin/load.js')) as { loadApi: () => Promise<typeof import('../src/index.ts')> };
  const api = await loadApi();
  const loadedMs = performance.now(); // clock-ok: ms since this process started (Node, tsx, this file)
  const file = WORKLOAD_FILES[workload];
  const raw = file !== undefined ? (JSON.parse(readFileSync(join(HERE, file), 'utf8')) as Record<string, unknown>) : (api.getPreset(workload) as Record<string, unknown>);
  const scenario = api.parseScenario(raw);
  const t0 = performance.now(); // clock-ok
  const built = api.buildRun(scenario, 1, { tradeRows: false }); // as `shocklab run` without --out: the tape hash, no rows
  chooseInlining(built.kernel.agents.length, built.endNs - built.startNs); // as `shocklab run` does (src/cli/inlining.ts)
  const t1 = performance.now(); // clock-ok
  api.completeRun(built);
  const t2 = performance.now(); // clock-ok
  const sum = api.summarize(scenario, 1, built);
  const res: ChildResult = {
    workload,
    preset: file !== undefined ? `bench/${file}` : workload,
    overrides: [],
    startupMs: loadedMs,
    parseMs: t0 - loadedMs,
    buildMs: t1 - t0,
    runMs: t2 - t1,
    simSeconds: simulatedTradingSeconds(scenario),
    events: built.kernel.events,
    wakeups: built.kernel.wakeups,
    orders: sum.orders,
    cancels: built.traders.reduce((a, t) => a + t.cancelsSent, 0),
    trades: sum.trades,
    tapeHash: sum.tapeHash,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
  };
  process.stdout.write(JSON.stringify(res) + '\n');
}

/** Seconds of trading simulated: the sessions (09:30-16:00 per day) with a schedule, else the duration. */
function simulatedTradingSeconds(s: { schedule?: { days: number } | undefined; durationSeconds?: number | undefined }): number {
  return s.schedule ? s.schedule.days * SESSION_S : (s.durationSeconds ?? 0);
}


function runChild(cwd: string, workload: string): ChildResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(cwd, 'bench/day.ts'), '--child', workload], { cwd, encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
}

function git(args: string[], cwd = ROOT): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A worktree of REF with its dependencies installed (kept in the temp dir for the next run). */
function prepareRef(ref: string): { dir: string; commit: string } {
  let commit: string;
  try {
    commit = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  } catch {
    console.error(`--against: ${ref} is not a git revision of this repository`);
    process.exit(2);
  }
  const dir = join(tmpdir(), `shocklab-bench-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'node_modules', '.package-lock.json'))) {
    process.stderr.write(`building ${ref} (${commit.slice(0, 7)}) in ${dir}: git worktree + npm ci ...\n`);
    if (existsSync(dir)) git(['worktree', 'remove', '--force', dir]);
    git(['worktree', 'add', '--detach', dir, commit]);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  } else {
    process.stderr.write(`using the worktree of ${ref} (${commit.slice(0, 7)}) in ${dir}\n`);
  }
  return { dir, commit };
}

async function main(): Promise<void> {
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`--runs must be a positive integer, got ${values.runs}`);
    process.exit(2);
  }
  const workloads = values.workloads.split(',').map((w) => w.trim());
  for (const w of workloads) {
    if (w !== 'rmsc04' && WORKLOAD_FILES[w] === undefined) {
      console.error(`--workloads: unknown workload ${w} (allowed: day, rmsc04, day-100k)`);
      process.exit(2);
    }
  }
  const ref = values.against !== undefined ? prepareRef(values.against) : null;
  const results: Record<string, ChildResult[]> = {};
  const refResults: ChildResult[] = [];
  for (let r = 0; r < runs; r++) {
    for (const w of workloads) {
      if (ref !== null && w === 'day') {
        if (!values.json) process.stderr.write(`run ${r + 1}/${runs}: day @ ${values.against} ... `);
        const res = runChild(ref.dir, 'day');
        refResults.push(res);
        if (!values.json) process.stderr.write(`${((res.buildMs + res.runMs) / 1000).toFixed(3)} s  (tape ${res.tapeHash})\n`);
      }
      if (!values.json) process.stderr.write(`run ${r + 1}/${runs}: ${w} ... `);
      const res = runChild(ROOT, w);
      (results[w] ??= []).push(res);
      if (!values.json) process.stderr.write(`${((res.buildMs + res.runMs) / 1000).toFixed(3)} s  (tape ${res.tapeHash})\n`);
    }
  }
  const report = workloads.map((w) => summarise(w, results[w], results.day));
  const against = ref !== null ? compareRef(values.against!, ref.commit, refResults, results.day) : null;
  if (!values.json) {
    for (const s of report) print(s);
    if (against !== null) printAgainst(against);
  } else {
    console.log(JSON.stringify({ runs, workloads: report, ...(against !== null ? { against } : {}), pass: report.every((s) => s.pass) && (against?.pass ?? true) }));
  }
  process.exit(report.every((s) => s.pass) && (against?.pass ?? true) ? 0 : 1);
}

interface Target {
  name: string;
  value: number;
  limit: number;
  op: '<=' | '>=';
  pass: boolean;
}

function target(name: string, value: number, op: '<=' | '>=', limit: number): Target {
  return { name, value, op, limit, pass: op === '<=' ? value <= limit : value >= limit };
}

/** The four counts within +-5% of ffa2942's day. */
function countTargets(r: ChildResult): Target[] {
  const out: Target[] = [];
  for (const k of ['wakeups', 'orders', 'cancels', 'trades'] as const) {
    out.push(target(`${k} >= ffa2942 - 5%`, r[k], '>=', Math.ceil(FFA2942_DAY[k] * (1 - COUNT_TOLERANCE))));
    out.push(target(`${k} <= ffa2942 + 5%`, r[k], '<=', Math.floor(FFA2942_DAY[k] * (1 + COUNT_TOLERANCE))));
  }
  return out;
}

function summarise(workload: string, rs: ChildResult[], day: ChildResult[] | undefined) {
  const first = rs[0];
  const timedS = median(rs.map((r) => (r.buildMs + r.runMs) / 1000));
  const peakRssMB = Math.max(...rs.map((r) => r.peakRssMB));
  const deterministic = rs.every((r) => r.tapeHash === first.tapeHash && r.events === first.events);
  const targets: Target[] = [];
  if (workload === 'day') {
    targets.push(...countTargets(first), target('peak RSS MB', peakRssMB, '<=', 300));
  } else if (workload === 'day-100k') {
    targets.push(target('peak RSS MB', peakRssMB, '<=', 1024));
    if (day !== undefined) targets.push(target('wall s / (10 x the day)', timedS / (10 * median(day.map((r) => (r.buildMs + r.runMs) / 1000))), '<=', 1.3));
  } else {
    targets.push(target('wall s (ABIDES 28.5 s / 100)', timedS, '<=', 0.285), target('peak RSS MB', peakRssMB, '<=', 300));
  }
  return {
    workload,
    preset: first.preset,
    overrides: first.overrides,
    runs: rs.length,
    simulatedSeconds: first.simSeconds,
    medianTimedSeconds: timedS,
    medianBuildSeconds: median(rs.map((r) => r.buildMs / 1000)),
    medianRunSeconds: median(rs.map((r) => r.runMs / 1000)),
    wallSecondsPerSimulatedDay: (timedS * SESSION_S) / first.simSeconds,
    eventsPerSecond: first.events / timedS,
    ordersPerSecond: first.orders / timedS,
    events: first.events,
    wakeups: first.wakeups,
    orders: first.orders,
    cancels: first.cancels,
    trades: first.trades,
    tapeHash: first.tapeHash,
    deterministic,
    peakRssMB,
    medianStartupMs: median(rs.map((r) => r.startupMs)),
    medianParseMs: median(rs.map((r) => r.parseMs)),
    timedRuns: rs.map((r) => (r.buildMs + r.runMs) / 1000),
    targets,
    pass: targets.every((x) => x.pass) && deterministic,
  };
}

function compareRef(ref: string, commit: string, refRuns: ChildResult[], ours: ChildResult[] | undefined) {
  const refS = median(refRuns.map((r) => (r.buildMs + r.runMs) / 1000));
  const oursS = ours !== undefined ? median(ours.map((r) => (r.buildMs + r.runMs) / 1000)) : NaN;
  const counts = (r: ChildResult | undefined) => ({ wakeups: r?.wakeups ?? NaN, orders: r?.orders ?? NaN, cancels: r?.cancels ?? NaN, trades: r?.trades ?? NaN });
  const speedup = refS / oursS;
  return {
    ref,
    commit,
    refMedianTimedSeconds: refS,
    oursMedianTimedSeconds: oursS,
    refTimedRuns: refRuns.map((r) => (r.buildMs + r.runMs) / 1000),
    speedup,
    refCounts: counts(refRuns[0]),
    oursCounts: counts(ours?.[0]),
    refPeakRssMB: Math.max(...refRuns.map((r) => r.peakRssMB)),
    oursPeakRssMB: ours !== undefined ? Math.max(...ours.map((r) => r.peakRssMB)) : NaN,
    refTapeHash: refRuns[0].tapeHash,
    target: 5,
    pass: speedup >= 5,
  };
}

function print(s: ReturnType<typeof summarise>): void {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log(`\n${s.workload}: ${s.preset}`);
  console.log(`  timed (build + run), median of ${s.runs}: ${s.medianTimedSeconds.toFixed(3)} s  [build ${s.medianBuildSeconds.toFixed(3)} s, run ${s.medianRunSeconds.toFixed(3)} s]  runs: ${s.timedRuns.map((x) => x.toFixed(3)).join(', ')}`);
  console.log(`  simulated ${n(s.simulatedSeconds)} s of trading -> ${s.wallSecondsPerSimulatedDay.toFixed(3)} s wall per 6.5 h day`);
  console.log(`  events ${n(s.events)} (${n(s.eventsPerSecond)}/s), wake-ups ${n(s.wakeups)}, new orders ${n(s.orders)} (${n(s.ordersPerSecond)}/s), cancels ${n(s.cancels)}, trades ${n(s.trades)}`);
  console.log(`  peak RSS ${s.peakRssMB.toFixed(0)} MB; not timed: start-up ${s.medianStartupMs.toFixed(0)} ms, scenario parsing ${s.medianParseMs.toFixed(0)} ms; tape ${s.tapeHash}${s.deterministic ? '' : '  NOT DETERMINISTIC ACROSS RUNS'}`);
  for (const x of s.targets) console.log(`  ${x.pass ? 'PASS' : 'FAIL'}  ${x.name}: ${x.value < 1000 ? x.value.toFixed(3) : n(x.value)} ${x.op} ${x.limit < 1000 ? x.limit : n(x.limit)}`);
}

function printAgainst(a: ReturnType<typeof compareRef>): void {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log(`\nday against ${a.ref} (${a.commit.slice(0, 7)}), alternating fresh processes:`);
  console.log(`  ${a.ref}: median ${a.refMedianTimedSeconds.toFixed(3)} s (runs ${a.refTimedRuns.map((x) => x.toFixed(3)).join(', ')}), peak RSS ${a.refPeakRssMB.toFixed(0)} MB, tape ${a.refTapeHash}`);
  console.log(`  ours: median ${a.oursMedianTimedSeconds.toFixed(3)} s, peak RSS ${a.oursPeakRssMB.toFixed(0)} MB`);
  console.log(`  ${'count'.padEnd(8)} ${a.ref.padStart(12)} ${'ours'.padStart(12)}`);
  for (const k of ['wakeups', 'orders', 'cancels', 'trades'] as const) console.log(`  ${k.padEnd(8)} ${n(a.refCounts[k]).padStart(12)} ${n(a.oursCounts[k]).padStart(12)}`);
  console.log(`  ${a.pass ? 'PASS' : 'FAIL'}  speed-up ${a.speedup.toFixed(2)}x >= ${a.target}x`);
}
