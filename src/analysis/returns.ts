// Log returns of a per-minute price series at a horizon of h minutes, within one series only
// (one seed's day): r_j = ln(p[(j+1)h] / p[jh]) for non-overlapping windows, never across the
// series' ends. A window whose price is missing (NaN) or not positive gives a NaN return, so
// that later lags still line up; the estimators skip NaN.

export function logReturns(prices: ArrayLike<number>, horizon = 1): number[] {
  if (!Number.isSafeInteger(horizon) || horizon < 1) throw new RangeError(`horizon must be a positive integer of minutes, got ${horizon}`);
  const n = Math.floor((prices.length - 1) / horizon);
  const out = new Array<number>(Math.max(0, n));
  for (let j = 0; j < n; j++) {
    const a = prices[j * horizon];
    const b = prices[(j + 1) * horizon];
    out[j] = a > 0 && b > 0 ? Math.log(b / a) : Number.NaN;
  }
  return out;
}

/** Absolute values, NaN kept. */
export function absolute(xs: ArrayLike<number>): number[] {
  return Array.from(xs, Math.abs);
}

/** The finite values of several segments, concatenated (pooling). */
export function pooled(segments: readonly ArrayLike<number>[]): number[] {
  const out: number[] = [];
  for (const s of segments) for (let i = 0; i < s.length; i++) if (Number.isFinite(s[i])) out.push(s[i]);
  return out;
}
