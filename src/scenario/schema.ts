// The scenario file format, as zod schemas: what a run simulates (symbols, session length, the
// agent populations and their parameters, the compute economy and the news). Unknown keys are
// errors, so a typo never goes unseen. No field may be a price, a return or a value ratio the
// model should produce: news carries economic content and readings as economy changes only.
import { z } from 'zod';
import { shown } from '../core/shown.ts';
import { INVESTOR_CLASS_NAMES } from '../agents/classes.ts';
import { economyParams, ParamError, setParameter } from '../economy/params.ts';
import { everyDayCalendar, localTimeNs, usEquityCalendar, usStartDateProblem, type Calendar } from '../market/calendar.ts';
import { NS_PER_DAY } from '../market/schedule.ts';
import { duration, MAX_CASH_RATIO, MAX_RUN_DAYS, MAX_RUN_SECONDS, positiveInt, probability } from './classes/common.ts';
import { AGENT_CLASSES } from './classes/index.ts';

/** The most a symbol's float may be worth at its reference price, in cents: 2^53 / 1024, so that cash of up to MAX_CASH_RATIO times a holding is exact. */
const MAX_FLOAT_VALUE_CENTS = 2 ** 53 / 1024;


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
  /** Quote sampling interval: at most a thousand samples a second. */
  sampleSeconds: z.number().min(0.001).max(MAX_RUN_SECONDS).default(1),
  /** Keep every trade's row for trades.csv / trades.parquet (default); false keeps the tape hash, bars, flows and quotes only (memory for very large runs). */
  tradeRows: z.boolean().default(true),
});

/** The `agents` section: one entry per agent class, from its descriptor (scenario/classes/), in class-id order. */
type AgentsShape = { [C in (typeof AGENT_CLASSES)[number] as C['key']]: C['section'] };
const agentsShape = Object.fromEntries([...AGENT_CLASSES].sort((x, y) => x.classId - y.classId).map((c) => [c.key, c.section])) as AgentsShape;

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
  /** Length of the simulated session in seconds, for continuous trading (no `schedule`); at most 100 days. */
  durationSeconds: duration.optional(),
  /** Trading sessions; without it the market trades continuously from the run's start. */
  schedule: ScheduleSchema.optional(),
  recording: RecordingSchema.default({ realSharesPerLot: 1, sampleSeconds: 1, tradeRows: true }),
  symbols: z.array(SymbolSchema).min(1),
  stp: z.enum(['none', 'expire_maker', 'expire_taker']).default('none'),
  agents: z.strictObject(agentsShape),
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
  if (shares > 1 + 1e-12) issues.push(`agents: the classes' floatShare fractions add up to more than 1 (got ${Number(shares.toPrecision(12))})`);
  const names = new Map<string, number>(); // name -> index of the first symbol with it
  s.symbols.forEach((x, i) => {
    const cents = x.referencePrice * x.tickCents * x.floatLots;
    if (cents > MAX_FLOAT_VALUE_CENTS) issues.push(`symbols.${i}.floatLots: the float's value at the reference price (referencePrice x tickCents x floatLots) is ${cents.toExponential(3)} cents, above ${MAX_FLOAT_VALUE_CENTS.toExponential(3)} (2^53 / 1024: cash up to ${MAX_CASH_RATIO}x a holding stays an exact number of cents) (got ${x.floatLots})`);
    const first = names.get(x.name);
    if (first === undefined) names.set(x.name, i);
    else issues.push(`symbols.${i}.name: symbols.${first} has this name too; each symbol needs its own (its files and flows are named after it) (got ${JSON.stringify(x.name)})`);
  });
  a.leveragedEtfs.forEach((e, i) => {
    if (!names.has(e.symbol)) issues.push(`agents.leveragedEtfs.${i}.symbol: not a symbol of this scenario (got ${JSON.stringify(e.symbol)})`);
  });
  if (a.leveragedEtfs.length > 0 && !s.schedule) issues.push('agents.leveragedEtfs: need a schedule (they trade in the closing auction)');
  for (const key of ['abidesNoise', 'abidesValue', 'abidesMarketMakers', 'abidesMomentum'] as const) {
    if (a[key] && s.schedule) issues.push(`agents.${key}: ABIDES's agents trade a continuous session from its open: give durationSeconds, not a schedule`);
  }
  if (s.durationSeconds === undefined && s.schedule === undefined) issues.push('durationSeconds: required when there is no schedule (got nothing)');
  if (s.durationSeconds !== undefined && s.schedule !== undefined) issues.push(`durationSeconds: give either durationSeconds (continuous trading) or schedule, not both (got ${s.durationSeconds} and a schedule)`);
  const start = s.schedule?.startDate;
  let calendar: Calendar | null = s.schedule && start === undefined ? everyDayCalendar(s.schedule.days) : null;
  if (start !== undefined) {
    const problem = usStartDateProblem(start);
    if (problem !== null) issues.push(`schedule.startDate: ${problem} (got ${JSON.stringify(start)})`);
    else {
      try {
        calendar = usEquityCalendar(start, s.schedule!.days);
      } catch (e) {
        issues.push(`schedule.days: ${(e as Error).message} (got ${s.schedule!.days})`);
      }
    }
  }
  if (calendar !== null) {
    // The last close on the run's clock (from the first session's midnight) bounds every time of the run.
    const endDays = (calendar.midnight(calendar.sessions - 1) + calendar.day.close) / NS_PER_DAY;
    if (endDays > MAX_RUN_DAYS) issues.push(`schedule.days: the last session would close ${Math.ceil(endDays)} days after the first one's midnight; a run lasts at most ${MAX_RUN_DAYS} days (its times are integer nanoseconds, exact below 2^53) (got ${calendar.sessions})`);
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
      if (OUTCOME_KEY.test(k) && !path.endsWith('.economy')) issues.push(`${path}.${k}: news may not carry a price, return or value ratio (readings give economy changes; the model computes values) (got ${shown(v)})`);
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
    return `${path}: ${i.message} (got ${value === undefined ? 'nothing' : shown(value)})`;
  });
  throw new ScenarioError(issues);
}
