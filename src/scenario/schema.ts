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
  /** Length of the simulated session in seconds. */
  durationSeconds: z.number().positive(),
  symbols: z.array(SymbolSchema).min(1),
  stp: z.enum(['none', 'expire_maker', 'expire_taker']).default('none'),
  agents: z.strictObject({
    zeroIntelligence: ZeroIntelligenceSchema.optional(),
    marketMakers: MarketMakerSchema.optional(),
  }),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
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
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => {
    const path = i.path.length ? i.path.join('.') : '(root)';
    if (i.code === 'unrecognized_keys') return `${path === '(root)' ? '' : path + '.'}${i.keys.join(', ')}: unknown key`;
    const value = valueAt(input, i.path);
    return `${path}: ${i.message} (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`;
  });
  throw new ScenarioError(issues);
}
