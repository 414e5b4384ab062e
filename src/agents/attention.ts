// Market-wide attention: how excited the background flow is by recent price moves. Traders
// who look at the market more after it moves (Barber & Odean 2008, "all that glitters") make
// order flow self-exciting, as Hawkes models of order arrival find (Bacry, Mastromatteo & Muzy
// 2015): activity clusters, volume rises with volatility, and large moves are followed by more
// large moves. With stronger attention to falls than to rises it also gives the leverage effect.
//
// State: an excitement level e >= 0 and the last sampled mid. Every observation decays it,
//   e <- e * exp(-(t - t') / tau),
// and the first observation of mid P in a new sampling interval (floor(t / sampleNs) larger than
// that of the last sample P') adds
//   kappa * |ln(P / P')| * (1 + asymmetry * [P < P'])
// (exp and ln from core/detmath: the same bits in every engine); the activity multiplier is
//   m = min(maxMultiplier, 1 + e).
// Sampling matters: the mid bounces by half a tick whenever the touch changes, and summing those
// bounces at every observation measures the observation rate, not the volatility (the more
// active the agents, the more bounces they see: a runaway to the cap). Sampled once a minute
// (the default) the increments are 1-minute absolute returns, as in a realised-volatility
// measure. sampleNs = 0 samples every observation.
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
  /** Sampling interval of the mid (ns): returns are taken between samples. Default 60 s; 0 = every observation. */
  sampleNs?: number;
}

/** Default sampling interval: one minute. */
export const ATTENTION_SAMPLE_NS = 60_000_000_000;

export class Attention {
  private e = 0;
  private lastT = -1;
  private lastMid = 0;
  private lastBucket = 0;
  private readonly sampleNs: number;

  constructor(readonly p: AttentionParams) {
    this.sampleNs = p.sampleNs ?? ATTENTION_SAMPLE_NS;
    if (!(this.sampleNs >= 0)) throw new RangeError(`attention sampleNs must be >= 0, got ${p.sampleNs}`);
    if (!(p.decayNs > 0)) throw new RangeError(`attention decayNs must be > 0, got ${p.decayNs}`);
    if (!(p.gain >= 0)) throw new RangeError(`attention gain must be >= 0, got ${p.gain}`);
    if (!(p.asymmetry >= 0)) throw new RangeError(`attention asymmetry must be >= 0, got ${p.asymmetry}`);
    if (!(p.maxMultiplier >= 1)) throw new RangeError(`attention maxMultiplier must be >= 1, got ${p.maxMultiplier}`);
  }

  /** Folds in the mid seen at time t and returns the activity multiplier m >= 1. */
  observe(t: number, mid: number): number {
    if (this.lastT >= 0) {
      const dt = t - this.lastT;
      if (dt > 0) this.e *= dexp(-dt / this.p.decayNs);
    }
    this.lastT = t;
    if (mid > 0) {
      const bucket = this.sampleNs > 0 ? Math.floor(t / this.sampleNs) : t;
      if (this.lastMid <= 0) {
        this.lastMid = mid;
        this.lastBucket = bucket;
      } else if (this.sampleNs === 0 || bucket > this.lastBucket) {
        if (mid !== this.lastMid) {
          const r = dlog(mid / this.lastMid);
          this.e += this.p.gain * (r < 0 ? -r * (1 + this.p.asymmetry) : r);
        }
        this.lastMid = mid;
        this.lastBucket = bucket;
      }
    }
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
