// What several agent classes share: the zod fields of their scenario sections (counts,
// probabilities, gaps, a share of the float with its cash), the split of a class's share of the
// float into its agents' initial holdings, and the parameters every news-reading holder
// (institution, fast money, retail) is built with.
import { z } from 'zod';
import { NS_PER_SECOND } from '../../core/units.ts';
import type { Narrative } from '../../news/event.ts';
import type { Gaps } from '../../news/gaps.ts';
import type { Scenario } from '../schema.ts';
import type { PopulationBuilder } from './descriptor.ts';

export const positiveInt = z.number().int().positive();
export const probability = z.number().min(0).max(1);
/** The most agents of one class (the engine is measured to 100,000 agents in about 0.43 GB). */
export const MAX_AGENTS = 1_000_000;
export const agentCount = z.number().int().min(0).max(MAX_AGENTS);
/** The largest order size in lots a rule may draw or send (a uniform draw spans at most 2^32 values). */
export const MAX_ORDER_LOTS = 1_000_000_000;
export const orderLots = z.number().int().min(1).max(MAX_ORDER_LOTS);
/** The most cash per agent as a multiple of its holding (with the float's value bound, cents stay below 2^53). */
export const MAX_CASH_RATIO = 1000;
/** The most extra cash per agent, dollars. */
export const MAX_CASH_USD = 1e12;

/**
 * The longest run, in days and seconds. Times are integer nanoseconds on the run's clock, exact
 * below 2^53 ns (about 104 days); 100 days leaves room for wake-ups drawn past the end.
 */
export const MAX_RUN_DAYS = 100;
export const MAX_RUN_SECONDS = MAX_RUN_DAYS * 86_400;
/** A length of time in seconds: at least a nanosecond, at most the longest run. */
export const duration = z.number().min(1e-9).max(MAX_RUN_SECONDS);
/** A length of time in seconds that may be 0. */
export const durationOrZero = z.number().min(0).max(MAX_RUN_SECONDS);
/** A length of time in minutes: more than 0, at most the longest run. */
export const durationMinutes = z.number().gt(0).max(MAX_RUN_SECONDS / 60);
/** A latency in microseconds: 0 to the longest run. */
export const latencyMicros = z.number().min(0).max(MAX_RUN_SECONDS * 1e6);
/** An amount of dollars a fund holds or moves, at most $10 trillion either way. */
export const MAX_FUND_USD = 1e13;
/** A time in seconds from the open, before or after it by at most the longest run. */
export const secondsFromOpen = z.number().min(-MAX_RUN_SECONDS).max(MAX_RUN_SECONDS);

export const gaps = z.strictObject({ information: probability, onSite: probability, horizon: probability });
export const fraction = probability;
/** One class's share of each symbol's float, and how much cash each agent holds per unit of its holding's value. */
export const holding = {
  /** Fraction of the float (floatLots) this class holds, split equally among its agents. */
  floatShare: fraction,
  /** Cash per agent as a multiple of the value of its initial holding (negative: a margin loan, > -1). */
  cashRatio: z.number().gt(-1).max(MAX_CASH_RATIO).default(0.2),
  /** Extra cash per agent, in dollars (e.g. for a class that starts flat). */
  cashUsd: z.number().nonnegative().max(MAX_CASH_USD).default(0),
};

/** Splits `total` lots into `count` integer parts that differ by at most one and add up exactly. */
export function splitLots(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  const extra = total - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}

export function cashFor(s: Scenario, symbol: number, lots: number, ratio: number, usd: number): number {
  const sym = s.symbols[symbol];
  return Math.round(ratio * lots * sym.referencePrice * sym.tickCents + usd * 100);
}

/** The section fields every news-reading holder class has. */
interface HolderSection {
  count: number;
  floatShare: number;
  cashRatio: number;
  cashUsd: number;
  meanWakeSeconds: number;
  gaps?: Gaps;
}

/** What a news-reading holder is built with: its holding, its value, its gaps, the news and its wake clock. */
export interface HolderParams {
  symbol: number;
  initialPosition: number;
  initialCash: number;
  valueTicks: number;
  gaps: Gaps;
  narratives: readonly Narrative[];
  meanWakeNs: number;
  sleepsWhenClosed: boolean;
}

/** The holder parameters of each of a class's `c.count` agents on `symbol` (their share of the float split equally). */
export function holderParams(s: Scenario, b: PopulationBuilder, symbol: number, c: HolderSection, defaultGaps: Gaps): HolderParams[] {
  const sym = s.symbols[symbol];
  const lots = splitLots(Math.floor(sym.floatLots * c.floatShare), c.count);
  return lots.map((l) => ({
    symbol,
    initialPosition: l,
    initialCash: cashFor(s, symbol, l, c.cashRatio, c.cashUsd),
    valueTicks: sym.valueTicks ?? sym.referencePrice,
    gaps: c.gaps ?? defaultGaps,
    narratives: b.narratives,
    meanWakeNs: c.meanWakeSeconds * NS_PER_SECOND,
    sleepsWhenClosed: b.sleepsWhenClosed,
  }));
}
