// A trader's reading of the news it has heard: its estimate of the log change in fundamental
// value of one symbol. For each heard narrative n (of event e) it keeps a private noisy signal
//   y_n = ln R_n + s(gI) Z_n,   Z_n ~ N(0, 1) from the trader's own stream,
// where R_n is the narrative's value ratio and s the signal-noise map (src/news/gaps.ts). Per event,
// the naive readings heard (mean signal N) carry weight w = w(gI) and the informed side carries
// 1 - w, held by the mean informed signal I heard so far or, until one is heard, by the prior
// (no change, 0): the trader's own view, which an outsider holds loosely and an insider firmly:
//   ln(V_hat / V0) = sum_e  (w N_e [naive heard] + (1 - w) I_e) / (w [naive heard] + (1 - w))
// (0 for an event with nothing heard, or with a zero denominator). So an insider (w = 0) ignores
// the naive reading (C13), an outsider hearing only the naive reading moves by w N, and hearing
// the informed reading too moves it to w N + (1 - w) I. The sum is recomputed only when a
// narrative arrives, and with it the value estimate V_hat = V0 exp(ln-shift) (ticks), V0 the
// pre-shock value.
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
  /** Per event: sum and count of heard naive signals, and of heard informed signals. */
  private readonly naiveSum: Float64Array;
  private readonly naiveCount: Float64Array;
  private readonly informedSum: Float64Array;
  private readonly informedCount: Float64Array;
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
    this.naiveSum = new Float64Array(events);
    this.naiveCount = new Float64Array(events);
    this.informedSum = new Float64Array(events);
    this.informedCount = new Float64Array(events);
    this.wNaive = naiveWeight(information, gapMap);
    this.sd = signalSd(information, gapMap);
  }

  /** Records narrative `n` (once) with its private noise; returns false if already heard or unknown. */
  hear(n: number, rng: RandomSource): boolean {
    const nar = this.narratives[n];
    if (nar === undefined || this.heard[n] === 1) return false;
    this.heard[n] = 1;
    const y = dlog(nar.valueRatios[this.symbol]) + this.sd * normal(rng);
    this.signal[n] = y;
    if (nar.kind === 'naive') {
      this.naiveSum[nar.event] += y;
      this.naiveCount[nar.event]++;
    } else {
      this.informedSum[nar.event] += y;
      this.informedCount[nar.event]++;
    }
    const w = this.wNaive;
    let s = 0;
    for (let e = 0; e < this.naiveSum.length; e++) {
      const nN = this.naiveCount[e];
      const nI = this.informedCount[e];
      if (nN === 0 && nI === 0) continue;
      const wN = nN > 0 ? w : 0;
      const den = wN + (1 - w);
      if (den > 0) s += ((nN > 0 ? (wN * this.naiveSum[e]) / nN : 0) + (nI > 0 ? ((1 - w) * this.informedSum[e]) / nI : 0)) / den;
    }
    this.logShift = s;
    this.value = this.valueTicks * dexp(s);
    return true;
  }
}
