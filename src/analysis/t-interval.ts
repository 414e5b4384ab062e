// The 95% confidence interval of a mean from a small sample (Student's t): mean +- t(0.975, n-1)
// s / sqrt(n). The quantiles are the standard table to 30 degrees of freedom, then Cornish-Fisher's
// expansion around the normal quantile (error below 1e-4 for df > 30).

/** t(0.975, df) for df = 1..30 (the standard table). */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** The 0.975 quantile of Student's t with `df` degrees of freedom (df >= 1). */
export function t975(df: number): number {
  if (!(Number.isInteger(df) && df >= 1)) throw new RangeError(`degrees of freedom must be a whole number >= 1, got ${df}`);
  if (df <= T975.length) return T975[df - 1];
  const z = 1.959964;
  const z3 = z ** 3;
  const z5 = z ** 5;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
}

export interface MeanInterval {
  mean: number;
  lo: number;
  hi: number;
  n: number;
}

/** Mean and 95% t-interval of `xs`; one value gives lo = hi = the value (no spread to estimate). */
export function meanInterval(xs: readonly number[]): MeanInterval {
  const n = xs.length;
  if (n === 0) throw new RangeError('a mean needs at least one value');
  const mean = xs.reduce((a, x) => a + x, 0) / n;
  if (n === 1) return { mean, lo: mean, hi: mean, n };
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const half = (t975(n - 1) * sd) / Math.sqrt(n);
  return { mean, lo: mean - half, hi: mean + half, n };
}
