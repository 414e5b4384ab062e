// Shared statistics helpers for the core tests (chi-square, Kolmogorov-Smirnov, erf); not a test file.

/** Upper-tail z for p = 1e-6 (one-sided): any test using it fails by chance once in a million seeds. */
export const Z_1E6 = 4.753424;

/** Chi-square statistic of observed counts against expected counts (same length). */
export function chiSquare(observed: ArrayLike<number>, expected: ArrayLike<number>): number {
  let x = 0;
  for (let i = 0; i < observed.length; i++) {
    const d = observed[i] - expected[i];
    x += (d * d) / expected[i];
  }
  return x;
}

/** Chi-square critical value at upper-tail p = 1e-6 (Wilson-Hilferty approximation, good for df >= 3). */
export function chiSquareCritical(df: number): number {
  const c = 2 / (9 * df);
  return df * (1 - c + Z_1E6 * Math.sqrt(c)) ** 3;
}

/**
 * Merges adjacent bins (in order) until every expected count is at least `min`, so the
 * chi-square approximation holds; returns the merged observed and expected counts.
 */
export function mergeBins(observed: number[], expected: number[], min = 5): { observed: number[]; expected: number[] } {
  const o: number[] = [];
  const e: number[] = [];
  let ao = 0;
  let ae = 0;
  for (let i = 0; i < observed.length; i++) {
    ao += observed[i];
    ae += expected[i];
    if (ae >= min) {
      o.push(ao);
      e.push(ae);
      ao = 0;
      ae = 0;
    }
  }
  if (ae > 0 || ao > 0) {
    o[o.length - 1] += ao;
    e[e.length - 1] += ae;
  }
  return { observed: o, expected: e };
}

/** Kolmogorov-Smirnov statistic sup |F_n - F| of a sample against a continuous CDF. */
export function ksStatistic(sample: number[], cdf: (x: number) => number): number {
  const xs = Float64Array.from(sample).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** KS critical value sqrt(n) * D at alpha = 1e-4 (asymptotic: sqrt(-ln(alpha / 2) / 2)). */
export const KS_CRITICAL_1E4 = Math.sqrt(-Math.log(1e-4 / 2) / 2);

/** erf by its Maclaurin series for |x| < 3 and the continued fraction of erfc beyond (|error| < 1e-13). */
export function erf(x: number): number {
  if (x < 0) return -erf(-x);
  if (x < 3) {
    // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (-x * x) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + k / 2 / f;
  return 1 - Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

export function normalCdf(x: number, mean = 0, sd = 1): number {
  return 0.5 * (1 + erf((x - mean) / (sd * Math.SQRT2)));
}

/** Sample mean, variance (n - 1), skewness and excess kurtosis. */
export function moments(xs: ArrayLike<number>): { mean: number; variance: number; skew: number; kurtosis: number } {
  const n = xs.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i];
  mean /= n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const variance = m2 / (n - 1);
  const pv = m2 / n;
  return { mean, variance, skew: m3 / n / pv ** 1.5, kurtosis: m4 / n / (pv * pv) - 3 };
}
