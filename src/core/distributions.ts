// Random variates drawn from a RandomSource passed in (never a global): uniform integers,
// normal, exponential, Poisson, lognormal. Built on the deterministic dexp/dlog and sqrt, so the
// same source gives the same variates in every engine.
import { dexp, dlog } from './detmath.ts';
import type { RandomSource } from './rng.ts';

/**
 * Uniform integer in [lo, hi] inclusive, without bias (range up to 2^32). Spans up to 2^21 use
 * Lemire's multiply-and-shift (2019), which needs a division only when a draw lands in the small
 * rejection zone; larger spans reject above the largest multiple of the span.
 */
export function uniformInt(rng: RandomSource, lo: number, hi: number): number {
  const span = hi - lo + 1;
  if (!(span >= 1) || !Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) {
    throw new RangeError(`uniformInt needs integers lo <= hi, got lo=${lo} hi=${hi}`);
  }
  if (span > 4294967296) throw new RangeError(`uniformInt range too large: ${span}`);
  if (span <= 2097152) {
    // m = x * span < 2^53 is exact; its high 32 bits are the draw, its low 32 bits decide rejection.
    let m = rng.nextU32() * span;
    let high = Math.floor(m / 4294967296);
    let low = m - high * 4294967296;
    if (low < span) {
      const threshold = (4294967296 - span) % span;
      while (low < threshold) {
        m = rng.nextU32() * span;
        high = Math.floor(m / 4294967296);
        low = m - high * 4294967296;
      }
    }
    return lo + high;
  }
  if (span === 4294967296) return lo + rng.nextU32();
  const limit = 4294967296 - (4294967296 % span);
  let x = rng.nextU32();
  while (x >= limit) x = rng.nextU32();
  return lo + (x % span);
}

/** Normal variate by Marsaglia's polar method. */
export function normal(rng: RandomSource, mean = 0, sd = 1): number {
  let u: number;
  let v: number;
  let s: number;
  do {
    u = 2 * rng.nextFloat() - 1;
    v = 2 * rng.nextFloat() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s === 0);
  return mean + sd * u * Math.sqrt((-2 * dlog(s)) / s);
}

/** Exponential variate with the given mean, by inversion. */
export function exponential(rng: RandomSource, mean = 1): number {
  return -mean * dlog(1 - rng.nextFloat());
}

/** Lognormal variate: exp(N(mu, sigma)). */
export function lognormal(rng: RandomSource, mu = 0, sigma = 1): number {
  return dexp(normal(rng, mu, sigma));
}

/** log Gamma(x) for x >= 1 by the Stirling series (shift small arguments up). */
function logGamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift += dlog(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  return (x - 0.5) * dlog(x) - x + 0.9189385332046728 + series - shift;
}

/**
 * Poisson variate with mean lambda: multiplication of uniforms for lambda < 30, Hormann's PTRS
 * transformed rejection (1993) above.
 */
export function poisson(rng: RandomSource, lambda: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`poisson lambda must be finite and >= 0, got ${lambda}`);
  if (lambda === 0) return 0;
  if (lambda < 30) {
    const limit = dexp(-lambda);
    let k = 0;
    let p = rng.nextFloat();
    while (p > limit) {
      k++;
      p *= rng.nextFloat();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = dlog(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.nextFloat() - 0.5;
    const v = rng.nextFloat();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (dlog(v) + dlog(invalpha) - dlog(a / (us * us) + b) <= -lambda + k * loglam - logGamma(k + 1)) return k;
  }
}
