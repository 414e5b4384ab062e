// The parameters a calibration may move (issue 10): behavioural fields of a scenario, named by
// dotted path as `run --set` names them, each with bounds and a scale. A fit moves at most 6, and
// only how the classes behave and how each reading reaches them: fields under `agents` (not the
// inputs taken from the record: counts, float shares, the ETFs' assets and flows) and a reading's
// reach (`reachFloor`, `shareProbability`, `classes.<class>.share|delayScale`). Never a reading's
// economy content or start, an event's time, a price, a return or a value: the fit may only
// change how people behave, never what happens. The search runs on the unit cube: coordinate u
// in [0, 1] maps to lo + u (hi - lo), or lo (hi / lo)^u on a log scale (rounded for a size in lots).
import { z } from 'zod';
import { pathKeys, prototypeKeyIn } from '../core/dotted-path.ts';

export const MAX_FIT_PARAMS = 6;

export const FitParamSchema = z.strictObject({
  /** Dotted path of a behavioural scenario field, e.g. agents.institutions.sensitivity. */
  path: z.string().min(1),
  lo: z.number(),
  hi: z.number(),
  /** `log` for a positive range searched by ratios (an order size, a delay scale). */
  scale: z.enum(['linear', 'log']).default('linear'),
  /** Round to a whole number (a size in lots); the bounds must then be whole numbers. */
  integer: z.boolean().default(false),
});

export const FitParamsSchema = z.strictObject({
  params: z.array(FitParamSchema).min(1).max(MAX_FIT_PARAMS),
});

export type FitParam = z.infer<typeof FitParamSchema>;
export type FitParamsInput = z.input<typeof FitParamsSchema>;

export class FitParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FitParamError';
  }
}

const READING_REACH = /^news\.\d+\.readings\.\d+\.(reachFloor|shareProbability|classes\.[a-z-]+\.(share|delayScale))$/;
/** Inputs from the record or the market's set-up, not behaviour. */
const RECORD_KEY = /^(count|floatShare|aumUsd|dailyFlowUsd|leverage|latencyUs|symbol)$/;
/** A price, a return or a value: what the model produces (as the scenario schema refuses in news). */
const OUTCOME_KEY = /price|return|ratio|value|target/i;

/** Why a path may not be fitted, or null when it may. */
export function fitPathProblem(path: string): string | null {
  const bad = prototypeKeyIn(path);
  if (bad !== null) return `${JSON.stringify(bad)} is not a field name`;
  if (READING_REACH.test(path)) return null;
  if (!path.startsWith('agents.')) return 'only behavioural fields may be fitted: agents.* or a reading\'s reachFloor, shareProbability, classes.<class>.share or classes.<class>.delayScale';
  const keys = path.split('.');
  const last = keys[keys.length - 1];
  if (keys[1] === 'leveragedEtfs' || RECORD_KEY.test(last)) return 'is an input from the record or the market\'s set-up, not a behavioural parameter';
  if (keys.some((k) => OUTCOME_KEY.test(k))) return 'names a price, return or value, which the model must produce';
  return null;
}

/** Value at a dotted path of a plain object, or undefined (arrays indexed by number). */
export function getPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of pathKeys(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Sets a dotted path on a deep copy of `root`, creating missing objects on the way (the schema then judges the result). */
export function withPath<T>(root: T, path: string, value: number): T {
  const copy = structuredClone(root) as Record<string, unknown>;
  const keys = pathKeys(path);
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === undefined) node[key] = {};
    else if (next === null || typeof next !== 'object') throw new FitParamError(`${path}: ${key} is not an object in this scenario`);
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
  return copy as T;
}

/** Checks a parameter list (paths, bounds, scale); throws FitParamError naming the field. */
export function checkFitParams(input: unknown, source = 'params'): FitParam[] {
  const r = FitParamsSchema.safeParse(input);
  if (!r.success) {
    const i = r.error.issues[0];
    const path = i.path.join('.');
    if (i.code === 'unrecognized_keys') throw new FitParamError(`${source}: ${path ? path + '.' : ''}${i.keys.join(', ')}: unknown key`);
    throw new FitParamError(`${source}: ${path || '(root)'}: ${i.message}`);
  }
  const seen = new Set<string>();
  r.data.params.forEach((p, i) => {
    const at = `${source}: params.${i}`;
    const problem = fitPathProblem(p.path);
    if (problem) throw new FitParamError(`${at}.path: ${p.path} ${problem.startsWith('only') ? `cannot be fitted: ${problem}` : problem}`);
    if (seen.has(p.path)) throw new FitParamError(`${at}.path: ${p.path} is listed twice`);
    seen.add(p.path);
    if (!Number.isFinite(p.lo) || !Number.isFinite(p.hi) || !(p.lo < p.hi)) throw new FitParamError(`${at}: bounds must be finite with lo < hi (got lo ${p.lo}, hi ${p.hi})`);
    if (p.integer && !(Number.isInteger(p.lo) && Number.isInteger(p.hi))) throw new FitParamError(`${at}: an integer parameter needs whole-number bounds (got lo ${p.lo}, hi ${p.hi})`);
    if (p.scale === 'log' && !(p.lo > 0)) throw new FitParamError(`${at}.lo: a log scale needs lo > 0 (got ${p.lo})`);
  });
  return r.data.params;
}

/** Parameter value of unit coordinate u. */
export function fromUnit(p: FitParam, u: number): number {
  const v = p.scale === 'log' ? p.lo * Math.pow(p.hi / p.lo, u) : p.lo + u * (p.hi - p.lo);
  return p.integer ? Math.round(v) : v;
}

/** Unit coordinate of a parameter value (clamped to the bounds). */
export function toUnit(p: FitParam, v: number): number {
  const u = p.scale === 'log' ? Math.log(v / p.lo) / Math.log(p.hi / p.lo) : (v - p.lo) / (p.hi - p.lo);
  return Math.min(1, Math.max(0, u));
}

/** The scenario input with each parameter set to the value of its coordinate. */
export function applyUnit<T>(base: T, params: readonly FitParam[], u: readonly number[]): T {
  let s = base;
  params.forEach((p, i) => {
    s = withPath(s, p.path, fromUnit(p, u[i]));
  });
  return s;
}

/** Where the search starts: the scenario's own value of each parameter (the middle of the range when it has none). */
export function startUnit(base: unknown, params: readonly FitParam[]): number[] {
  return params.map((p) => {
    const v = getPath(base, p.path);
    return typeof v === 'number' && Number.isFinite(v) ? toUnit(p, v) : 0.5;
  });
}
