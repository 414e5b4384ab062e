// The fundamental value of ABIDES's reference configuration (abides-markets
// oracles/sparse_mean_reverting_oracle.py), advanced only when observed. The state is one
// (time, value) pair, value in integer cents, starting at (0, r_bar). Moving it d ns forward is
// one exact Ornstein-Uhlenbeck step (mean mu = r_bar, reversion gamma per ns, volatility theta):
//   v = Normal(mu + (v0 - mu) e^{-gamma d},  theta^2 / (2 gamma) (1 - e^{-2 gamma d})) + shock
//   v = round(max(0, v))
// so the law of the path does not depend on when it is observed. Megashocks arrive as a Poisson
// process (rate per ns); a step that passes one is taken to its time with the shock added, a
// size Normal(mean, variance) with its sign flipped with probability 1/2. With ABIDES's rate
// (one in 11 years) a day almost never has one. After `closeNs` the value is frozen at
// closeNs - 1. An observation adds Normal(0, sigma_n) noise (sigma_n a variance, as in ABIDES)
// drawn from the observer's own stream, rounded to cents. The path's draws come from the
// oracle's own stream (ABIDES draws the megashock times from its global generator instead).
import { dexp, dlog } from '../core/detmath.ts';
import { exponential, normal } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';

export interface OracleParams {
  /** r_bar: the long-run mean and the starting value, cents. */
  meanCents: number;
  /** gamma: mean reversion per ns. */
  kappaPerNs: number;
  /** theta: volatility per sqrt(ns), cents. */
  volatility: number;
  /** Megashocks per ns (0 = none), their mean size and variance (cents, cents^2). */
  megashockRatePerNs: number;
  megashockMean: number;
  megashockVariance: number;
  /** The oracle's close, ns from the start: observations at or after it see the value at closeNs - 1. */
  closeNs: number;
}

export class MeanRevertingOracle {
  private t = 0;
  private v: number;
  private nextShock: number;
  private readonly stationaryVariance: number;

  constructor(
    readonly p: OracleParams,
    private readonly rng: RandomSource,
  ) {
    if (!(p.meanCents > 0)) throw new RangeError(`oracle meanCents must be > 0, got ${p.meanCents}`);
    if (!(p.kappaPerNs > 0)) throw new RangeError(`oracle kappaPerNs must be > 0, got ${p.kappaPerNs}`);
    if (!(p.volatility >= 0)) throw new RangeError(`oracle volatility must be >= 0, got ${p.volatility}`);
    if (!(p.megashockRatePerNs >= 0)) throw new RangeError(`oracle megashockRatePerNs must be >= 0, got ${p.megashockRatePerNs}`);
    if (!(p.closeNs > 0)) throw new RangeError(`oracle closeNs must be > 0, got ${p.closeNs}`);
    this.v = p.meanCents;
    this.stationaryVariance = (p.volatility * p.volatility) / (2 * p.kappaPerNs);
    this.nextShock = p.megashockRatePerNs > 0 ? exponential(rng, 1 / p.megashockRatePerNs) : Infinity;
  }

  /** The fundamental at time t (ns), advancing the path (t must not go back in time). */
  valueAt(t: number): number {
    const to = t >= this.p.closeNs ? this.p.closeNs - 1 : t;
    while (this.nextShock <= to) {
      const p = this.p;
      const shock = normal(this.rng, p.megashockMean, Math.sqrt(p.megashockVariance));
      const signed = this.rng.nextU32() & 1 ? -shock : shock;
      this.step(this.nextShock, signed);
      this.nextShock += Math.floor(exponential(this.rng, 1 / p.megashockRatePerNs));
    }
    this.step(to, 0);
    return this.v;
  }

  /** An observation at t: the fundamental plus Normal(0, sigmaN) noise from `observer`, rounded to cents. */
  observe(t: number, observer: RandomSource, sigmaN: number): number {
    const r = this.valueAt(t);
    return Math.round(normal(observer, r, Math.sqrt(sigmaN)));
  }

  private step(to: number, shock: number): void {
    const d = to - this.t;
    if (d <= 0) return;
    const g = this.p.kappaPerNs;
    const mean = this.p.meanCents + (this.v - this.p.meanCents) * dexp(-g * d);
    const sd = Math.sqrt(this.stationaryVariance * (1 - dexp(-2 * g * d)));
    const v = normal(this.rng, mean, sd) + shock;
    this.v = Math.round(v > 0 ? v : 0);
    this.t = to;
  }
}

/** (1 - kappa)^n for n >= 0 ns, as ABIDES's value agents discount toward r_bar; `logDecay` = ln(1 - kappa) (logDecayOf). */
export function discountFactor(logDecay: number, n: number): number {
  return n <= 0 ? 1 : dexp(n * logDecay);
}

/** ln(1 - kappa), computed once per agent. */
export function logDecayOf(kappa: number): number {
  return dlog(1 - kappa);
}
