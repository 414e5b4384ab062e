// Pearson correlation over pairs, and the lagged cross-correlation corr(x_t, y_t+k) pooled over
// segments: pairs are taken inside one segment only, and the means and variances are those of
// the pairs themselves. NaN pairs are skipped; NaN when fewer than 2 pairs or no variance.

export class PairStats {
  n = 0;
  private sx = 0;
  private sy = 0;
  private sxx = 0;
  private syy = 0;
  private sxy = 0;

  add(x: number, y: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    this.n++;
    this.sx += x;
    this.sy += y;
    this.sxx += x * x;
    this.syy += y * y;
    this.sxy += x * y;
  }

  correlation(): number {
    const n = this.n;
    if (n < 2) return Number.NaN;
    const cov = this.sxy - (this.sx * this.sy) / n;
    const vx = this.sxx - (this.sx * this.sx) / n;
    const vy = this.syy - (this.sy * this.sy) / n;
    if (!(vx > 0) || !(vy > 0)) return Number.NaN;
    return cov / Math.sqrt(vx * vy);
  }
}

export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`pearson needs equal lengths, got ${x.length} and ${y.length}`);
  const p = new PairStats();
  for (let i = 0; i < x.length; i++) p.add(x[i], y[i]);
  return p.correlation();
}

/** corr(x_t, y_t+lag) over pairs inside each segment i (x = xs[i], y = ys[i]). */
export function laggedCorrelation(xs: readonly ArrayLike<number>[], ys: readonly ArrayLike<number>[], lag: number): number {
  if (xs.length !== ys.length) throw new RangeError('laggedCorrelation needs as many x segments as y segments');
  const p = new PairStats();
  for (let s = 0; s < xs.length; s++) {
    const x = xs[s];
    const y = ys[s];
    for (let t = 0; t + lag < Math.min(x.length, y.length); t++) p.add(x[t], y[t + lag]);
  }
  return p.correlation();
}
