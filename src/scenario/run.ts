// Builds a run from a validated scenario (kernel, exchange, agents with their own seeded
// streams, recorder) and runs it to the end, with the accounting audit. This is the only module
// that couples the layers.
import { NS_PER_SECOND } from '../core/units.ts';
import { stpCode } from '../book/codes.ts';
import { Kernel } from '../kernel/kernel.ts';
import { Exchange } from '../market/exchange.ts';
import { everyDayCalendar, usEquityCalendar, type Calendar } from '../market/calendar.ts';
import { NS_PER_DAY, US_EQUITY_DAY } from '../market/schedule.ts';
import type { Trader } from '../agents/trader.ts';
import { NewsFeed } from '../news/feed.ts';
import { disjointUnion } from '../news/network.ts';
import type { Gaps } from '../news/gaps.ts';
import { Recorder, agentClassMap, type RecordingSummary } from '../record/recorder.ts';
import { attachBeliefSampler, beliefSamplerOf, BeliefSampler, type BeliefReader } from '../record/beliefs.ts';
import type { Scenario } from './schema.ts';
import { auditAccounts, snapshotAccounts, type AuditSnapshot } from './audit.ts';
import { AGENT_CLASSES } from './classes/index.ts';
import { buildPopulation } from './population.ts';
import { resolveNews, type ResolvedNews } from './readings.ts';

export interface RunSummary {
  scenario: string;
  seed: number;
  trades: number;
  volume: number[];
  lastPrice: number[];
  tapeHash: string;
  events: number;
  orders: number;
}

export interface BuiltRun {
  kernel: Kernel;
  exchange: Exchange;
  recorder: Recorder;
  traders: Trader[];
  /** Time the run starts and ends (ns from day 0's midnight for scheduled runs, else from 0). */
  startNs: number;
  endNs: number;
  /** Holdings of every account when the run was built (for the audit). */
  start: AuditSnapshot;
  /** The sessions (null for continuous trading). */
  calendar: Calendar | null;
  /** The news as the market hears it: events, narratives with value ratios, the readings' economy. */
  news: ResolvedNews;
  /** The feed diffusing the news (null without news). */
  feed: NewsFeed | null;
}

/** Real shares one lot of symbol `x` stands for. */
export function sharesPerLotOf(s: Scenario, x: Scenario['symbols'][number]): number {
  return x.realSharesPerLot ?? s.recording.realSharesPerLot;
}

/** The sessions of a scheduled scenario: the NYSE calendar from startDate, else every day. */
export function scenarioCalendar(s: Scenario): Calendar | null {
  if (!s.schedule) return null;
  return s.schedule.startDate === undefined ? everyDayCalendar(s.schedule.days) : usEquityCalendar(s.schedule.startDate, s.schedule.days);
}

/** Gaps per investor class code: the scenario's, else the defaults (of the class that reads news, when several share a code). */
export function scenarioGaps(s: Scenario): (Gaps | undefined)[] {
  const g: (Gaps | undefined)[] = [];
  for (const c of AGENT_CLASSES) g[c.classId] ??= c.gapsOverride?.(s) ?? c.gaps;
  return g;
}


/** Where the run starts: some minutes before the first open, or at 0 for continuous trading. */
export function runStartNs(s: Scenario): number {
  if (s.schedule) return US_EQUITY_DAY.open - Math.round(s.schedule.startBeforeOpenSeconds * NS_PER_SECOND);
  return 0;
}

/** Where the run ends: the last session's close plus a second, or the end of continuous trading. */
export function runEndNs(s: Scenario): number {
  const cal = scenarioCalendar(s);
  if (cal) return cal.midnight(cal.sessions - 1) + cal.day.close + NS_PER_SECOND;
  return Math.round((s.durationSeconds ?? 0) * NS_PER_SECOND);
}

/** How a run is built beyond its scenario: what it keeps that nobody may read. */
export interface BuildOptions {
  /**
   * False: keep no trade rows even when the scenario's recording.tradeRows asks for them (the
   * default follows the scenario). A run whose tape is not written passes false: the count and
   * the tape hash are the same, without ~300 MB of columns for a DeepSeek week's 4.5M trades.
   */
  tradeRows?: boolean;
}

export function buildRun(s: Scenario, seed: number, options: BuildOptions = {}): BuiltRun {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const kernel = new Kernel({ start: runStartNs(s) });
  const calendar = scenarioCalendar(s);
  const news = resolveNews(s);
  const symbols = s.symbols.map((x) => x.name);
  const referencePrices = s.symbols.map((x) => x.referencePrice);
  const centsPerTickLot = s.symbols.map((x) => x.tickCents);
  const recorder = new Recorder({
    symbols,
    referencePrices,
    centsPerTickLot,
    sampleNs: Math.round(s.recording.sampleSeconds * NS_PER_SECOND),
    realSharesPerLot: s.recording.realSharesPerLot,
    tradeRows: s.recording.tradeRows && (options.tradeRows ?? true),
    sharesPerLot: s.symbols.map((x) => sharesPerLotOf(s, x)),
    ...(calendar ? { session: { dayNs: NS_PER_DAY, openNs: calendar.day.open, closeNs: calendar.day.close, calendar } } : {}),
  });
  const exchange = new Exchange({
    symbols,
    referencePrices,
    centsPerTickLot,
    stp: stpCode(s.stp),
    sink: recorder,
    ...(s.schedule && calendar ? { schedule: US_EQUITY_DAY, calendar, luld: s.schedule.luld, closingCollar: s.schedule.closingCollar } : {}),
  });
  kernel.add(exchange, 0);
  const n = symbols.length;
  const population = buildPopulation(s, { kernel, exchange, seed, narratives: news.narratives, ...(calendar ? { calendar } : {}) });
  const { traders } = population;
  let feed: NewsFeed | null = null;
  if (news.narratives.length > 0) {
    const groups = population.retail;
    feed = new NewsFeed({
      seed,
      events: news.events,
      narratives: news.narratives,
      symbols: n,
      gapsByClass: scenarioGaps(s),
      listeners: population.listeners,
      ...(groups.length > 0
        ? { social: { network: disjointUnion(groups.map((g) => g.network)), members: groups.flatMap((g) => g.members), shareProbability: 0, meanShareDelayNs: (s.agents.retail?.network.shareDelayMinutes ?? 60) * 60 * NS_PER_SECOND } }
        : {}),
    });
    kernel.add(feed, 0);
  }
  recorder.attach(exchange).setAgentClasses(agentClassMap(kernel.agents)).trackHoldings(traders);
  // Per-minute beliefs and news spread (beliefs.csv, news.csv): observation only; symbol = key / 2^20 (population.ts listenerKey).
  const readers = population.listeners.map((l) => ({ classId: l.classId, symbol: Math.floor(l.key / 2 ** 20), belief: (kernel.agents[l.id] as Partial<BeliefReader>).belief })).filter((x): x is BeliefReader => x.belief !== undefined);
  if (readers.length > 0) attachBeliefSampler(recorder, new BeliefSampler(recorder, { readers, narratives: news.readings.map((x) => ({ event: x.eventLabel, reading: x.reading })), quotes: exchange }));
  kernel.add(recorder, 0);
  return { kernel, exchange, recorder, traders, startNs: runStartNs(s), endNs: runEndNs(s), start: snapshotAccounts(traders, n), calendar, news, feed };
}

/** The end-of-run accounting audit: throws AuditError when shares or cash were not conserved. */
export function auditRun(r: BuiltRun): void {
  const n = r.exchange.symbols.length;
  auditAccounts(r.start, snapshotAccounts(r.traders, n), { shares: new Array<number>(n).fill(0), cash: 0 }, r.exchange.symbols);
}

/**
 * Runs a built run to its end in slices, calling `progress(fraction)` between slices, then
 * closes the recording and audits the accounts. `beliefs: false` skips the beliefs/news series
 * (pure observation: the tape is the same) for a run whose recording nobody reads.
 */
export function completeRun(r: BuiltRun, progress?: (fraction: number) => void, options: { beliefs?: boolean } = {}): void {
  const slices = progress ? 100 : 1;
  const sampler = options.beliefs === false ? null : beliefSamplerOf(r.recorder);
  for (let i = 1; i <= slices; i++) {
    const until = Math.floor(r.startNs + ((r.endNs - r.startNs) * i) / slices);
    if (sampler) sampler.runTo(r.kernel, until);
    else r.kernel.run(until);
    progress?.(i / slices);
  }
  r.recorder.finish(r.endNs);
  auditRun(r);
}

export function summarize(s: Scenario, seed: number, r: BuiltRun): RunSummary {
  return {
    scenario: s.name,
    seed,
    trades: r.recorder.count,
    volume: Array.from(r.exchange.volume),
    lastPrice: Array.from(r.exchange.last),
    tapeHash: r.recorder.hash(),
    events: r.kernel.events,
    orders: r.traders.reduce((a, t) => a + t.ordersSent, 0),
  };
}

/** Runs a scenario to its end and summarises it. */
export function runScenario(s: Scenario, seed: number): RunSummary {
  const r = buildRun(s, seed);
  completeRun(r);
  return summarize(s, seed, r);
}

export type { RecordingSummary };
