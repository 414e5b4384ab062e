// `npm run bench:day [-- --json] [--runs N]`: the day benchmark of issue 3. Each run is a fresh
// child process (this file with --child NAME), workloads interleaved (day, rmsc04, day, ...);
// the report gives the median of N runs (default 3) per workload and checks the targets:
//   day     a full 6.5 h session, 10,000 agents waking once a minute on average (>= 3.9M
//           wake-ups, >= 1M orders) in <= 2 s; the `calm-day` preset with DAY_OVERRIDES, or,
//           while that preset does not exist, the zi-smoke stand-in (ZI_STAND_IN);
//   rmsc04  ABIDES RMSC04's workload (the `rmsc04` preset, 30 minutes) in <= 0.25 s;
//   peak RSS <= 300 MB for each.
// Timed: buildRun + completeRun (kernel, agents, exchange, recorder, audit), through the public
// API. Process start-up (Node + tsx + loading the modules) and scenario parsing are measured
// and reported separately, not timed. Wall time per simulated day = timed seconds x (6.5 h /
// simulated trading time).
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const MB = 1024 * 1024;
const SESSION_S = 6.5 * 3600;

/**
 * Overrides that turn calm-day into the 10,000-agents-a-minute day (--set style): calm-day's
 * classes with 7,948 noise traders, 2,000 retail investors, 50 institutions and 2 market makers
 * (10,000 agents), the traders' mean wake-up interval set to 60 s (the noise flow's activity
 * multipliers average about 1 over the session; the wake-up count is reported).
 */
const DAY_OVERRIDES = [
  'agents.zeroIntelligence.count=7948',
  'agents.zeroIntelligence.meanWakeSeconds=60',
  'agents.retail.count=2000',
  'agents.retail.meanWakeSeconds=60',
  'agents.institutions.count=50',
  'agents.institutions.meanWakeSeconds=60',
  'agents.marketMakers.count=2',
];
/** The stand-in used while calm-day does not exist. */
const ZI_STAND_IN = ['agents.zeroIntelligence.count=10000', 'agents.zeroIntelligence.meanWakeSeconds=60', 'durationSeconds=23400', 'agents.marketMakers.count=20'];

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

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, runs: { type: 'string', default: '3' }, child: { type: 'string' } } });

if (values.child !== undefined) {
  await child(values.child);
} else {
  await main();
}

async function child(workload: string): Promise<void> {
  const startupMs = performance.now(); // clock-ok: ms since this process started (Node, tsx, this file)
  const api = await import('../src/index.ts');
  const loadedMs = performance.now(); // clock-ok
  let preset: string;
  let overrides: string[];
  if (workload === 'day') {
    const has = api.presetNames().includes('calm-day');
    preset = has ? 'calm-day' : 'zi-smoke';
    overrides = has ? DAY_OVERRIDES : ZI_STAND_IN;
  } else {
    preset = 'rmsc04';
    overrides = [];
  }
  const raw = api.getPreset(preset) as Record<string, unknown>;
  for (const o of overrides) setPath(raw, o);
  const scenario = api.parseScenario(raw);
  const t0 = performance.now(); // clock-ok
  const built = api.buildRun(scenario, 1);
  const t1 = performance.now(); // clock-ok
  api.completeRun(built);
  const t2 = performance.now(); // clock-ok
  const sum = api.summarize(scenario, 1, built);
  const simSeconds = simulatedTradingSeconds(scenario);
  const res: ChildResult = {
    workload,
    preset,
    overrides,
    startupMs: loadedMs,
    parseMs: t0 - loadedMs,
    buildMs: t1 - t0,
    runMs: t2 - t1,
    simSeconds,
    events: built.kernel.events,
    wakeups: built.kernel.wakeups,
    orders: sum.orders,
    cancels: built.traders.reduce((a, t) => a + t.cancelsSent, 0),
    trades: sum.trades,
    tapeHash: sum.tapeHash,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
  };
  void startupMs;
  process.stdout.write(JSON.stringify(res) + '\n');
}

/** Seconds of trading simulated: the sessions (09:30-16:00 per day) with a schedule, else the duration. */
function simulatedTradingSeconds(s: { schedule?: { days: number } | undefined; durationSeconds?: number | undefined }): number {
  return s.schedule ? s.schedule.days * SESSION_S : (s.durationSeconds ?? 0);
}

/** `a.b.c=value` onto a plain object (value parsed as JSON when it parses, else a string). */
function setPath(target: Record<string, unknown>, assignment: string): void {
  const eq = assignment.indexOf('=');
  const path = assignment.slice(0, eq).split('.');
  let node = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const text = assignment.slice(eq + 1);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    v = text;
  }
  node[path[path.length - 1]] = v;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main(): Promise<void> {
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`--runs must be a positive integer, got ${values.runs}`);
    process.exit(2);
  }
  const { presetNames } = await import('../src/index.ts');
  const workloads = presetNames().includes('rmsc04') ? ['day', 'rmsc04'] : ['day'];
  const results: Record<string, ChildResult[]> = {};
  for (let r = 0; r < runs; r++) {
    for (const w of workloads) {
      if (!values.json) process.stderr.write(`run ${r + 1}/${runs}: ${w} ... `);
      const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', w], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const res = JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
      (results[w] ??= []).push(res);
      if (!values.json) process.stderr.write(`${((res.buildMs + res.runMs) / 1000).toFixed(3)} s  (tape ${res.tapeHash})\n`);
    }
  }
  const report = workloads.map((w) => summarise(w, results[w]));
  if (!values.json) {
    if (!presetNames().includes('rmsc04')) console.log('(preset rmsc04 not found: skipped)');
    for (const s of report) print(s);
  } else {
    console.log(JSON.stringify({ runs, workloads: report, pass: report.every((s) => s.pass) }));
  }
  process.exit(report.every((s) => s.pass) ? 0 : 1);
}

interface Target {
  name: string;
  value: number;
  limit: number;
  op: '<=' | '>=';
  pass: boolean;
}

function summarise(workload: string, rs: ChildResult[]) {
  const first = rs[0];
  const timedS = median(rs.map((r) => (r.buildMs + r.runMs) / 1000));
  const runS = median(rs.map((r) => r.runMs / 1000));
  const perDayS = (timedS * SESSION_S) / first.simSeconds;
  const peakRssMB = Math.max(...rs.map((r) => r.peakRssMB));
  const deterministic = rs.every((r) => r.tapeHash === first.tapeHash && r.events === first.events);
  const t = (name: string, value: number, op: '<=' | '>=', limit: number): Target => ({ name, value, op, limit, pass: op === '<=' ? value <= limit : value >= limit });
  const targets: Target[] =
    workload === 'day'
      ? [t('wall s per simulated day', perDayS, '<=', 2), t('wake-ups', first.wakeups, '>=', 3.9e6), t('orders', first.orders, '>=', 1e6), t('peak RSS MB', peakRssMB, '<=', 300)]
      : [t('wall s (30-min session)', timedS, '<=', 0.25), t('peak RSS MB', peakRssMB, '<=', 300)];
  return {
    workload,
    preset: first.preset,
    overrides: first.overrides,
    runs: rs.length,
    simulatedSeconds: first.simSeconds,
    medianTimedSeconds: timedS,
    medianBuildSeconds: median(rs.map((r) => r.buildMs / 1000)),
    medianRunSeconds: runS,
    wallSecondsPerSimulatedDay: perDayS,
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

function print(s: ReturnType<typeof summarise>): void {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log(`\n${s.workload}: preset ${s.preset}${s.overrides.length ? ' --set ' + s.overrides.join(' --set ') : ''}`);
  console.log(`  timed (build + run), median of ${s.runs}: ${s.medianTimedSeconds.toFixed(3)} s  [build ${s.medianBuildSeconds.toFixed(3)} s, run ${s.medianRunSeconds.toFixed(3)} s]  runs: ${s.timedRuns.map((x) => x.toFixed(3)).join(', ')}`);
  console.log(`  simulated ${n(s.simulatedSeconds)} s of trading -> ${s.wallSecondsPerSimulatedDay.toFixed(3)} s wall per 6.5 h day`);
  console.log(`  events ${n(s.events)} (${n(s.eventsPerSecond)}/s), wake-ups ${n(s.wakeups)}, new orders ${n(s.orders)} (${n(s.ordersPerSecond)}/s), cancels ${n(s.cancels)}, trades ${n(s.trades)}`);
  console.log(`  peak RSS ${s.peakRssMB.toFixed(0)} MB; not timed: start-up ${s.medianStartupMs.toFixed(0)} ms, scenario parsing ${s.medianParseMs.toFixed(0)} ms; tape ${s.tapeHash}${s.deterministic ? '' : '  NOT DETERMINISTIC ACROSS RUNS'}`);
  for (const x of s.targets) console.log(`  ${x.pass ? 'PASS' : 'FAIL'}  ${x.name} ${x.value < 1000 ? x.value.toFixed(3) : n(x.value)} ${x.op} ${x.limit < 1000 ? x.limit : n(x.limit)}`);
}
