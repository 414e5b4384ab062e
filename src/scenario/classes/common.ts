// What several agent classes share: the zod fields of their scenario sections (counts,
// probabilities, gaps, a share of the float with its cash) and the split of a class's share of
// the float into its agents' initial holdings.
import { z } from 'zod';
import type { Scenario } from '../schema.ts';

export const positiveInt = z.number().int().positive();
export const nonNegativeInt = z.number().int().nonnegative();
export const probability = z.number().min(0).max(1);

export const gaps = z.strictObject({ information: probability, onSite: probability, horizon: probability });
export const fraction = probability;
/** One class's share of each symbol's float, and how much cash each agent holds per unit of its holding's value. */
export const holding = {
  /** Fraction of the float (floatLots) this class holds, split equally among its agents. */
  floatShare: fraction,
  /** Cash per agent as a multiple of the value of its initial holding (negative: a margin loan, > -1). */
  cashRatio: z.number().gt(-1).default(0.2),
  /** Extra cash per agent, in dollars (e.g. for a class that starts flat). */
  cashUsd: z.number().nonnegative().default(0),
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
