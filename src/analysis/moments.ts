// Sample moments: mean, variance and excess kurtosis m4 / m2^2 - 3 (moment estimator, central
// moments divided by n; 0 for a normal distribution, 3 for a Laplace, -1.2 for a uniform).
// Non-finite values are skipped.

export function excessKurtosis(values: ArrayLike<number>): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) {
      n++;
      sum += values[i];
    }
  }
  if (n < 4) return Number.NaN;
  const m = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) continue;
    const d = (x - m) * (x - m);
    m2 += d;
    m4 += d * d;
  }
  m2 /= n;
  m4 /= n;
  return m2 > 0 ? m4 / (m2 * m2) - 3 : Number.NaN;
}
