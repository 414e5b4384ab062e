// Bass diffusion of users: the share F(t) of the eventual market that has adopted by time t,
// with innovation coefficient p and imitation coefficient q (per year).
//   F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t})
//   f(t) = F'(t) = ((p+q)^2 / p) e^{-(p+q)t} / (1 + (q/p) e^{-(p+q)t})^2
//   peak of f at t* = ln(q/p) / (p+q) when q > p, with F(t*) = 1/2 - p/(2q).
import { dexp, dlog } from '../core/detmath.ts';
import { nonNegative, positive } from './checks.ts';

/** Adopted share F(t) in [0, 1). */
export function bassAdoption(p: number, q: number, t: number): number {
  positive('p', p);
  nonNegative('q', q);
  nonNegative('t', t);
  const e = dexp(-(p + q) * t);
  return (1 - e) / (1 + (q / p) * e);
}

/** Adoption rate f(t) = dF/dt. */
export function bassRate(p: number, q: number, t: number): number {
  positive('p', p);
  nonNegative('q', q);
  nonNegative('t', t);
  const s = p + q;
  const e = dexp(-s * t);
  const d = 1 + (q / p) * e;
  return ((s * s) / p) * e / (d * d);
}

export interface BassPeak {
  /** Time of the fastest adoption (0 when q <= p: adoption only slows down). */
  peakTime: number;
  /** F at the peak. */
  adoptionAtPeak: number;
  /** f at the peak (share per unit time). */
  peakRate: number;
  /** Time when half the market has adopted. */
  halfTime: number;
}

export function bassPeak(p: number, q: number): BassPeak {
  positive('p', p);
  nonNegative('q', q);
  const s = p + q;
  const peakTime = q > p ? dlog(q / p) / s : 0;
  // F = 1/2  <=>  e^{-st} = 1 / (2 + q/p)
  const halfTime = dlog(2 + q / p) / s;
  return { peakTime, adoptionAtPeak: bassAdoption(p, q, peakTime), peakRate: bassRate(p, q, peakTime), halfTime };
}
