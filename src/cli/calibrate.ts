// `shocklab calibrate`: fits a scenario's behavioural parameters to observed moments by simulated
// method of moments (src/analysis/calibrate.ts), on the seed pool of `run`. The moments come from
// a targets file, or from a user's daily bars around an event (the event day's return, open gap,
// low and volume multiple, and the next day's return). Writes fit.json and the fitted scenario as
// YAML into a new directory, all or nothing; Ctrl-C writes the best point found and exits 130.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify as toYaml } from 'yaml';
import { applyUnit, BarsError, calibrate, checkFitParams, FitParamError, getPath, parseDailyBars, parseScenario, parseTargets, PRESET_FIT_PARAMS, resolveNews, resolveTargets, scenarioCalendar, ScenarioError, shockMoments, targetLabel, TargetsError, momentOf, spread, type CalibrationResult, type Evaluation, type FitParam, type Scenario, type ScenarioInput, type Target, type TargetInput } from '../index.ts';
import { joinNegativeValues, plainParseError, UsageError, wholeNumber } from './errors.ts';
import type { Io } from './io.ts';
import { Progress } from './progress.ts';
import { runSeeds } from './run-seeds.ts';
import { loadScenarioInput, readDataFile, readText } from './scenario-input.ts';
import { checkOutputDir } from './output-paths.ts';

export const CALIBRATE_HELP = `usage: shocklab calibrate <FILE | --preset NAME> (--targets FILE | --bars FILE --symbol S --event YYYY-MM-DD)
                         [--params FILE] [--seeds K] [--max-evals N] [--check-seeds M] [--set P=V] [--out DIR] [--dry-run]

Fits a scenario's behavioural parameters (at most 6: how far and how fast each reading reaches
each class, appetite, order sizes, dip buying, ...) to observed moments by simulated method of
moments: every candidate runs the same seeds 1..K, the objective is sum w (mean - target)^2 with
w = 1 / the moment's variance across seeds at the start (or the target's weight), and the search
is bounded Nelder-Mead. Then the moment Jacobian at the fit (identification) and a check of the
fitted scenario over seeds 1..M.

  --preset NAME      a built-in scenario (or give a scenario FILE)
  --targets FILE     YAML/JSON { targets: [{ moment, symbol, date, value, weight? }] }
                     (shocklab schema targets prints its JSON Schema)
  --bars FILE        daily CSV date,open,high,low,close,volume (ascending NYSE trading days, none
                     missing, >= 20 rows before the event); its moments on --event become targets
  --symbol S         the scenario's symbol the bars are of (with --bars)
  --event DATE       the shock's session in the bars (with --bars); a date outside the run is
                     compared with the run's shock session (the first one a reading moves)
  --params FILE      YAML/JSON { params: [{ path, lo, hi, scale: linear|log }] } (default: the
                     preset's, shown by --dry-run)
  --seeds K          search seeds 1..K, 1-100 (default 8)
  --max-evals N      search evaluations, 1-10000 (default 60; ~25 s each for deepseek-2025 here,
                     plus one per parameter for the Jacobian)
  --check-seeds M    seeds of the final check of the fitted scenario, 0-1000 (default 20; 0 skips)
  --workers N        worker threads, 1-256 (default one per core)
  --set PATH=VALUE   override a scenario field before the fit (repeatable), as in shocklab run
  --out DIR          where fit.json and <name>.fitted.yaml go (default out/calibrate-<name>;
                     must be new or empty; missing parents are created)
  --dry-run          check the inputs, print the target moments and parameters, write nothing
  -h, --help         this text

Progress (evaluations, best objective, time left) goes to stderr.

example: shocklab calibrate --preset deepseek-2025 --bars ../shared/data/nvda-daily.csv --symbol NVDA --event 2025-01-27 --dry-run
`;

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)}%`;

/** A moment's value in the unit people read it in. */
function show(t: Pick<Target, 'moment'>, x: number): string {
  if (t.moment === 'volumeMultiple') return `${x.toFixed(2)}x`;
  if (t.moment === 'retailNetUsd') return `${x >= 0 ? '+' : '-'}$${(Math.abs(x) / 1e6).toFixed(0)}M`;
  return pct(x);
}

function intFlag(text: string | undefined, name: string, fallback: number, lo: number, hi: number): number {
  return wholeNumber(text, name, fallback, lo, hi);
}

/** The run's session dates (null entries when undated). */
function sessionDates(s: Scenario): (string | null)[] {
  const cal = scenarioCalendar(s);
  const days = s.schedule?.days ?? 1;
  return Array.from({ length: days }, (_, k) => cal?.date(k) ?? null);
}

/** The first session a reading that moves any value ratio can act on. */
function shockSession(s: Scenario): number {
  const cal = scenarioCalendar(s);
  const moving = resolveNews(s).narratives.filter((n) => n.valueRatios.some((v) => Math.abs(v - 1) > 1e-9));
  if (cal === null || moving.length === 0) throw new UsageError('--event: the date is not a session of the run, and the scenario has no news that moves a value to compare it with');
  const t = Math.min(...moving.map((n) => n.startNs));
  for (let k = 0; k < cal.sessions; k++) if (cal.midnight(k) + cal.day.close > t) return k;
  throw new UsageError('--event: the scenario\'s news moves values only after its last session');
}

/** Targets from a user's daily bars: the event day's moments and the next day's return. */
function barsTargets(s: Scenario, file: string, symbol: string | undefined, event: string | undefined, io: Io): TargetInput[] {
  if (symbol === undefined) throw new UsageError('--bars needs --symbol S (the scenario\'s symbol the bars are of)');
  if (event === undefined) throw new UsageError('--bars needs --event YYYY-MM-DD (the shock\'s session in the bars)');
  if (!s.symbols.some((x) => x.name === symbol)) throw new UsageError(`--symbol: ${symbol} is not a symbol of the scenario (${s.symbols.map((x) => x.name).join(', ')})`);
  const text = readText(file, '--bars');
  const m = shockMoments(parseDailyBars(text, file), event);
  const dates = sessionDates(s);
  let session = dates.indexOf(event);
  if (session < 0) {
    session = shockSession(s);
    io.err(`--event ${event} is not a session of the run: its moments are compared with the run's shock session ${dates[session] ?? session}\n`);
  }
  const at = (k: number) => (dates[k] !== null ? { date: dates[k] as string } : { session: k });
  const out: TargetInput[] = [
    { moment: 'return', symbol, ...at(session), value: m.eventReturn },
    { moment: 'openGap', symbol, ...at(session), value: m.openGap },
    { moment: 'low', symbol, ...at(session), value: m.lowReturn },
    { moment: 'volumeMultiple', symbol, ...at(session), value: m.volumeMultiple },
  ];
  if (m.nextDayReturn !== null && session + 1 < dates.length) out.push({ moment: 'return', symbol, ...at(session + 1), value: m.nextDayReturn });
  return out;
}

/** The checkout's commit, with `+changes` when its tree differs from it ('unknown' outside git). */
function gitCommit(): string {
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dirname(new URL(import.meta.url).pathname), stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  try {
    return git('rev-parse', '--short=12', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no') === '' ? '' : '+changes');
  } catch {
    return 'unknown';
  }
}

/** What fit.json is written from: a finished calibration, or the fit so far when Ctrl-C comes. */
type FitSoFar = Pick<CalibrationResult, 'start' | 'best' | 'evaluations' | 'stop' | 'weightSource' | 'identification' | 'history'>;

interface FitOutput {
  fit: Record<string, unknown>;
  yaml: string;
}

function fitOutput(name: string, command: string, commit: string, base: ScenarioInput, params: readonly FitParam[], r: FitSoFar, seeds: number, wallSeconds: number, check: { seeds: number; moments: unknown[] } | null): FitOutput {
  const best = r.best;
  const fitted = applyUnit(base, params, best.unit);
  const fit = {
    scenario: name,
    command,
    commit,
    method: 'simulated method of moments, common random numbers, bounded Nelder-Mead',
    seeds: { search: `1-${seeds}`, check: check ? `1-${check.seeds}` : null },
    params: params.map((p, i) => ({ path: p.path, lo: p.lo, hi: p.hi, scale: p.scale, start: r.start.params[p.path], value: best.params[p.path], unit: best.unit[i] })),
    objective: { start: r.start.objective, best: best.objective, atEvaluation: best.index },
    moments: best.moments.map((m, k) => ({ ...m, weightSource: r.weightSource[k] })),
    check,
    evaluations: r.evaluations,
    stop: r.stop,
    wallSeconds,
    identification: r.identification,
    history: r.history.map((e) => ({ index: e.index, objective: e.objective, params: e.params })),
  };
  const header = [
    `${name} fitted by shocklab calibrate (src/analysis/calibrate.ts) at commit ${commit}`,
    `command: ${command}`,
    `objective ${best.objective.toPrecision(4)} (start ${r.start.objective.toPrecision(4)}) after ${r.evaluations} evaluations on seeds 1-${seeds}; stop: ${r.stop}`,
    ...params.map((p) => `${p.path} = ${best.params[p.path]} (start ${r.start.params[p.path]}, bounds ${p.lo}-${p.hi} ${p.scale})`),
    ...best.moments.map((m) => `${m.label}: ${m.mean.toPrecision(4)} +-${m.sd.toPrecision(2)} over seeds vs ${m.target.toPrecision(4)}`),
  ];
  return { fit, yaml: header.map((l) => `# ${l}\n`).join('') + toYaml(fitted) };
}

function writeAll(out: string, files: Record<string, string>): void {
  const target = resolve(out);
  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(staging, f), text);
  if (existsSync(target)) rmSync(target, { recursive: true });
  renameSync(staging, target);
}

function momentsTable(rows: { label: string; target: string; sim: string; weight: string }[]): string {
  const head = { label: 'moment', target: 'target', sim: 'simulated (mean ±sd)', weight: 'weight' };
  const all = [head, ...rows];
  const w = (k: keyof typeof head) => Math.max(...all.map((r) => r[k].length));
  return all.map((r) => `  ${r.label.padEnd(w('label'))}  ${r.target.padStart(w('target'))}  ${r.sim.padStart(w('sim'))}  ${r.weight.padStart(w('weight'))}`).join('\n') + '\n';
}

export async function calibrateCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args),
      allowPositionals: true,
      options: {
        preset: { type: 'string' },
        targets: { type: 'string' },
        bars: { type: 'string' },
        symbol: { type: 'string' },
        event: { type: 'string' },
        params: { type: 'string' },
        seeds: { type: 'string' },
        'max-evals': { type: 'string' },
        'check-seeds': { type: 'string' },
        workers: { type: 'string' },
        set: { type: 'string', multiple: true },
        out: { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(plainParseError(e as Error, 'calibrate', args));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(CALIBRATE_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`give one scenario file, got ${positionals.join(' ')}`);
  const seeds = intFlag(values.seeds, '--seeds', 8, 1, 100);
  const maxEvals = intFlag(values['max-evals'], '--max-evals', 60, 1, 10_000);
  const checkSeeds = intFlag(values['check-seeds'], '--check-seeds', 20, 0, 1_000);
  const workers = values.workers === undefined ? undefined : intFlag(values.workers, '--workers', 1, 1, 256);
  if ((values.targets === undefined) === (values.bars === undefined)) throw new UsageError('give --targets FILE or --bars FILE (with --symbol and --event), one of them');
  if (values.targets !== undefined && (values.symbol !== undefined || values.event !== undefined)) throw new UsageError('--symbol and --event go with --bars, not --targets');

  const base = loadScenarioInput(positionals[0], values.preset, values.set ?? []);
  let scenario: Scenario;
  try {
    scenario = parseScenario(base);
  } catch (e) {
    if (e instanceof ScenarioError) throw new UsageError(`invalid scenario: ${e.message}`);
    throw e;
  }
  const name = scenario.name;
  let params: FitParam[];
  let targets: Target[];
  try {
    if (values.params !== undefined) params = checkFitParams(readDataFile(values.params, '--params'), values.params);
    else {
      const preset = PRESET_FIT_PARAMS[name];
      if (preset === undefined) throw new UsageError(`--params FILE is needed: the scenario ${name} has no default parameters to fit (presets with defaults: ${Object.keys(PRESET_FIT_PARAMS).join(', ')})`);
      params = checkFitParams(preset, `the ${name} preset's parameters`);
    }
    const inputs = values.targets !== undefined ? parseTargets(readDataFile(values.targets, '--targets'), values.targets) : barsTargets(scenario, values.bars as string, values.symbol, values.event, io);
    targets = resolveTargets(inputs, scenario.symbols.map((x) => x.name), sessionDates(scenario), values.targets ?? '--bars');
  } catch (e) {
    if (e instanceof BarsError || e instanceof TargetsError || e instanceof FitParamError) throw new UsageError(e.message);
    throw e;
  }
  // Every bound must make a valid scenario before anything runs.
  for (const p of params) {
    for (const u of [0, 1]) {
      try {
        parseScenario(applyUnit(base, [p], [u]));
      } catch (e) {
        if (e instanceof ScenarioError || e instanceof FitParamError) throw new UsageError(`--params: ${p.path} = ${u === 0 ? p.lo : p.hi} (a bound) makes an invalid scenario: ${e.message}`);
        throw e;
      }
    }
  }
  const out = values.out ?? `out/calibrate-${name}`;
  if (!values['dry-run']) checkOutputDir('--out', out, { empty: true });

  io.out(`target moments (${values.bars !== undefined ? `from ${values.bars}` : values.targets}):\n`);
  for (const t of targets) io.out(`  ${targetLabel(t).padEnd(40)} ${show(t, t.value).padStart(10)}   weight ${t.weight ?? '1/variance across seeds at the start'}\n`);
  io.out('parameters (unit: the search coordinate in [0, 1]):\n');
  for (const p of params) {
    const v = getPath(base, p.path);
    io.out(`  ${p.path.padEnd(52)} ${String(p.lo).padStart(8)} - ${String(p.hi).padEnd(8)} ${p.scale.padEnd(6)} start ${typeof v === 'number' ? v : 'mid-range'}\n`);
  }
  if (values['dry-run']) {
    io.out('dry run: nothing simulated, nothing written\n');
    return 0;
  }

  io.err(`calibrating ${name}: ${params.length} parameters, ${targets.length} moments, seeds 1-${seeds}, at most ${maxEvals} evaluations + ${params.length} for the Jacobian\n`);
  const command = ['shocklab', 'calibrate', ...args].join(' ');
  const commit = gitCommit();
  const t0 = performance.now(); // clock-ok
  const seedList = Array.from({ length: seeds }, (_, i) => i + 1);
  const total = maxEvals + params.length;
  let latest: FitSoFar | null = null;
  const history: Evaluation[] = [];
  const weightSource = targets.map((t) => (t.weight === undefined ? ('inverse-variance' as const) : ('given' as const)));
  // Each evaluation's seeds run without a bar of their own: the line per evaluation is the progress.
  const quiet = new Progress({ out: io.out, err: () => {}, errIsTty: false }, '');
  const onSigint = () => {
    if (latest === null) {
      io.err('\ninterrupted before the first evaluation finished: nothing written\n');
      process.exit(130);
    }
    const o = fitOutput(name, command, commit, base, params, { ...latest, stop: 'stopped' }, seeds, (performance.now() - t0) / 1000, null); // clock-ok
    writeAll(out, { 'fit.json': JSON.stringify({ ...o.fit, interrupted: true }, null, 2) + '\n', [`${name}.fitted.yaml`]: o.yaml });
    io.err(`\ninterrupted: wrote the best point of ${latest.evaluations} evaluations (objective ${latest.best.objective.toPrecision(4)}) to ${out}/\n`);
    process.exit(130);
  };
  process.on('SIGINT', onSigint);
  let result: CalibrationResult;
  try {
    result = await calibrate({
      base,
      params,
      targets,
      seeds: seedList,
      maxEvals,
      evaluate: async (s) => {
        // Back to the event loop first: a serial evaluation never leaves it otherwise, and Ctrl-C would wait for the whole fit.
        await new Promise((resolve) => setImmediate(resolve));
        return (await runSeeds(s, 1, seeds, quiet, undefined, { trades: false, ...(workers !== undefined ? { workers } : {}) })).reports;
      },
      onEvaluation: (e, best) => {
        history.push(e);
        latest = { start: history[0], best, evaluations: history.length, stop: 'stopped', weightSource, identification: null, history };
        const elapsed = (performance.now() - t0) / 1000; // clock-ok
        const left = (elapsed / history.length) * Math.max(0, total - history.length);
        io.err(`evaluation ${history.length}/${total}: objective ${e.objective.toPrecision(4)}, best ${best.objective.toPrecision(4)} (#${best.index + 1}), ${elapsed.toFixed(0)} s, ~${left.toFixed(0)} s left\n`);
      },
    });
  } finally {
    process.off('SIGINT', onSigint);
  }
  let check: { seeds: number; moments: unknown[] } | null = null;
  if (checkSeeds > 0) {
    io.err(`checking the fitted scenario over seeds 1-${checkSeeds}...\n`);
    const fitted = parseScenario(applyUnit(base, params, result.best.unit));
    const { reports } = await runSeeds(fitted, 1, checkSeeds, new Progress(io, `check x${checkSeeds}`), undefined, { trades: false, ...(workers !== undefined ? { workers } : {}) });
    check = { seeds: checkSeeds, moments: targets.map((t) => ({ label: targetLabel(t), target: t.value, ...spread(reports.map((r) => momentOf(r, t))) })) };
  }
  const wall = (performance.now() - t0) / 1000; // clock-ok
  const o = fitOutput(name, command, commit, base, params, result, seeds, wall, check);
  writeAll(out, { 'fit.json': JSON.stringify(o.fit, null, 2) + '\n', [`${name}.fitted.yaml`]: o.yaml });

  io.out(`\nfit (${result.evaluations} evaluations, ${wall.toFixed(0)} s, stop: ${result.stop}): objective ${result.best.objective.toPrecision(4)} (start ${result.start.objective.toPrecision(4)})\n`);
  for (const p of params) io.out(`  ${p.path.padEnd(52)} ${String(result.start.params[p.path].toPrecision(4)).padStart(10)} -> ${result.best.params[p.path].toPrecision(4)}\n`);
  io.out(`moments at the fit, seeds 1-${seeds}:\n`);
  io.out(momentsTable(result.best.moments.map((m, k) => ({ label: m.label, target: show(targets[k], m.target), sim: `${show(targets[k], m.mean)} ±${show(targets[k], m.sd).replace(/^[+-]/, '')}`, weight: m.weight.toPrecision(3) }))));
  if (check) {
    io.out(`check over seeds 1-${checkSeeds} (the whole run):\n`);
    io.out(momentsTable((check.moments as { label: string; target: number; mean: number; sd: number }[]).map((m, k) => ({ label: m.label, target: show(targets[k], m.target), sim: `${show(targets[k], m.mean)} ±${show(targets[k], m.sd).replace(/^[+-]/, '')}`, weight: '' }))));
  }
  if (result.identification) {
    const id = result.identification;
    io.out(`identification: condition number ${id.conditionNumber.toPrecision(3)} of the weighted moment Jacobian; weakly pinned: ${id.weak.join(', ') || 'none'}\n`);
  }
  io.out(`wrote ${out}/fit.json and ${out}/${name}.fitted.yaml\n`);
  return 0;
}
