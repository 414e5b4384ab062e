// Simulated method of moments (issue 10): the behavioural parameters that bring a scenario's
// moments closest to the record, with common random numbers (every candidate runs the same
// seeds, so the objective is a deterministic function of the parameters).
//
//   objective(theta) = sum_k w_k (mean over seeds of m_k(theta) - target_k)^2
//
// w_k is the target's own weight, or 1 / the variance of m_k across the search seeds at the
// starting point (fixed for the whole search, so the objective does not move under it). The
// search is bounded Nelder-Mead on the parameters' unit cube (nelder-mead.ts). After it, the
// moment Jacobian at the best point (forward differences, step 0.05 of each range or one whole
// unit of a size in lots, scaled by sqrt(w_k)) gives the condition number and the parameters
// the moments pin down weakly; the probes are recorded but never become the fit.
//
// A candidate runs only the sessions its moments read (the run's later sessions, and news after
// them, cannot change earlier ones: every draw comes from a keyed stream), which the tests check
// against the whole run. The runner is passed in (`evaluate`): the CLI gives its worker pool.
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { parseScenario } from '../scenario/schema.ts';
import type { SeedReport } from '../scenario/report.ts';
import { scenarioCalendar } from '../scenario/run.ts';
import { applyUnit, fromUnit, startUnit, toUnit, type FitParam } from './fit-params.ts';
import { nelderMead } from './nelder-mead.ts';
import { symmetricEigen } from './symmetric-eigen.ts';
import { momentOf, targetLabel, type Target } from './targets.ts';
import { spread } from './week.ts';

export interface MomentFit {
  label: string;
  target: number;
  weight: number;
  /** Mean, sample sd and count over the seeds. */
  mean: number;
  sd: number;
  seeds: number;
}

export interface Evaluation {
  /** 0 = the starting point. */
  index: number;
  /** Parameter values by path. */
  params: Record<string, number>;
  unit: number[];
  objective: number;
  moments: MomentFit[];
}

export interface Identification {
  /** d moment / d unit parameter, scaled by sqrt(weight): rows are moments, columns parameters. */
  jacobian: number[][];
  /** Largest / smallest singular value of the scaled Jacobian (Infinity when a direction is flat). */
  conditionNumber: number;
  /** Per parameter, the norm of its column: how much the moments move with it. */
  sensitivity: Record<string, number>;
  /** Parameters with |component| >= 0.4 in the weakest direction, strongest first. */
  weak: string[];
}

export interface CalibrationSetup {
  /** The scenario as written (before validation). */
  base: ScenarioInput;
  params: readonly FitParam[];
  targets: readonly Target[];
  seeds: readonly number[];
  maxEvals: number;
  evaluate: (scenario: Scenario, seeds: readonly number[]) => Promise<SeedReport[]>;
  /** Called after every evaluation with it and the best so far. */
  onEvaluation?: (e: Evaluation, best: Evaluation) => void;
  shouldStop?: () => boolean;
  /** Compute the Jacobian at the best point (d more evaluations; default true). */
  identify?: boolean;
}

export interface CalibrationResult {
  start: Evaluation;
  best: Evaluation;
  /** Evaluations run (search and Jacobian). */
  evaluations: number;
  stop: 'converged' | 'max-evals' | 'stopped';
  weightSource: ('given' | 'inverse-variance')[];
  identification: Identification | null;
  history: Evaluation[];
}

const JACOBIAN_STEP = 0.05;

/** The scenario run for a fit: the sessions up to `lastSession`, and the news up to then (unchanged when undated or when later news is interleaved). */
export function shortenedScenario(base: ScenarioInput, lastSession: number): ScenarioInput {
  const parsed = parseScenario(base);
  const cal = scenarioCalendar(parsed);
  if (!parsed.schedule || cal === null || lastSession + 1 >= parsed.schedule.days) return base;
  const lastDate = cal.date(lastSession);
  if (lastDate === null) return base;
  const after = (text: string) => text.slice(0, 10) > lastDate;
  const news = parsed.news;
  let keep = news.length;
  while (keep > 0 && after(news[keep - 1].at) && news[keep - 1].readings.every((r) => after(r.startsAt))) keep--;
  if (news.slice(0, keep).some((e) => after(e.at) || e.readings.some((r) => after(r.startsAt)))) return base;
  const out = structuredClone(base) as ScenarioInput & { schedule: { days: number } };
  out.schedule.days = lastSession + 1;
  if (out.news) out.news = out.news.slice(0, keep);
  return out;
}

function weightsOf(targets: readonly Target[], perSeed: number[][]): { weights: number[]; source: ('given' | 'inverse-variance')[] } {
  const weights: number[] = [];
  const source: ('given' | 'inverse-variance')[] = [];
  targets.forEach((t, k) => {
    if (t.weight !== undefined) {
      weights.push(t.weight);
      source.push('given');
      return;
    }
    const { sd } = spread(perSeed.map((m) => m[k]));
    // A moment that does not vary across seeds gets the variance of a 1% (or 1e-4 absolute) error.
    const floor = Math.max(1e-4, 0.01 * Math.abs(t.value));
    weights.push(1 / Math.max(sd * sd, floor * floor));
    source.push('inverse-variance');
  });
  return { weights, source };
}

export async function calibrate(setup: CalibrationSetup): Promise<CalibrationResult> {
  const { base, params, targets, seeds } = setup;
  const lastSession = Math.max(...targets.map((t) => t.session));
  const short = shortenedScenario(base, lastSession);
  const history: Evaluation[] = [];
  let weights: number[] = [];
  const state: { best: Evaluation | null } = { best: null };

  const momentsAt = async (u: readonly number[]): Promise<number[][]> => {
    const scenario = parseScenario(applyUnit(short, params, u));
    const reports = await setup.evaluate(scenario, seeds);
    return reports.map((r) => targets.map((t) => momentOf(r, t)));
  };
  /** Records an evaluation; a Jacobian probe (`probe`) never becomes the fit, whose identification it measures. */
  const record = (u: readonly number[], perSeed: number[][], probe = false): Evaluation => {
    const moments = targets.map((t, k): MomentFit => {
      const s = spread(perSeed.map((m) => m[k]));
      return { label: targetLabel(t), target: t.value, weight: weights[k], mean: s.mean, sd: s.sd, seeds: s.n };
    });
    const objective = moments.reduce((a, m) => a + m.weight * (m.mean - m.target) ** 2, 0);
    const e: Evaluation = { index: history.length, params: Object.fromEntries(params.map((p, i) => [p.path, fromUnit(p, u[i])])), unit: u.slice(), objective, moments };
    history.push(e);
    if (!probe && (state.best === null || objective < state.best.objective)) state.best = e;
    setup.onEvaluation?.(e, state.best ?? e);
    return e;
  };

  const u0 = startUnit(base, params);
  const startMoments = await momentsAt(u0);
  const w = weightsOf(targets, startMoments);
  weights = w.weights;
  const start = record(u0, startMoments);
  // Parameter values already run (the start set the weights; sizes in lots round) are not run again; a search that converges
  // with evaluations left restarts from the best point with half the step (noisy objectives stall
  // Nelder-Mead early), until a restart finds nothing better or the evaluations run out.
  const keyOf = (u: readonly number[]) => params.map((p, i) => fromUnit(p, u[i])).join(',');
  const known = new Map<string, number>([[keyOf(u0), start.objective]]);
  const objective = async (u: number[]) => {
    const key = keyOf(u);
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    const f = record(u, await momentsAt(u)).objective;
    known.set(key, f);
    return f;
  };
  let step = 0.2;
  let stop: CalibrationResult['stop'] = 'converged';
  for (let from = u0; ; ) {
    const before = state.best!.objective;
    const left = setup.maxEvals - history.length;
    if (left <= 0) {
      stop = 'max-evals';
      break;
    }
    const search = await nelderMead(objective, from, { maxEvals: left + 1, step, shouldStop: setup.shouldStop });
    stop = search.stop;
    const found = state.best!;
    if (stop !== 'converged' || (from !== u0 && !(found.objective < before))) break;
    from = found.unit;
    step /= 2;
  }
  const found = state.best!;
  let identification: Identification | null = null;
  if ((setup.identify ?? true) && !setup.shouldStop?.()) {
    const m0 = found.moments.map((m) => m.mean);
    const columns: number[][] = [];
    for (let j = 0; j < params.length; j++) {
      const u = found.unit.slice();
      // A whole-number parameter moves by at least 1, so that the probe changes the scenario.
      const p = params[j];
      const v = fromUnit(p, u[j]);
      const up = p.integer ? Math.max(JACOBIAN_STEP, toUnit(p, v + 1) - u[j]) : JACOBIAN_STEP;
      const down = p.integer ? Math.max(JACOBIAN_STEP, u[j] - toUnit(p, v - 1)) : JACOBIAN_STEP;
      const h = u[j] + up <= 1 ? up : -down;
      u[j] += h;
      const e = record(u, await momentsAt(u), true);
      columns.push(e.moments.map((m, k) => (Math.sqrt(weights[k]) * (m.mean - m0[k])) / h));
      if (setup.shouldStop?.()) break;
    }
    if (columns.length === params.length) identification = identify(params, columns);
  }
  return { start, best: state.best!, evaluations: history.length, stop, weightSource: w.source, identification, history };
}

/** Condition number and weak directions of the scaled Jacobian given by its columns. */
export function identify(params: readonly FitParam[], columns: readonly (readonly number[])[]): Identification {
  const d = columns.length;
  const gram = columns.map((a) => columns.map((b) => a.reduce((s, x, k) => s + x * b[k], 0)));
  const eig = symmetricEigen(gram);
  const top = Math.sqrt(Math.max(0, eig.values[0]));
  const bottom = Math.sqrt(Math.max(0, eig.values[d - 1]));
  const weakest = eig.vectors[d - 1];
  const weak = params
    .map((p, j) => ({ path: p.path, c: Math.abs(weakest[j]) }))
    .filter((x) => x.c >= 0.4)
    .sort((a, b) => b.c - a.c)
    .map((x) => x.path);
  return {
    jacobian: columns[0].map((_, k) => columns.map((c) => c[k])),
    conditionNumber: bottom > 0 ? top / bottom : Number.POSITIVE_INFINITY,
    sensitivity: Object.fromEntries(params.map((p, j) => [p.path, Math.sqrt(gram[j][j])])),
    weak,
  };
}
