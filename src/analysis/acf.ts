// Sample autocorrelation pooled over independent segments (seeds or days): the mean and
// variance are taken over every value of every segment, and the lag-k covariance over the pairs
// (x_t, x_t+k) that lie inside one segment, so no pair spans a boundary:
//   acf(k) = [sum over pairs (x_t - m)(x_t+k - m) / pairs(k)] / [sum (x_t - m)^2 / n].
// Dividing by the pair count (not n) keeps short segments from shrinking the estimate toward 0.
// NaN values are skipped, with their pairs. Gives NaN when there is no pair or no variance.

export function acf(segments: readonly ArrayLike<number>[], lag: number): number {
  if (!Number.isSafeInteger(lag) || lag < 0) throw new RangeError(`lag must be a non-negative integer, got ${lag}`);
  let n = 0;
  let sum = 0;
  for (const s of segments) {
    for (let i = 0; i < s.length; i++) {
      if (Number.isFinite(s[i])) {
        n++;
        sum += s[i];
      }
    }
  }
  if (n === 0) return Number.NaN;
  const m = sum / n;
  let v = 0;
  for (const s of segments) for (let i = 0; i < s.length; i++) if (Number.isFinite(s[i])) v += (s[i] - m) * (s[i] - m);
  v /= n;
  let c = 0;
  let pairs = 0;
  for (const s of segments) {
    for (let i = 0; i + lag < s.length; i++) {
      const a = s[i];
      const b = s[i + lag];
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      c += (a - m) * (b - m);
      pairs++;
    }
  }
  if (pairs === 0 || !(v > 0)) return Number.NaN;
  return c / pairs / v;
}

/** acf at lags 1..maxLag, index 0 = lag 1. */
export function acfLags(segments: readonly ArrayLike<number>[], maxLag: number): number[] {
  const out: number[] = [];
  for (let k = 1; k <= maxLag; k++) out.push(acf(segments, k));
  return out;
}
