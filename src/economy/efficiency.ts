// Efficiency over time: tokens per H100-equivalent GPU-hour at equal capability, relative to
// the base year. A steady trend (default ~10x per year, the a16z estimate of the inference price
// decline at constant capability) times discrete jumps (a DeepSeek-like ~27x at equal capability,
// R1 vs o1 API prices):  E(t) = trend^(t - base) * prod_{jumps with year <= t} jump.
import { dpow } from '../core/detmath.ts';
import { finite, positive } from './checks.ts';

export interface EfficiencyJump {
  year: number;
  factor: number;
}

export function efficiencyAt(year: number, baseYear: number, trend: number, jumps: readonly EfficiencyJump[] = []): number {
  finite('year', year);
  finite('baseYear', baseYear);
  positive('efficiency.trend', trend);
  let e = dpow(trend, year - baseYear);
  for (const j of jumps) {
    positive('efficiency.jump', j.factor);
    if (year >= j.year) e *= j.factor;
  }
  return e;
}

/** Price of a token (per unit of tokens) from the compute cost: rental / (tokens per hour) * (1 + markup). */
export function tokenPrice(rentalPerHour: number, tokensPerHour: number, markup: number): number {
  positive('rentalPerHour', rentalPerHour);
  positive('tokensPerHour', tokensPerHour);
  finite('markup', markup);
  if (markup <= -1) throw new RangeError(`markup must be > -1, got ${markup}`);
  return (rentalPerHour / tokensPerHour) * (1 + markup);
}
