// Distributions: uniformInt range and bias, and normal/exponential/Poisson/lognormal against their laws (moments, KS, chi-square) with fixed seeds.
import { describe, expect, it } from 'vitest';
import { exponential, lognormal, normal, poisson, uniformInt } from '../../src/core/distributions.ts';
import { fromSeed, stream, type RandomSource } from '../../src/core/rng.ts';
import {
  chiSquare,
  chiSquareCritical,
  KS_CRITICAL_1E4,
  ksStatistic,
  mergeBins,
  moments,
  normalCdf,
  Z_1E6,
} from './stats.ts';

/** Tolerance: this many standard errors. */
const K = 5;

function draw(n: number, f: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f();
  return out;
}

/** A RandomSource that replays fixed words, to pin down the rejection step. */
function scripted(words: number[]): RandomSource & { used: number } {
  const src = {
    used: 0,
    nextU32() {
      if (src.used >= words.length) throw new Error('script exhausted');
      return words[src.used++];
    },
    nextFloat() {
      throw new Error('not used');
    },
  };
  return src;
}

describe('uniformInt', () => {
  it('covers [lo, hi] inclusive and nothing outside', () => {
    const rng = fromSeed(1);
    const seen = new Map<number, number>();
    for (let i = 0; i < 20_000; i++) {
      const x = uniformInt(rng, -3, 3);
      seen.set(x, (seen.get(x) ?? 0) + 1);
    }
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(uniformInt(rng, 5, 5)).toBe(5);
    const big = 2 ** 53 - 10;
    for (let i = 0; i < 100; i++) {
      const x = uniformInt(rng, big, big + 9);
      expect(x >= big && x <= big + 9 && Number.isSafeInteger(x)).toBe(true);
    }
  });

  it('is uniform over a small range (chi-square)', () => {
    const rng = fromSeed(2);
    const span = 10;
    const n = 200_000;
    const counts = new Float64Array(span);
    for (let i = 0; i < n; i++) counts[uniformInt(rng, 0, span - 1)]++;
    expect(chiSquare(counts, new Float64Array(span).fill(n / span))).toBeLessThan(chiSquareCritical(span - 1));
  });

  it('has no modulo bias on a range of 3 * 2^30 (plain x % span would put half the mass in the first third)', () => {
    const rng = fromSeed(3);
    const span = 3 * 2 ** 30;
    const n = 60_000;
    const thirds = new Float64Array(3);
    for (let i = 0; i < n; i++) thirds[Math.floor(uniformInt(rng, 0, span - 1) / 2 ** 30)]++;
    expect(chiSquare(thirds, [n / 3, n / 3, n / 3])).toBeLessThan(chiSquareCritical(2) + 10);
  });

  it('rejects words at or above the largest multiple of the span and redraws', () => {
    const span = 3 * 2 ** 30; // limit = 2^32 - 2^30
    const src = scripted([2 ** 32 - 2 ** 30, 0xffffffff, 5]);
    expect(uniformInt(src, 10, 10 + span - 1)).toBe(15);
    expect(src.used).toBe(3);
    const ok = scripted([2 ** 32 - 2 ** 30 - 1]);
    expect(uniformInt(ok, 0, span - 1)).toBe((2 ** 32 - 2 ** 30 - 1) % span);
  });

  it('handles the full 2^32 range and its top and bottom', () => {
    expect(uniformInt(scripted([0]), -5, 2 ** 32 - 6)).toBe(-5);
    expect(uniformInt(scripted([0xffffffff]), -5, 2 ** 32 - 6)).toBe(2 ** 32 - 6);
  });

  it('rejects bad ranges with a message naming the bounds', () => {
    const rng = fromSeed(4);
    expect(() => uniformInt(rng, 3, 2)).toThrow(/lo=3 hi=2/);
    expect(() => uniformInt(rng, 0, NaN)).toThrow(/NaN/);
    expect(() => uniformInt(rng, NaN, 5)).toThrow(/NaN/);
    expect(() => uniformInt(rng, 0.5, 5)).toThrow(/0\.5/);
    expect(() => uniformInt(rng, 0, 5.5)).toThrow(/5\.5/);
    expect(() => uniformInt(rng, 0, Infinity)).toThrow(RangeError);
    expect(() => uniformInt(rng, 0, 2 ** 53)).toThrow(RangeError);
    expect(() => uniformInt(rng, 0, 2 ** 32)).toThrow(/too large/);
  });
});

describe('normal', () => {
  it('has mean, variance, skewness and excess kurtosis of N(0, 1) within 5 standard errors', () => {
    const rng = fromSeed(10);
    const n = 200_000;
    const m = moments(draw(n, () => normal(rng)));
    expect(Math.abs(m.mean)).toBeLessThan(K * Math.sqrt(1 / n));
    expect(Math.abs(m.variance - 1)).toBeLessThan(K * Math.sqrt(2 / n));
    expect(Math.abs(m.skew)).toBeLessThan(K * Math.sqrt(6 / n));
    expect(Math.abs(m.kurtosis)).toBeLessThan(K * Math.sqrt(24 / n));
  });

  it('scales by mean and sd', () => {
    const rng = fromSeed(11);
    const n = 100_000;
    const m = moments(draw(n, () => normal(rng, -3, 2.5)));
    expect(Math.abs(m.mean + 3)).toBeLessThan(K * 2.5 * Math.sqrt(1 / n));
    expect(Math.abs(m.variance / 6.25 - 1)).toBeLessThan(K * Math.sqrt(2 / n));
  });

  it('passes a Kolmogorov-Smirnov test against the normal CDF', () => {
    const rng = fromSeed(12);
    const n = 100_000;
    const d = ksStatistic(Array.from(draw(n, () => normal(rng, 1, 2))), (x) => normalCdf(x, 1, 2));
    expect(d * Math.sqrt(n)).toBeLessThan(KS_CRITICAL_1E4);
    // and the test has teeth: the same sample is rejected against a slightly wrong law
    const rng2 = fromSeed(12);
    const d2 = ksStatistic(Array.from(draw(n, () => normal(rng2, 1, 2))), (x) => normalCdf(x, 1, 2.06));
    expect(d2 * Math.sqrt(n)).toBeGreaterThan(KS_CRITICAL_1E4);
  });

  it('is reproducible from the seed', () => {
    const a = stream(5, 'normal');
    const b = stream(5, 'normal');
    for (let i = 0; i < 100; i++) expect(normal(a)).toBe(normal(b));
  });
});

describe('exponential', () => {
  it('has the right mean and variance and is never negative', () => {
    const rng = fromSeed(20);
    const n = 200_000;
    const mean = 3.5;
    const xs = draw(n, () => exponential(rng, mean));
    const m = moments(xs);
    expect(xs.reduce((a, b) => Math.min(a, b), Infinity)).toBeGreaterThanOrEqual(0);
    expect(Math.abs(m.mean - mean)).toBeLessThan(K * mean * Math.sqrt(1 / n));
    // Var of the sample variance of Exp: (mu4 - sigma^4) / n = 8 mean^4 / n
    expect(Math.abs(m.variance - mean * mean)).toBeLessThan(K * Math.sqrt(8 / n) * mean * mean);
  });

  it('passes a Kolmogorov-Smirnov test against 1 - exp(-x / mean)', () => {
    const rng = fromSeed(21);
    const n = 100_000;
    const mean = 0.25;
    const d = ksStatistic(Array.from(draw(n, () => exponential(rng, mean))), (x) => 1 - Math.exp(-x / mean));
    expect(d * Math.sqrt(n)).toBeLessThan(KS_CRITICAL_1E4);
  });
});

/** Poisson pmf for k = 0 .. kmax by recursion in log space (kmax well past the tail). */
function poissonPmf(lambda: number, kmax: number): number[] {
  const p: number[] = [];
  let logp = -lambda;
  for (let k = 0; k <= kmax; k++) {
    if (k > 0) logp += Math.log(lambda / k);
    p.push(Math.exp(logp));
  }
  return p;
}

describe('poisson', () => {
  it('returns 0 for lambda 0 and rejects bad lambdas with a message naming them', () => {
    const rng = fromSeed(30);
    for (let i = 0; i < 100; i++) expect(poisson(rng, 0)).toBe(0);
    expect(() => poisson(rng, -1)).toThrow(/-1/);
    expect(() => poisson(rng, NaN)).toThrow(/NaN/);
    expect(() => poisson(rng, Infinity)).toThrow(/Infinity/);
  });

  const cases: Array<[number, number]> = [
    [0.5, 200_000],
    [4, 200_000],
    [29.9, 100_000],
    [30, 100_000],
    [100, 100_000],
    [1e4, 100_000],
  ];
  for (const [lambda, n] of cases) {
    it(`lambda=${lambda}: integer draws with mean and variance lambda within 5 standard errors`, () => {
      const rng = stream(31, 'poisson', lambda);
      const xs = draw(n, () => poisson(rng, lambda));
      let bad = 0;
      for (const x of xs) if (!Number.isInteger(x) || x < 0) bad++;
      expect(bad).toBe(0);
      const m = moments(xs);
      expect(Math.abs(m.mean - lambda)).toBeLessThan(K * Math.sqrt(lambda / n));
      // Var of the sample variance of Poisson: (mu4 - sigma^4) / n = (lambda + 2 lambda^2) / n
      expect(Math.abs(m.variance - lambda)).toBeLessThan(K * Math.sqrt((lambda + 2 * lambda * lambda) / n));
    });
  }

  for (const [lambda, n] of [
    [0.5, 100_000],
    [4, 100_000],
    [29.9, 300_000],
    [30, 1_000_000],
    [45, 1_000_000],
    [100, 1_000_000],
  ] as Array<[number, number]>) {
    it(`lambda=${lambda}: counts match the pmf (chi-square)`, () => {
      const rng = stream(32, 'poisson-pmf', lambda);
      const kmax = Math.ceil(lambda + 12 * Math.sqrt(lambda) + 20);
      const observed = new Array<number>(kmax + 2).fill(0);
      for (let i = 0; i < n; i++) observed[Math.min(poisson(rng, lambda), kmax + 1)]++;
      const pmf = poissonPmf(lambda, kmax);
      const expected = pmf.map((p) => p * n);
      expected.push(Math.max(0, n - expected.reduce((a, b) => a + b, 0))); // tail beyond kmax
      const merged = mergeBins(observed, expected, 5);
      const df = merged.observed.length - 1;
      expect(df).toBeGreaterThanOrEqual(2);
      expect(chiSquare(merged.observed, merged.expected)).toBeLessThan(chiSquareCritical(Math.max(df, 3)));
    });
  }
});

describe('lognormal', () => {
  it('the log of a draw is normal(mu, sigma): moments and KS', () => {
    const rng = fromSeed(40);
    const n = 100_000;
    const mu = 0.7;
    const sigma = 0.3;
    const xs = draw(n, () => lognormal(rng, mu, sigma));
    expect(xs.reduce((a, b) => Math.min(a, b), Infinity)).toBeGreaterThan(0);
    const logs = Array.from(xs, (x) => Math.log(x));
    const m = moments(logs);
    expect(Math.abs(m.mean - mu)).toBeLessThan(K * sigma * Math.sqrt(1 / n));
    expect(Math.abs(m.variance / (sigma * sigma) - 1)).toBeLessThan(K * Math.sqrt(2 / n));
    const d = ksStatistic(logs, (x) => normalCdf(x, mu, sigma));
    expect(d * Math.sqrt(n)).toBeLessThan(KS_CRITICAL_1E4);
  });

  it('has mean exp(mu + sigma^2 / 2)', () => {
    const rng = fromSeed(41);
    const n = 200_000;
    const mu = -1;
    const sigma = 0.5;
    const m = moments(draw(n, () => lognormal(rng, mu, sigma)));
    const mean = Math.exp(mu + (sigma * sigma) / 2);
    const sd = Math.sqrt((Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma));
    expect(Math.abs(m.mean - mean)).toBeLessThan(Z_1E6 * sd * Math.sqrt(1 / n));
  });
});

describe('uniformInt multiply-shift path (spans up to 2^21)', () => {
  /** A source that replays fixed 32-bit words. */
  const scripted = (words: number[]) => {
    let i = 0;
    return { nextU32: () => words[i++], nextFloat: () => 0 };
  };

  it('takes the high word of x * span and redraws only inside the rejection zone', () => {
    // span 3: threshold (2^32 - 3) % 3 = 1, so x = 0 (low word 0) is rejected and redrawn.
    expect(uniformInt(scripted([0, 2 ** 31]), 10, 12)).toBe(11);
    // x = 1: low word 3 >= span, accepted at once with high word 0.
    expect(uniformInt(scripted([1, 99]), 10, 12)).toBe(10);
    // x = 2^32 - 1: high word floor((2^32 - 1) * 3 / 2^32) = 2.
    expect(uniformInt(scripted([2 ** 32 - 1]), 10, 12)).toBe(12);
  });

  it('is unbiased over the whole range for a span that does not divide 2^32', () => {
    const rng = stream(5, 'lemire');
    const span = 3 * 2 ** 19;
    const thirds = [0, 0, 0];
    const n = 300_000;
    for (let i = 0; i < n; i++) thirds[Math.floor((3 * uniformInt(rng, 0, span - 1)) / span)]++;
    for (const c of thirds) expect(Math.abs(c - n / 3)).toBeLessThan(5 * Math.sqrt((n * 2) / 9));
  });
});
