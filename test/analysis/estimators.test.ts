// The estimators against closed forms and hand-computed series: ACF of an AR(1), pooled ACF
// without cross-boundary pairs, Hill on a Pareto sample, kurtosis of known distributions,
// Pearson and lagged correlations, and log returns at a horizon.
import { describe, expect, it } from 'vitest';
import { normal } from '../../src/core/distributions.ts';
import { stream } from '../../src/core/rng.ts';
import { acf, acfLags } from '../../src/analysis/acf.ts';
import { laggedCorrelation, pearson } from '../../src/analysis/correlation.ts';
import { hill } from '../../src/analysis/hill.ts';
import { excessKurtosis } from '../../src/analysis/moments.ts';
import { logReturns, pooled } from '../../src/analysis/returns.ts';

describe('acf', () => {
  it('recovers phi^k for an AR(1) with phi = 0.6', () => {
    const rng = stream(11, 'ar1');
    const x = new Float64Array(400_000);
    for (let t = 1; t < x.length; t++) x[t] = 0.6 * x[t - 1] + normal(rng);
    const a = acfLags([x], 5);
    a.forEach((v, i) => expect(v).toBeCloseTo(0.6 ** (i + 1), 2));
    expect(acf([x], 0)).toBeCloseTo(1, 12);
  });

  it('pools segments without pairing across their boundary (hand-computed)', () => {
    // mean 6.5, variance 125.5 / 6; lag-1 pairs inside segments sum to 81 over 4 pairs
    expect(acf([[1, 2, 3], [10, 11, 12]], 1)).toBeCloseTo(81 / 4 / (125.5 / 6), 12);
    // the concatenated series would add the pair (3, 10): (81 - 12.25) / 5
    expect(acf([[1, 2, 3, 10, 11, 12]], 1)).toBeCloseTo(68.75 / 5 / (125.5 / 6), 12);
  });

  it('skips NaN values with their pairs and gives NaN without pairs or variance', () => {
    expect(acf([[1, Number.NaN, 3, 4]], 1)).toBeCloseTo(acf([[3, 4], [1]], 1), 12);
    expect(acf([[1, 2]], 5)).toBeNaN();
    expect(acf([[2, 2, 2]], 1)).toBeNaN();
    expect(() => acf([[1]], -1)).toThrow(/lag/);
  });
});

describe('hill', () => {
  it('estimates alpha = 3 on a Pareto(3) sample', () => {
    const rng = stream(12, 'pareto');
    const xs = Array.from({ length: 200_000 }, () => (1 - rng.nextFloat()) ** (-1 / 3));
    expect(hill(xs, 0.05)).toBeGreaterThan(2.9);
    expect(hill(xs, 0.05)).toBeLessThan(3.1);
  });

  it('matches a hand computation: k = 2 of 40 values, threshold the 3rd largest', () => {
    const xs = [Math.E ** 3, Math.E ** 2, Math.E, ...new Array(37).fill(1)];
    // ln(e^3 / e) + ln(e^2 / e) = 3 -> alpha = 2 / 3
    expect(hill(xs, 0.05)).toBeCloseTo(2 / 3, 12);
    expect(hill([1, 2, 3], 0.05)).toBeNaN();
    // threshold 0: more than 95% of the values are 0
    expect(hill([5, 4, 3, ...new Array(57).fill(0)], 0.05)).toBeNaN();
  });
});

describe('excessKurtosis', () => {
  it('is -1.36 for 1, 2, 3, 4 (m2 = 1.25, m4 = 2.5625)', () => {
    expect(excessKurtosis([1, 2, 3, 4])).toBeCloseTo(2.5625 / 1.5625 - 3, 12);
  });

  it('is 0 for a normal, -1.2 for a uniform and 3 for a Laplace sample', () => {
    const rng = stream(13, 'kurtosis');
    const n = 400_000;
    expect(excessKurtosis(Array.from({ length: n }, () => normal(rng)))).toBeCloseTo(0, 1);
    expect(excessKurtosis(Array.from({ length: n }, () => rng.nextFloat()))).toBeCloseTo(-1.2, 1);
    const laplace = Array.from({ length: n }, () => (rng.nextFloat() < 0.5 ? -1 : 1) * -Math.log(1 - rng.nextFloat()));
    expect(Math.abs(excessKurtosis(laplace) - 3)).toBeLessThan(0.15);
  });
});

describe('correlation', () => {
  it('is 1 for a line, -1 for a falling line, hand value otherwise', () => {
    expect(pearson([1, 2, 3, 4], [3, 5, 7, 9])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    // x = 1,2,3 ; y = 1,3,2 : cov 0.5 x 2 / 3 ... r = 0.5
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 12);
    expect(pearson([1, 1], [2, 3])).toBeNaN();
  });

  it('pairs x_t with y_t+k inside each segment only', () => {
    // segment pairs at lag 1: (1, 3), (2, 5) and (10, 30), (20, 50)
    const r = laggedCorrelation([[1, 2, 9], [10, 20, 99]], [[0, 3, 5], [0, 30, 50]], 1);
    expect(r).toBeCloseTo(pearson([1, 2, 10, 20], [3, 5, 30, 50]), 12);
  });
});

describe('logReturns', () => {
  it('takes non-overlapping log returns at a horizon, NaN for a missing price', () => {
    expect(logReturns([100, 110, 121], 1)).toEqual([Math.log(1.1), Math.log(121 / 110)]);
    expect(logReturns([100, 110, 121, 130, 140], 2)).toEqual([Math.log(1.21), Math.log(140 / 121)]);
    expect(logReturns([100, Number.NaN, 121], 1).map(Number.isNaN)).toEqual([true, true]);
    expect(logReturns([100], 1)).toEqual([]);
    expect(() => logReturns([1, 2], 0)).toThrow(/horizon/);
    expect(pooled([[1, Number.NaN], [2]])).toEqual([1, 2]);
  });
});
