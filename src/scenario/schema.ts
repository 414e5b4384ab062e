// The scenario file format, as zod schemas: what a run simulates (symbols, session length, the
// agent populations and their parameters). Unknown keys are errors, so a typo never goes unseen.
import { z } from 'zod';

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();
const probability = z.number().min(0).max(1);

export const SymbolSchema = z.strictObject({
  name: z.string().min(1),
  /** Price the session starts from (the previous close), in ticks. */
  referencePrice: positiveInt,
  /** Size of one tick in cents (cash value of one lot at one tick). */
  tickCents: positiveInt.default(1),
});

/** The trading day: continuous trading for durationSeconds, or US equity sessions for some days. */
export const ScheduleSchema = z.strictObject({
  kind: z.literal('us-equity'),
  /** Trading days simulated (each with pre-open, opening auction, continuous, closing auction). */
  days: positiveInt.default(1),
  /** Limit up-limit down bands and pauses. */
  luld: z.boolean().default(false),
});

export const RecordingSchema = z.strictObject({
  /** Real shares one simulated lot stands for, applied to volumes and flows alike. */
  realSharesPerLot: z.number().positive().default(1),
  /** Quote sampling interval. */
  sampleSeconds: z.number().positive().default(1),
});

export const ZeroIntelligenceSchema = z.strictObject({
  count: nonNegativeInt,
  meanWakeSeconds: z.number().positive(),
  pCancel: probability,
  pMarket: probability,
  pCross: probability,
  offsetMean: z.number().positive(),
  maxQty: positiveInt,
  maxLive: positiveInt.default(16),
  latencyUs: z.number().nonnegative().default(100),
});

export const MarketMakerSchema = z.strictObject({
  count: nonNegativeInt,
  intervalSeconds: z.number().positive(),
  halfSpread: z.number().nonnegative(),
  skew: z.number().nonnegative(),
  size: positiveInt,
  maxInventory: positiveInt,
  latencyUs: z.number().nonnegative().default(50),
});

export const ScenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(''),
  /** Length of the simulated session in seconds, for continuous trading (no `schedule`). */
  durationSeconds: z.number().positive().optional(),
  /** Trading sessions; without it the market trades continuously from the run's start. */
  schedule: ScheduleSchema.optional(),
  recording: RecordingSchema.default({ realSharesPerLot: 1, sampleSeconds: 1 }),
  symbols: z.array(SymbolSchema).min(1),
  stp: z.enum(['none', 'expire_maker', 'expire_taker']).default('none'),
  agents: z.strictObject({
    zeroIntelligence: ZeroIntelligenceSchema.optional(),
    marketMakers: MarketMakerSchema.optional(),
  }),
});

export type Scenario = z.infer<typeof ScenarioSchema>;

/** Checks that need more than one field: exactly one of durationSeconds and schedule. */
function crossFieldIssues(s: Scenario): string[] {
  const issues: string[] = [];
  if (s.durationSeconds === undefined && s.schedule === undefined) issues.push('durationSeconds: required when there is no schedule (got nothing)');
  if (s.durationSeconds !== undefined && s.schedule !== undefined) issues.push(`durationSeconds: give either durationSeconds (continuous trading) or schedule, not both (got ${s.durationSeconds} and a schedule)`);
  return issues;
}
export type ScenarioInput = z.input<typeof ScenarioSchema>;

/** A validation failure: one line per problem, each naming the field path and the value. */
export class ScenarioError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join('; '));
    this.name = 'ScenarioError';
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Validates a scenario, throwing ScenarioError with field paths and values. */
export function parseScenario(input: unknown): Scenario {
  const r = ScenarioSchema.safeParse(input);
  if (r.success) {
    const issues = crossFieldIssues(r.data);
    if (issues.length) throw new ScenarioError(issues);
    return r.data;
  }
  const issues = r.error.issues.map((i) => {
    const path = i.path.length ? i.path.join('.') : '(root)';
    if (i.code === 'unrecognized_keys') return `${path === '(root)' ? '' : path + '.'}${i.keys.join(', ')}: unknown key`;
    const value = valueAt(input, i.path);
    return `${path}: ${i.message} (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`;
  });
  throw new ScenarioError(issues);
}
