// The Hill estimator of a tail index: with x(1) >= x(2) >= ... the finite values sorted in
// decreasing order and k = floor(fraction x n) the number of upper order statistics used,
//   alpha = k / sum_{i=1..k} ln(x(i) / x(k+1)).
// For a Pareto tail P(X > x) ~ x^-alpha it estimates alpha. NaN when k < 2 or when the threshold
// x(k+1) is not positive (e.g. more than 1 - fraction of the absolute returns are 0: a price on
// a coarse tick grid that rarely moves has no resolvable tail).

export function hill(values: ArrayLike<number>, fraction = 0.05): number {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`fraction must be in (0, 1), got ${fraction}`);
  const xs: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) xs.push(values[i]);
  const k = Math.floor(fraction * xs.length);
  if (k < 2) return Number.NaN;
  xs.sort((a, b) => b - a);
  const threshold = xs[k];
  if (!(threshold > 0)) return Number.NaN;
  let s = 0;
  for (let i = 0; i < k; i++) s += Math.log(xs[i] / threshold);
  return s > 0 ? k / s : Number.NaN;
}
