// Market activity clock and consensus reference for the zero-intelligence flow (one per symbol,
// shared by its noise traders). It carries three things:
//
// 1. Trading hours and the intraday U-shape (Admati & Pfleiderer 1988; Jain & Joh 1988: volume
//    and volatility are highest after the open and before the close). With x in [0, 1] the
//    fraction of the session elapsed,
//      u(x) = 1 + c ((2x - 1)^2 - 1/3)                   (mean 1 over the session; c = uShape)
//    and u = 0 outside [open - leadNs, close): noise traders sleep through the night (they wake
//    at the next pre-open lead instead), which is also where a simulated day spends most wake-ups.
//    In the lead before the open u = u(0). Without a schedule u = 1 always.
// 2. A slowly varying activity regime: X an Ornstein-Uhlenbeck process with time constant
//    tau_R and stationary sd s_R, sampled exactly at each observation,
//      X <- X e^{-dt/tau_R} + s_R sqrt(1 - e^{-2 dt/tau_R}) Z,     R = exp(X - s_R^2 / 2)  (E R = 1),
//    persistent busy and quiet spells (the latent information-arrival rate of the mixture-of-
//    distributions hypothesis: Clark 1973; Tauchen & Pitts 1983; Andersen 1996).
// 3. A consensus reference price V (log), the level the noise traders' limit orders are placed
//    around: a random walk subordinated to activity (Clark 1973: price variance proportional to
//    the number of trades / information events),
//      ln V <- ln V + sigma_d sqrt(a^gamma dt / T_s) Z,      a = u R m,
//    with gamma = referenceExponent (1: variance proportional to activity; 2: busier traders also
//    move the consensus further per trade), sigma_d the daily sigma at activity 1, T_s the session length and m the attention
//    multiplier handed in by the caller (attention.ts; endogenous: self-exciting, asymmetric in
//    falls, so large falls raise future volatility: the leverage effect). The book's mid follows
//    V because limit orders are placed around it (marketable when V has moved past the touch);
//    without it, limit orders around the live mid make the mid bounce and revert (book memory).
//    With referenceJumpsPerDay > 0, V also jumps: in an interval dt a jump ln V += sigma_J Z
//    happens with probability lambda_J a dt / T_s (compound Poisson, subordinated to activity;
//    Merton 1976): rare large moves give 1-minute returns excess kurtosis that aggregation over
//    longer horizons dilutes, as in the data.
//    V starts at the first mid seen and is frozen while u = 0 (no overnight move). The traders'
//    reference is mid + w (V - mid), w = referenceWeight in the trader (zero-intelligence.ts).
//
// All draws come from the activity's own stream; observations must come in time order (the
// kernel's order). exp and log from core/detmath.

import { dexp, dlog } from '../core/detmath.ts';
import { normal } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';
import { nextTradingTime, sessionTimeOfDay, type Calendar } from '../market/calendar.ts';

export interface ActivityParams {
  /** Sessions (calendar: which days, open and close) and how long before the open traders wake; absent = always open, u = 1. */
  session?: { calendar: Calendar; leadNs: number };
  /** c: U-shape strength, 0 <= c <= 1.5 (u between 1 - c/3 and 1 + 2c/3). */
  uShape: number;
  /** s_R: stationary sd of the log regime (0 = no regime). */
  regimeSd: number;
  /** tau_R: regime time constant (ns). */
  regimeNs: number;
  /** sigma_d: daily sigma of the reference at activity 1 (0 = reference not used). */
  referenceSigma: number;
  /** gamma: variance of the reference grows as activity^gamma (default 1). */
  referenceExponent?: number;
  /** T_s: the session length the daily sigma refers to (ns). */
  sessionNs: number;
  /** lambda_J: expected jumps of the reference per session at activity 1 (default 0: none). */
  referenceJumpsPerDay?: number;
  /** sigma_J: sd of a jump of ln V (default 0). */
  referenceJumpSigma?: number;
}

export class Activity {
  private lastT = -1;
  private x = 0;
  private logV = Number.NaN;
  private u = 1;
  private regime = 1;
  private readonly mean: number;

  constructor(
    readonly p: ActivityParams,
    private readonly rng: RandomSource,
  ) {
    if (!(p.uShape >= 0 && p.uShape <= 1.5)) throw new RangeError(`activity uShape must be in [0, 1.5], got ${p.uShape}`);
    if (!(p.regimeSd >= 0)) throw new RangeError(`activity regimeSd must be >= 0, got ${p.regimeSd}`);
    if (!(p.regimeNs > 0)) throw new RangeError(`activity regimeNs must be > 0, got ${p.regimeNs}`);
    if (!(p.referenceSigma >= 0)) throw new RangeError(`activity referenceSigma must be >= 0, got ${p.referenceSigma}`);
    if (!(p.sessionNs > 0)) throw new RangeError(`activity sessionNs must be > 0, got ${p.sessionNs}`);
    const s = p.session;
    if (s && !(s.leadNs >= 0 && s.calendar.day.open >= s.leadNs)) throw new RangeError(`activity session leadNs must be in [0, open], got ${s.leadNs}`);
    this.mean = p.regimeSd * p.regimeSd * 0.5;
    if (p.regimeSd > 0) this.x = p.regimeSd * normal(rng);
    this.regime = dexp(this.x - this.mean);
  }

  /** u(x) for the time of day of t (0 outside the session and its lead). */
  intraday(t: number): number {
    const s = this.p.session;
    if (!s) return 1;
    const { open, close } = s.calendar.day;
    const tod = sessionTimeOfDay(s.calendar, t);
    if (tod < open - s.leadNs || tod >= close) return 0;
    const x = tod <= open ? 0 : (tod - open) / (close - open);
    const y = 2 * x - 1;
    return 1 + this.p.uShape * (y * y - 1 / 3);
  }

  /** Next time >= t the session (with its lead) is open; t itself when it is. */
  nextOpen(t: number): number {
    const s = this.p.session;
    return s ? nextTradingTime(s.calendar, t, s.leadNs) : t;
  }

  /**
   * Advances the regime and the reference to time t, given the attention multiplier m and the
   * live mid (seeds V on first use); returns the activity multiplier u R m (0 when closed).
   */
  advance(t: number, m: number, mid: number): number {
    const p = this.p;
    const u = this.intraday(t);
    if (this.lastT >= 0 && t > this.lastT) {
      const dt = t - this.lastT;
      if (p.regimeSd > 0) {
        const e = dexp(-dt / p.regimeNs);
        this.x = this.x * e + p.regimeSd * Math.sqrt(1 - e * e) * normal(this.rng);
        this.regime = dexp(this.x - this.mean);
      }
      // The reference moves with the activity of the interval just ended (u at its start).
      if (p.referenceSigma > 0 && this.u > 0 && !Number.isNaN(this.logV)) {
        const a = this.u * this.regime * m;
        const g = p.referenceExponent ?? 1;
        this.logV += p.referenceSigma * Math.sqrt(((g === 1 ? a : g === 2 ? a * a : dexp(g * dlog(a))) * dt) / p.sessionNs) * normal(this.rng);
        // News-like jumps: Poisson with intensity lambda_J a per session.
        const lambda = p.referenceJumpsPerDay ?? 0;
        if (lambda > 0 && this.rng.nextFloat() < (lambda * a * dt) / p.sessionNs) this.logV += (p.referenceJumpSigma ?? 0) * normal(this.rng);
      }
    }
    if (t >= this.lastT) this.lastT = t;
    this.u = u;
    if (Number.isNaN(this.logV) && mid > 0) this.logV = dlog(mid);
    return u * this.regime * m;
  }

  /** The consensus reference V (price units of the mid), or NaN before the first mid. */
  reference(): number {
    return dexp(this.logV);
  }

  /** The regime factor R. */
  regimeLevel(): number {
    return this.regime;
  }
}
