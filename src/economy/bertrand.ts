// Bertrand-Nash prices of single-product vendors facing logit demand with an outside good:
//   s_j = e^{q_j - alpha p_j} / (1 + sum_k e^{q_k - alpha p_k}),  s_0 = 1 / (1 + sum_k ...)
// Each vendor's first-order condition is p_j - c_j = 1 / (alpha (1 - s_j)).
//
// Solved as an aggregative game. Write m_j = alpha (p_j - c_j) and D = 1 + sum_k e^{u_k}. The
// FOC gives s_j = 1 - 1/m_j, and the demand gives s_j = e^{q_j - alpha c_j - m_j} / D, so for a
// given log-aggregate y = ln D each m_j solves ln(1 - 1/m) + m = q_j - alpha c_j - y (one
// increasing convex equation, Newton in z = ln(m - 1)). The aggregate then solves
// h(y) = e^{-y} + sum_j s_j(y) - 1 = 0, with h decreasing in y on the bracket
// [0, ln(1 + sum_j e^{q_j - alpha c_j - 1})]: safeguarded Newton. Diagnostics are the outer
// iteration count and the largest first-order-condition error in price units, recomputed from
// the final prices.
import { dexp, dlog } from '../core/detmath.ts';
import { finite, nonNegative, positive } from './checks.ts';

/** The solver gave up: the message says after how many iterations and at what residual. */
export class ConvergenceError extends RangeError {
  constructor(readonly what: string, readonly iterations: number, readonly residual: number) {
    super(`${what} did not converge after ${iterations} iterations (residual ${residual})`);
    this.name = 'ConvergenceError';
  }
}

export interface BertrandOptions {
  /** Stop when |h(y)| (share units) is below this. Default 1e-13. */
  tolerance?: number;
  /** Outer iterations before giving up with a ConvergenceError. Default 100. */
  maxIterations?: number;
}

/** A start for z = ln(m - 1) on the right of the root of ln(1 - 1/m) + m = target. */
function coldStart(target: number): number {
  return target > 1 ? dlog(target) : target - 1;
}

/**
 * Solve m > 1 in ln(1 - 1/m) + m = target by Newton in z = ln(m - 1) from `z`; returns z. The
 * function of z is increasing and convex, so Newton converges from any start (from the left it
 * steps once to the right of the root, then falls monotonically).
 */
function solveZ(target: number, z: number): number {
  for (let k = 0; k < 60; k++) {
    const x = dexp(z);
    const f = z - dlog(1 + x) + 1 + x - target;
    const step = f / (1 / (1 + x) + x);
    z -= step;
    if (Math.abs(step) <= 1e-14 * (1 + Math.abs(z))) break;
  }
  return z;
}

/**
 * A reusable solver: holds its work arrays, so solving in a loop allocates nothing. Results are
 * in the public arrays (first `n` entries) and fields after `solve`.
 */
export class LogitBertrand {
  readonly prices: Float64Array;
  readonly shares: Float64Array;
  /** (p - c) / p. */
  readonly margins: Float64Array;
  outside = 0;
  iterations = 0;
  /** max_j |p_j - c_j - 1 / (alpha (1 - s_j))| with s recomputed from the prices. */
  residual = 0;
  private readonly la: Float64Array;
  private readonly m: Float64Array;
  /** ln(m_j - 1) from the previous outer iteration: the warm start of the next. */
  private readonly z: Float64Array;

  constructor(readonly capacity: number) {
    this.prices = new Float64Array(capacity);
    this.shares = new Float64Array(capacity);
    this.margins = new Float64Array(capacity);
    this.la = new Float64Array(capacity);
    this.m = new Float64Array(capacity);
    this.z = new Float64Array(capacity);
  }

  /** h(y) and fills m; returns h, and dh/dy in `this.slope`. */
  private slope = 0;
  private aggregate(y: number, n: number, warm: boolean): number {
    const s0 = dexp(-y);
    let h = s0 - 1;
    let dh = -s0;
    for (let j = 0; j < n; j++) {
      const target = this.la[j] - y;
      const z = solveZ(target, warm ? this.z[j] : coldStart(target));
      this.z[j] = z;
      const m = 1 + dexp(z);
      this.m[j] = m;
      h += 1 - 1 / m;
      dh -= (m - 1) / (m * (m * m - m + 1));
    }
    this.slope = dh;
    return h;
  }

  solve(quality: ArrayLike<number>, cost: ArrayLike<number>, n: number, alpha: number, options: BertrandOptions = {}): this {
    const tolerance = options.tolerance ?? 1e-13;
    const maxIterations = options.maxIterations ?? 100;
    if (n < 1) throw new RangeError('vendors must list at least one vendor, got an empty list');
    if (n > this.capacity) throw new RangeError(`vendors must have at most ${this.capacity} entries, got ${n}`);
    positive('alpha', alpha);
    let top = -Infinity;
    for (let j = 0; j < n; j++) {
      finite(`vendors[${j}].quality`, quality[j]);
      nonNegative(`vendors[${j}].cost`, cost[j]);
      this.la[j] = quality[j] - alpha * cost[j] - 1;
      if (this.la[j] > top) top = this.la[j];
    }
    // Upper end of the bracket: ln(1 + sum e^{la_j}) computed without overflow.
    let sum = dexp(-Math.max(top, 0));
    for (let j = 0; j < n; j++) sum += dexp(this.la[j] - Math.max(top, 0));
    let hi = Math.max(top, 0) + dlog(sum);
    let lo = 0;
    for (let j = 0; j < n; j++) this.la[j] += 1; // la_j = q_j - alpha c_j from here on
    let y = 0.5 * (lo + hi);
    let h = this.aggregate(y, n, false);
    let it = 1;
    while (Math.abs(h) > tolerance) {
      if (it >= maxIterations) throw new ConvergenceError('logit-Bertrand prices', it, Math.abs(h));
      if (h > 0) lo = y;
      else hi = y;
      let next = y - h / this.slope;
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      if (next === y) break;
      y = next;
      h = this.aggregate(y, n, true);
      it++;
    }
    this.iterations = it;
    // Prices from the markups; shares, margins and the FOC residual recomputed from the prices.
    let maxU = 0;
    for (let j = 0; j < n; j++) {
      this.prices[j] = cost[j] + this.m[j] / alpha;
      const u = quality[j] - alpha * this.prices[j];
      this.shares[j] = u;
      if (u > maxU) maxU = u;
    }
    let denom = dexp(-maxU);
    for (let j = 0; j < n; j++) {
      this.shares[j] = dexp(this.shares[j] - maxU);
      denom += this.shares[j];
    }
    let residual = 0;
    for (let j = 0; j < n; j++) {
      this.shares[j] /= denom;
      this.margins[j] = (this.prices[j] - cost[j]) / this.prices[j];
      const err = Math.abs(this.prices[j] - cost[j] - 1 / (alpha * (1 - this.shares[j])));
      if (err > residual) residual = err;
    }
    this.outside = dexp(-maxU) / denom;
    this.residual = residual;
    return this;
  }
}

export interface VendorSpec {
  name: string;
  /** Mean utility before price: performance per dollar plus ecosystem / software advantage. */
  quality: number;
  /** Marginal cost per unit. */
  cost: number;
}

export interface VendorOutcome {
  name: string;
  price: number;
  share: number;
  /** (price - cost) / price. */
  margin: number;
  /** price - cost. */
  markup: number;
}

export interface CompeteResult {
  vendors: VendorOutcome[];
  outside: number;
  iterations: number;
  residual: number;
}

/** Bertrand-Nash equilibrium for a list of vendors (the `economy compete` calculator). */
export function competeLogit(vendors: readonly VendorSpec[], alpha: number, options: BertrandOptions = {}): CompeteResult {
  if (!Array.isArray(vendors) || vendors.length === 0) throw new RangeError('vendors must list at least one vendor, got an empty list');
  const n = vendors.length;
  const q = new Float64Array(n);
  const c = new Float64Array(n);
  vendors.forEach((v, j) => {
    if (typeof v?.name !== 'string' || v.name === '') throw new RangeError(`vendors[${j}].name must be a non-empty string, got ${JSON.stringify(v?.name)}`);
    q[j] = finite(`vendors[${j}].quality`, v.quality);
    c[j] = nonNegative(`vendors[${j}].cost`, v.cost);
  });
  const s = new LogitBertrand(n).solve(q, c, n, alpha, options);
  return {
    vendors: vendors.map((v, j) => ({ name: v.name, price: s.prices[j], share: s.shares[j], margin: s.margins[j], markup: s.prices[j] - c[j] })),
    outside: s.outside,
    iterations: s.iterations,
    residual: s.residual,
  };
}

/**
 * The inverse problem, for calibration: the qualities q_j at which the Bertrand-Nash equilibrium
 * has the given logit shares (the outside good takes 1 - sum). From the FOC,
 * p_j = c_j + 1 / (alpha (1 - s_j)), and from the demand, q_j = ln(s_j / s_0) + alpha p_j.
 */
export function logitQualities(shares: readonly number[], costs: readonly number[], alpha: number): number[] {
  positive('alpha', alpha);
  if (shares.length === 0) throw new RangeError('shares must list at least one vendor, got an empty list');
  if (costs.length !== shares.length) throw new RangeError(`costs must have ${shares.length} entries, got ${costs.length}`);
  let outside = 1;
  shares.forEach((s, j) => {
    if (!(s > 0 && s < 1)) throw new RangeError(`shares[${j}] must be in (0, 1), got ${s}`);
    nonNegative(`costs[${j}]`, costs[j]);
    outside -= s;
  });
  if (!(outside > 0)) throw new RangeError(`shares must sum to less than 1 (the outside good needs a share), got ${1 - outside}`);
  return shares.map((s, j) => dlog(s / outside) + alpha * (costs[j] + 1 / (alpha * (1 - s))));
}
