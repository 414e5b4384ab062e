// The three gaps between insiders and everyone else (article C10-C12) and how they map to what
// a class hears, when, how precisely and how patiently. Each class has three scalars in [0, 1],
// 0 meaning an insider: information gap gI, on-site gap gO, horizon gap gH. The maps:
//   reach      rho(gI; f)   = 1 - (1 - f) gI                 share of the class hearing a narrative
//                                                             directly (f = the narrative's floor)
//   delay      D ~ LogNormal(ln m(gO), sD),  m(gO) = m0 (m1 / m0)^gO   (median grows geometrically
//                                                             from the insider's m0 to the outsider's m1)
//   precision  s(gI) = sMin + (sMax - sMin) gI                sd of the noise on a heard log value ratio
//   naive wt   w(gI) = gI^gamma                              weight of naive vs informed readings
//   horizon    h(gH) = 1 - gH                                weight of long-run value vs short-run trend
// Sources: information and delay asymmetry as in Grossman & Stiglitz (1980) and Hong & Stein
// (1999, gradual diffusion); lognormal reporting delays are a modelling choice (docs/model.md).
import { dexp, dpow } from '../core/detmath.ts';
import { normal } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';
import { NS_PER_HOUR, NS_PER_MINUTE } from '../core/units.ts';

export interface Gaps {
  /** Information gap (C10): 0 = sees order books and forecasts, 1 = headlines only. */
  readonly information: number;
  /** On-site gap (C11): 0 = direct field reports, 1 = learns late and second-hand. */
  readonly onSite: number;
  /** Horizon gap (C12): 0 = acts on long-run value only, 1 = on short-run price moves only. */
  readonly horizon: number;
}

export interface GapMapParams {
  /** Median delay of an insider (gO = 0), ns. */
  insiderDelayNs: number;
  /** Median delay of a complete outsider (gO = 1), ns. */
  outsiderDelayNs: number;
  /** Log-sd of the delay around its median. */
  delaySigma: number;
  /** Noise sd on a heard log value ratio at gI = 0. */
  minSignalSd: number;
  /** Noise sd at gI = 1. */
  maxSignalSd: number;
  /** gamma in w(gI) = gI^gamma. */
  naiveExponent: number;
}

export const DEFAULT_GAP_MAP: GapMapParams = {
  insiderDelayNs: 2 * NS_PER_MINUTE,
  outsiderDelayNs: 4 * NS_PER_HOUR,
  delaySigma: 0.8,
  minSignalSd: 0.01,
  maxSignalSd: 0.1,
  naiveExponent: 1,
};

/** Throws unless every gap is in [0, 1]. */
export function checkGaps(g: Gaps, name = 'gaps'): void {
  for (const key of ['information', 'onSite', 'horizon'] as const) {
    const v = g[key];
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${name}.${key} must be in [0, 1], got ${v}`);
  }
}

/** Share of a class with information gap gI that hears a narrative whose reach floor is f. */
export function reach(information: number, floor: number): number {
  return 1 - (1 - floor) * information;
}

/** Median delay (ns) for on-site gap gO: m0 (m1/m0)^gO. */
export function delayMedianNs(onSite: number, p: GapMapParams = DEFAULT_GAP_MAP): number {
  return p.insiderDelayNs * dpow(p.outsiderDelayNs / p.insiderDelayNs, onSite);
}

/** One delay draw (integer ns >= 0): m(gO) exp(sD Z). */
export function drawDelayNs(rng: RandomSource, onSite: number, p: GapMapParams = DEFAULT_GAP_MAP): number {
  return Math.round(delayMedianNs(onSite, p) * dexp(p.delaySigma * normal(rng)));
}

/** Sd of the noise on a heard log value ratio for information gap gI. */
export function signalSd(information: number, p: GapMapParams = DEFAULT_GAP_MAP): number {
  return p.minSignalSd + (p.maxSignalSd - p.minSignalSd) * information;
}

/** Weight on naive readings (the informed ones get 1 - w): gI^gamma. */
export function naiveWeight(information: number, p: GapMapParams = DEFAULT_GAP_MAP): number {
  return information === 0 ? 0 : dpow(information, p.naiveExponent);
}

/** Weight of long-run value against short-run price moves: 1 - gH. */
export function horizonWeight(horizon: number): number {
  return 1 - horizon;
}
