// Bounded Nelder-Mead on the unit cube with an asynchronous objective: the derivative-free search
// of calibration (issue 10). Calibration's objective runs seeds on a worker pool, so it returns a
// promise; the kept JavaScript minimizers (fmin's nelderMead, optimization-js) call a synchronous
// function, and CMA-ES wants more evaluations than a fit of 6 parameters can afford (tens, not
// hundreds). Bounds: the search runs in [0, 1]^d (the caller maps each coordinate to its
// parameter's range) and every trial point is projected onto the cube. With common random numbers
// the objective is a deterministic function of the point, so evaluations are cached by point:
// a projected point met twice is not run twice.
//
// Method (Lagarias et al. 1998, the standard coefficients): reflection 1, expansion 2, contraction
// 1/2, shrink 1/2; initial simplex x0 + step e_i (minus when that leaves the cube). Stops after
// `maxEvals` evaluations, when every vertex lies within `xTol` of the best one (per coordinate),
// or when `shouldStop()` says so.

export interface NelderMeadOptions {
  maxEvals: number;
  /** Initial simplex edge in unit coordinates (default 0.2). */
  step?: number;
  /** Simplex size (unit coordinates) at which to stop (default 1e-3). */
  xTol?: number;
  /** Checked before each evaluation; true ends the search with the best point so far. */
  shouldStop?: () => boolean;
}

export interface NelderMeadResult {
  x: number[];
  f: number;
  /** Objective evaluations run (cache hits are not counted). */
  evals: number;
  /** Why the search ended. */
  stop: 'converged' | 'max-evals' | 'stopped';
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

export async function nelderMead(f: (x: number[]) => Promise<number>, x0: readonly number[], options: NelderMeadOptions): Promise<NelderMeadResult> {
  const d = x0.length;
  const step = options.step ?? 0.2;
  const xTol = options.xTol ?? 1e-3;
  const cache = new Map<string, number>();
  let evals = 0;
  const state: { stop: NelderMeadResult['stop'] | null } = { stop: null };
  let best = { x: x0.map(clamp01), f: Number.POSITIVE_INFINITY };

  const value = async (raw: readonly number[]): Promise<number> => {
    const x = raw.map(clamp01);
    const key = x.map((v) => v.toPrecision(12)).join(',');
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    if (evals >= options.maxEvals) {
      state.stop = 'max-evals';
      return Number.POSITIVE_INFINITY;
    }
    if (options.shouldStop?.()) {
      state.stop = 'stopped';
      return Number.POSITIVE_INFINITY;
    }
    evals++;
    const fx = await f(x);
    const v = Number.isNaN(fx) ? Number.POSITIVE_INFINITY : fx;
    cache.set(key, v);
    if (v < best.f) best = { x, f: v };
    return v;
  };

  const pts: number[][] = [x0.map(clamp01)];
  for (let i = 0; i < d; i++) {
    const p = pts[0].slice();
    p[i] = p[i] + step <= 1 ? p[i] + step : p[i] - step;
    pts.push(p);
  }
  const fs: number[] = [];
  for (const p of pts) {
    fs.push(await value(p));
    if (state.stop) return { ...best, evals, stop: state.stop };
  }

  const combine = (a: readonly number[], b: readonly number[], t: number) => a.map((v, i) => clamp01(v + t * (b[i] - v)));
  for (;;) {
    const order = pts.map((_, i) => i).sort((i, j) => fs[i] - fs[j]);
    const sorted = order.map((i) => pts[i]);
    const sortedF = order.map((i) => fs[i]);
    pts.splice(0, pts.length, ...sorted);
    fs.splice(0, fs.length, ...sortedF);
    const size = Math.max(...pts.slice(1).map((p) => Math.max(...p.map((v, i) => Math.abs(v - pts[0][i])))));
    if (size < xTol) return { ...best, evals, stop: 'converged' };

    const centroid = new Array<number>(d).fill(0);
    for (let k = 0; k < d; k++) for (let i = 0; i < d; i++) centroid[i] += pts[k][i] / d;
    const worst = pts[d];
    const reflected = combine(centroid, worst, -1);
    const fr = await value(reflected);
    if (state.stop) break;
    if (fr < fs[0]) {
      const expanded = combine(centroid, worst, -2);
      const fe = await value(expanded);
      if (state.stop) break;
      [pts[d], fs[d]] = fe < fr ? [expanded, fe] : [reflected, fr];
      continue;
    }
    if (fr < fs[d - 1]) {
      [pts[d], fs[d]] = [reflected, fr];
      continue;
    }
    const outside = fr < fs[d];
    const contracted = outside ? combine(centroid, reflected, 0.5) : combine(centroid, worst, 0.5);
    const fc = await value(contracted);
    if (state.stop) break;
    if (fc < (outside ? fr : fs[d])) {
      [pts[d], fs[d]] = [contracted, fc];
      continue;
    }
    for (let k = 1; k <= d; k++) {
      pts[k] = combine(pts[0], pts[k], 0.5);
      fs[k] = await value(pts[k]);
      if (state.stop) break;
    }
    if (state.stop) break;
  }
  return { ...best, evals, stop: state.stop ?? 'stopped' };
}
