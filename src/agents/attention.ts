// Market-wide attention: how excited the background flow is by recent price moves. Traders
// who look at the market more after it moves (Barber & Odean 2008, "all that glitters") make
// order flow self-exciting, as Hawkes models of order arrival find (Bacry, Mastromatteo & Muzy
// 2015): activity clusters, volume rises with volatility, and large moves are followed by more
// large moves. With stronger attention to falls than to rises it also gives the leverage effect.
//
// State: an excitement level e >= 0 and the last observed mid. An observation of mid P at time
// t after one of P' at t' does
//   e <- e * exp(-(t - t') / tau) + kappa * |ln(P / P')| * (1 + asymmetry * [P < P'])
// (exp and ln from core/detmath: the same bits in every engine), and the activity multiplier is
//   m = min(maxMultiplier, 1 + e).
// Agents scale their wake-up rates by m (mean delay / m). Observations must come in time order,
// which the kernel guarantees; all agents of one symbol share one Attention.

import { dexp, dlog } from '../core/detmath.ts';

export interface AttentionParams {
  /** tau: decay time of excitement (ns). */
  decayNs: number;
  /** kappa: excitement per unit of absolute log return. */
  gain: number;
  /** Extra weight on falls (0 = symmetric). */
  asymmetry: number;
  /** Cap on the activity multiplier. */
  maxMultiplier: number;
}

export class Attention {
  private e = 0;
  private lastT = -1;
  private lastMid = 0;

  constructor(readonly p: AttentionParams) {
    if (!(p.decayNs > 0)) throw new RangeError(`attention decayNs must be > 0, got ${p.decayNs}`);
    if (!(p.gain >= 0)) throw new RangeError(`attention gain must be >= 0, got ${p.gain}`);
    if (!(p.asymmetry >= 0)) throw new RangeError(`attention asymmetry must be >= 0, got ${p.asymmetry}`);
    if (!(p.maxMultiplier >= 1)) throw new RangeError(`attention maxMultiplier must be >= 1, got ${p.maxMultiplier}`);
  }

  /** Folds in the mid seen at time t and returns the activity multiplier m >= 1. */
  observe(t: number, mid: number): number {
    if (this.lastT >= 0 && mid > 0 && this.lastMid > 0) {
      const dt = t - this.lastT;
      if (dt > 0) this.e *= dexp(-dt / this.p.decayNs);
      if (mid !== this.lastMid) {
        const r = dlog(mid / this.lastMid);
        this.e += this.p.gain * (r < 0 ? -r * (1 + this.p.asymmetry) : r);
      }
    }
    this.lastT = t;
    this.lastMid = mid;
    return this.multiplier();
  }

  /** The current excitement e. */
  excitement(): number {
    return this.e;
  }

  multiplier(): number {
    const m = 1 + this.e;
    return m < this.p.maxMultiplier ? m : this.p.maxMultiplier;
  }
}
