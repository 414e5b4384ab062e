// The scenario file format, as zod schemas: what a run simulates (symbols, session length, the
// agent populations and their parameters, the compute economy and the news). Unknown keys are
// errors, so a typo never goes unseen. No field may be a price, a return or a value ratio the
// model should produce: news carries economic content and readings as economy changes only.
import { z } from 'zod';
import { INVESTOR_CLASS_NAMES } from '../agents/classes.ts';
import { economyParams, ParamError, setParameter } from '../economy/params.ts';
import { localTimeNs, usEquityCalendar, usStartDateProblem } from '../market/calendar.ts';

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();
const probability = z.number().min(0).max(1);

export const SymbolSchema = z.strictObject({
  name: z.string().min(1),
  /** Price the session starts from (the previous close), in ticks. */
  referencePrice: positiveInt,
  /** Size of one tick in cents (cash value of one lot at one tick). */
  tickCents: positiveInt.default(1),
  /** Lots outstanding (the float the classes' floatShare fractions divide). */
  floatLots: positiveInt.default(1_000_000),
  /** Fundamental value in ticks at the start (default: the reference price): the pre-shock equilibrium. */
  valueTicks: positiveInt.optional(),
  /** The company this symbol is in the compute economy (its value ratios come from it); required with news. */
  company: z.enum(['nvda', 'avgo']).optional(),
  /** Real shares one lot of this symbol stands for (its volume scale; default recording.realSharesPerLot). */
  realSharesPerLot: positiveInt.optional(),
  /** Mean real daily volume (shares) of the 20 sessions ending on the run's first session, from the data (the base of volumeMultiple). */
  averageVolumeShares: z.number().positive().optional(),
});

/** The trading day: continuous trading for durationSeconds, or US equity sessions for some days. */
export const ScheduleSchema = z.strictObject({
  kind: z.literal('us-equity'),
  /** Trading sessions simulated (each with pre-open, opening auction, continuous, closing auction). */
  days: positiveInt.default(1),
  /** Date of the first session (YYYY-MM-DD, a NYSE trading day); sessions then follow the NYSE calendar. Absent: every day trades, no dates. */
  startDate: z.string().optional(),
  /** Limit up-limit down bands and pauses. */
  luld: z.boolean().default(false),
  /** Closing auction price collar, a fraction of the last trade (0 = none; e.g. 0.01). */
  closingCollar: z.number().min(0).max(0.5).default(0),
  /** Institutions, fast money and retail wake only during trading hours (pre-open to close); false: they also wake while closed, and the exchange rejects their orders (calm-day was tuned so). */
  tradersSleepWhenClosed: z.boolean().default(true),
  /** The run starts this long before the first open (pre-open order entry for the opening auction). */
  startBeforeOpenSeconds: z.number().nonnegative().max(19_800).default(300),
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
  /** Self-exciting attention shared by the symbol's noise traders (agents/attention.ts); off when absent. */
  attention: z
    .strictObject({
      decaySeconds: z.number().positive(),
      gain: z.number().nonnegative(),
      asymmetry: z.number().nonnegative().default(0),
      maxMultiplier: z.number().min(1).default(10),
      /** How often the mid is sampled into the excitement (0 = at every observation). */
      sampleSeconds: z.number().nonnegative().default(60),
    })
    .optional(),
  /** Shared activity clock (agents/activity.ts): trading hours and U-shape, a slow regime, a consensus reference; off when absent. */
  activity: z
    .strictObject({
      /** U-shape strength c in [0, 1.5]. */
      uShape: z.number().min(0).max(1.5).default(0),
      /** Stationary sd of the log activity regime (0 = none). */
      regimeSd: z.number().nonnegative().default(0),
      /** Time constant of the regime. */
      regimeSeconds: z.number().positive().default(3600),
      /** Daily sigma of the consensus reference at activity 1 (0 = none). */
      referenceSigma: z.number().nonnegative().default(0),
      /** gamma: the reference's variance grows as activity^gamma. */
      referenceExponent: z.number().min(0).max(4).default(1),
      /** Expected jumps of the consensus reference per session at activity 1 (0 = none). */
      referenceJumpsPerDay: z.number().nonnegative().default(0),
      /** Sd of one jump of the log reference. */
      referenceJumpSigma: z.number().nonnegative().default(0),
      /** With a schedule: how long before the open the noise traders wake up. */
      leadSeconds: z.number().nonnegative().default(300),
    })
    .optional(),
  /** Weight of the activity's reference in the limit-price reference (0 = the live mid). */
  referenceWeight: probability.default(0),
  /** Orders older than this are cancelled at the trader's next wake-up (absent = never). */
  maxAgeSeconds: z.number().positive().optional(),
});

export const MarketMakerSchema = z.strictObject({
  count: nonNegativeInt,
  intervalSeconds: z.number().positive(),
  halfSpread: z.number().nonnegative(),
  skew: z.number().nonnegative(),
  size: positiveInt,
  maxInventory: positiveInt,
  /** Extra half-spread in ticks per unit of realised volatility (per-tick returns, EWMA). */
  volSpread: z.number().nonnegative().default(0),
  /** Share of each session's market-on-close imbalance the makers of a symbol offset together, a minute before the on-close cut-off (0 = none). */
  closingOffset: probability.default(0),
  latencyUs: z.number().nonnegative().default(50),
});

const gaps = z.strictObject({ information: probability, onSite: probability, horizon: probability });
const fraction = probability;
/** One class's share of each symbol's float, and how much cash each agent holds per unit of its holding's value. */
const holding = {
  /** Fraction of the float (floatLots) this class holds, split equally among its agents. */
  floatShare: fraction,
  /** Cash per agent as a multiple of the value of its initial holding (negative: a margin loan, > -1). */
  cashRatio: z.number().gt(-1).default(0.2),
  /** Extra cash per agent, in dollars (e.g. for a class that starts flat). */
  cashUsd: z.number().nonnegative().default(0),
};

export const InstitutionsSchema = z.strictObject({
  count: nonNegativeInt,
  ...holding,
  meanWakeSeconds: z.number().positive().default(900),
  /** Lots of target position change per unit of log mispricing, as a multiple of the base position. */
  sensitivity: z.number().nonnegative().default(2),
  /** Largest order, as a fraction of the base position. */
  maxOrderFraction: z.number().positive().max(1).default(0.01),
  /** Take liquidity up to the own value estimate when it lies beyond the opposite touch (agents/institution.ts). */
  crossToValue: z.boolean().default(false),
  gaps: gaps.optional(),
  latencyUs: z.number().nonnegative().default(200),
});

export const FastMoneySchema = z.strictObject({
  count: nonNegativeInt,
  ...holding,
  meanWakeSeconds: z.number().positive().default(30),
  trendFastSeconds: z.number().positive().default(300),
  trendSlowSeconds: z.number().positive().default(1800),
  trendGain: z.number().nonnegative().default(40),
  valueGain: z.number().nonnegative().default(5),
  maxLeverage: z.number().positive().default(2),
  maintenanceMargin: fraction.default(0.25),
  drawdownStop: fraction.default(0.1),
  maxOrder: positiveInt.default(1000),
  /** Hold the initial exposure at zero signal (phi_0 = initial position value / equity); false: phi_0 = 0. */
  holdInitialExposure: z.boolean().default(false),
  /** Largest market order while liquidating after a stop, lots (default: maxOrder). */
  liquidationChunk: positiveInt.optional(),
  /** Time between liquidation orders after a stop. */
  liquidationIntervalSeconds: z.number().positive().default(5),
  /** Flat period after a drawdown stop. */
  cooldownMinutes: z.number().nonnegative().default(60),
  gaps: gaps.optional(),
  latencyUs: z.number().nonnegative().default(20),
});

export const RetailSchema = z.strictObject({
  count: nonNegativeInt,
  ...holding,
  meanWakeSeconds: z.number().positive().default(1800),
  /** Median cost basis as a fraction of the reference price (NVDA rose ~10x in two years). */
  basisMedianRatio: z.number().positive().default(0.3),
  basisSigma: z.number().nonnegative().default(0.5),
  /** Social network over retail agents: small-world (Watts-Strogatz) or scale-free (Barabasi-Albert). */
  network: z
    .strictObject({
      kind: z.enum(['small-world', 'scale-free']).default('small-world'),
      degree: positiveInt.default(6),
      rewire: fraction.default(0.1),
      /** Mean delay before a retail trader who heard a reading tells a neighbour (word of mouth; whether it does is the reading's shareProbability). */
      shareDelayMinutes: z.number().positive().default(60),
    })
    .default({ kind: 'small-world', degree: 6, rewire: 0.1, shareDelayMinutes: 60 }),
  /** Share of retail agents starting optimistic (opinion +1). */
  optimists: fraction.default(0.5),
  herding: z.number().nonnegative().default(0.8),
  /** a_2: weight of the price trend in the opinion field (> 0 chases trends, < 0 buys falls). */
  trendWeight: z.number().default(1),
  /** a_3: weight of the value estimate in the opinion field. */
  valueWeight: z.number().nonnegative().default(10),
  switchRatePerHour: z.number().nonnegative().default(0.5),
  /** Per wake-up: buy (optimists), sell (pessimists), take profit (base rate and slope per unit of log gain). */
  pBuy: fraction.default(0.05),
  pSell: fraction.default(0.05),
  pTake0: fraction.default(0.01),
  pTakeSlope: z.number().nonnegative().default(0.05),
  /** Probability of buying the dip on a wake-up after a fall. */
  pDip: fraction.default(0.1),
  /** Retail trade only in continuous trading (their brokers hold orders placed before the open until it); false: from the pre-open, into the opening auction. */
  fromOpen: z.boolean().default(false),
  /** Share of retail agents trading on margin (initial margin 50%). */
  marginShare: fraction.default(0.1),
  maxOrder: positiveInt.default(100),
  gaps: gaps.optional(),
  latencyUs: z.number().nonnegative().default(5000),
});

export const LeveragedEtfSchema = z.strictObject({
  symbol: z.string().min(1),
  leverage: z.number().refine((x) => x !== 0 && Number.isFinite(x), 'leverage must be a non-zero number'),
  /** Assets under management in real dollars at the start (divided by the symbol's real shares per lot in the simulation). */
  aumUsd: z.number().positive(),
  /** Net creations (+) or redemptions (-) per session in real dollars. */
  dailyFlowUsd: z.array(z.number()).default([]),
  latencyUs: z.number().nonnegative().default(100),
});

export const PassiveSchema = z.strictObject({
  /** Insiders and index funds: fraction of the float held, never traded. */
  floatShare: fraction,
});

/** A date-time at the exchange, e.g. 2025-01-25T09:00-05:00. */
const localDateTime = z.string().min(1);

/** How one reading reaches one class: overrides of what its gaps imply (behavioural parameters). */
const ClassReachSchema = z.strictObject({
  /** Share of the class hearing the reading directly (default: from its information gap and the reading's reachFloor). */
  share: probability.optional(),
  /** Multiplier of the class's median delay (default 1: from its on-site gap). */
  delayScale: z.number().positive().max(100).optional(),
});

/** Known readings: `naive` is weighted by the information gap w(gI); the others (economy-informed) by 1 - w(gI). */
export const READING_NAMES = ['naive', 'jevons', 'informed'] as const;

export const ReadingSchema = z.strictObject({
  name: z.enum(READING_NAMES),
  /** What the reading says about the economy: changes of its parameters (dotted paths, as `shocklab economy --set`), on top of the event's content. */
  economy: z.record(z.string(), z.number()).default({}),
  /** When the reading starts to spread (exchange-local date-time). */
  startsAt: localDateTime,
  /** Share of the least informed class (information gap 1) that hears it directly. */
  reachFloor: probability,
  /** Per-class overrides of reach and delay, by class name. */
  classes: z.partialRecord(z.enum(INVESTOR_CLASS_NAMES), ClassReachSchema).default({}),
  /** Probability that a retail trader who heard it tells a given neighbour (word of mouth). */
  shareProbability: probability.default(0),
});

export const NewsEventSchema = z.strictObject({
  label: z.string().min(1),
  /** When it happened (exchange-local date-time); may precede the run (its readings start inside it). */
  at: localDateTime,
  content: z.discriminatedUnion('kind', [
    /** The cost of AI at equal capability falls by `factor` (the economy's efficiency jump). */
    z.strictObject({ kind: z.literal('efficiency'), factor: z.number().positive().max(1e6) }),
    /** A buyer states its capex plan; `changeUsd` vs the plan the economy already holds (the big-4 capex path). */
    z.strictObject({ kind: z.literal('capex'), company: z.string().min(1), amountUsd: z.number().nonnegative(), changeUsd: z.number() }),
  ]),
  readings: z.array(ReadingSchema).min(1),
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
    institutions: InstitutionsSchema.optional(),
    fastMoney: FastMoneySchema.optional(),
    retail: RetailSchema.optional(),
    leveragedEtfs: z.array(LeveragedEtfSchema).default([]),
    passive: PassiveSchema.optional(),
  }),
  /** Compute-economy parameters overriding the defaults (nested, as an `economy run` scenario file). */
  economy: z.record(z.string(), z.unknown()).default({}),
  /** Information events and their readings. */
  news: z.array(NewsEventSchema).default([]),
});

export type Scenario = z.infer<typeof ScenarioSchema>;

/** Checks that need more than one field: exactly one of durationSeconds and schedule. */
function crossFieldIssues(s: Scenario): string[] {
  const issues: string[] = [];
  const a = s.agents;
  const shares = [a.institutions, a.fastMoney, a.retail, a.passive].reduce((t, c) => t + (c?.floatShare ?? 0), 0);
  if (shares > 1 + 1e-12) issues.push(`agents: the classes' floatShare fractions add up to more than 1 (got ${shares})`);
  const names = new Set(s.symbols.map((x) => x.name));
  a.leveragedEtfs.forEach((e, i) => {
    if (!names.has(e.symbol)) issues.push(`agents.leveragedEtfs.${i}.symbol: not a symbol of this scenario (got ${JSON.stringify(e.symbol)})`);
  });
  if (a.leveragedEtfs.length > 0 && !s.schedule) issues.push('agents.leveragedEtfs: need a schedule (they trade in the closing auction)');
  if (s.durationSeconds === undefined && s.schedule === undefined) issues.push('durationSeconds: required when there is no schedule (got nothing)');
  if (s.durationSeconds !== undefined && s.schedule !== undefined) issues.push(`durationSeconds: give either durationSeconds (continuous trading) or schedule, not both (got ${s.durationSeconds} and a schedule)`);
  const start = s.schedule?.startDate;
  if (start !== undefined) {
    const problem = usStartDateProblem(start);
    if (problem !== null) issues.push(`schedule.startDate: ${problem} (got ${JSON.stringify(start)})`);
    else {
      try {
        usEquityCalendar(start, s.schedule!.days);
      } catch (e) {
        issues.push(`schedule.days: ${(e as Error).message} (got ${s.schedule!.days})`);
      }
    }
  }
  issues.push(...economyIssues(s));
  if (issues.length === 0) issues.push(...newsIssues(s));
  return issues;
}

function economyIssues(s: Scenario): string[] {
  try {
    economyParams(s.economy);
    return [];
  } catch (e) {
    if (e instanceof ParamError) return [`economy: ${e.message}`];
    throw e;
  }
}

/** News needs dated sessions, companies for every symbol, times inside the run and known economy paths. */
function newsIssues(s: Scenario): string[] {
  if (s.news.length === 0) return [];
  const issues: string[] = [];
  const start = s.schedule?.startDate;
  if (start === undefined) return [`news: needs schedule.startDate (news is dated), got ${s.schedule ? 'no startDate' : 'no schedule'}`];
  s.symbols.forEach((x, i) => {
    if (x.company === undefined) issues.push(`symbols.${i}.company: every symbol needs its company in the economy when there is news (got nothing for ${x.name})`);
  });
  const cal = usEquityCalendar(start, s.schedule!.days);
  const runStart = 0;
  const runEnd = cal.midnight(cal.sessions - 1) + cal.day.close;
  const base = economyParams(s.economy);
  s.news.forEach((e, i) => {
    const at = localTimeNs(e.at, start);
    if (typeof at === 'string') return issues.push(`news.${i}.at: ${at} (got ${JSON.stringify(e.at)})`);
    if (at > runEnd) issues.push(`news.${i}.at: after the run's last session ${cal.date(cal.sessions - 1)} (got ${JSON.stringify(e.at)})`);
    e.readings.forEach((r, j) => {
      const where = `news.${i}.readings.${j}`;
      const t = localTimeNs(r.startsAt, start);
      if (typeof t === 'string') return issues.push(`${where}.startsAt: ${t} (got ${JSON.stringify(r.startsAt)})`);
      if (t < at) issues.push(`${where}.startsAt: before the event (${e.at}) (got ${JSON.stringify(r.startsAt)})`);
      if (t < runStart || t > runEnd) issues.push(`${where}.startsAt: outside the run (${start} to the close of ${cal.date(cal.sessions - 1)}) (got ${JSON.stringify(r.startsAt)})`);
      for (const [path, value] of Object.entries(r.economy)) {
        try {
          setParameter(base, path, String(value));
        } catch (err) {
          if (!(err instanceof ParamError)) throw err;
          issues.push(`${where}.economy.${path}: ${err.message} (got ${value})`);
        }
      }
    });
  });
  return issues;
}

/** Keys a news entry may never have: the model produces prices, returns and value ratios, it is never given them. */
const OUTCOME_KEY = /price|return|ratio|value|target/i;

function outcomeKeyIssues(input: unknown): string[] {
  const news = (input as { news?: unknown } | null)?.news;
  if (!Array.isArray(news)) return [];
  const issues: string[] = [];
  const walk = (x: unknown, path: string) => {
    if (x === null || typeof x !== 'object') return;
    for (const [k, v] of Object.entries(x)) {
      if (OUTCOME_KEY.test(k) && !path.endsWith('.economy')) issues.push(`${path}.${k}: news may not carry a price, return or value ratio (readings give economy changes; the model computes values) (got ${JSON.stringify(v)})`);
      else walk(v, `${path}.${k}`);
    }
  };
  news.forEach((e, i) => walk(e, `news.${i}`));
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
  const outcome = outcomeKeyIssues(input);
  if (outcome.length) throw new ScenarioError(outcome);
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
