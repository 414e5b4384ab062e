// A trader's reading of the news it has heard: its estimate of the log change in fundamental
// value of one symbol. For each heard narrative n (of event e) it keeps a private noisy signal
//   y_n = ln R_n + s(gI) Z_n,   Z_n ~ N(0, 1) from the trader's own stream,
// where R_n is the narrative's value ratio and s the signal-noise map (src/news/gaps.ts). Per event
// the heard readings are averaged with weights w(gI) for naive and 1 - w(gI) for informed ones:
//   ln(V_hat / V0) = sum_e  sum_{n in e, heard} omega_n y_n / sum_{n in e, heard} omega_n
// (an event none of whose heard readings has weight > 0 leaves the estimate unchanged: an insider,
// w = 0, ignores the naive reading, C13). The sum is recomputed only when a narrative arrives,
// and with it the value estimate V_hat = V0 exp(ln-shift) (ticks), V0 the pre-shock value.
import { dexp, dlog } from '../core/detmath.ts';
import { normal } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';
import type { Narrative } from '../news/event.ts';
import { DEFAULT_GAP_MAP, naiveWeight, signalSd, type GapMapParams } from '../news/gaps.ts';

/** Weight of one reading in its event's average: w for naive, 1 - w for informed. */
export function readingWeight(kind: Narrative['kind'], wNaive: number): number {
  return kind === 'naive' ? wNaive : 1 - wNaive;
}

export class Belief {
  /** Estimated ln(V_hat / V0) from the news heard so far. */
  logShift = 0;
  /** V_hat, ticks. */
  value: number;
  readonly heard: Uint8Array;
  readonly signal: Float64Array;
  private readonly num: Float64Array;
  private readonly den: Float64Array;
  private readonly wNaive: number;
  private readonly sd: number;

  constructor(
    private readonly narratives: readonly Narrative[],
    private readonly symbol: number,
    information: number,
    gapMap: GapMapParams = DEFAULT_GAP_MAP,
    /** V0: the pre-shock value, ticks (default 1: `value` is then V_hat / V0). */
    readonly valueTicks = 1,
  ) {
    if (!(valueTicks > 0)) throw new RangeError(`valueTicks must be > 0, got ${valueTicks}`);
    this.value = valueTicks;
    if (!(information >= 0 && information <= 1)) throw new RangeError(`information gap must be in [0, 1], got ${information}`);
    let events = 0;
    for (const n of narratives) if (n.event + 1 > events) events = n.event + 1;
    this.heard = new Uint8Array(narratives.length);
    this.signal = new Float64Array(narratives.length);
    this.num = new Float64Array(events);
    this.den = new Float64Array(events);
    this.wNaive = naiveWeight(information, gapMap);
    this.sd = signalSd(information, gapMap);
  }

  /** Records narrative `n` (once) with its private noise; returns false if already heard or unknown. */
  hear(n: number, rng: RandomSource): boolean {
    const nar = this.narratives[n];
    if (nar === undefined || this.heard[n] === 1) return false;
    this.heard[n] = 1;
    this.signal[n] = dlog(nar.valueRatios[this.symbol]) + this.sd * normal(rng);
    this.num.fill(0);
    this.den.fill(0);
    for (let i = 0; i < this.narratives.length; i++) {
      if (this.heard[i] === 0) continue;
      const w = readingWeight(this.narratives[i].kind, this.wNaive);
      const e = this.narratives[i].event;
      this.num[e] += w * this.signal[i];
      this.den[e] += w;
    }
    let s = 0;
    for (let e = 0; e < this.num.length; e++) if (this.den[e] > 0) s += this.num[e] / this.den[e];
    this.logShift = s;
    this.value = this.valueTicks * dexp(s);
    return true;
  }
}
