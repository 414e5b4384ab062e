// Deterministic exp and log built from + - * / only, so results are bit-identical in every
// JavaScript engine (Math.exp/log/pow may differ in the last bit between engines). Accuracy is
// within a few ulps of the true value; use these on any path that feeds the tape.

const LN2_HI = 0.6931471803691238; // high bits of ln 2 (exact in 32 bits of mantissa)
const LN2_LO = 1.9082149292705877e-10; // ln 2 - LN2_HI
const INV_LN2 = 1.4426950408889634;
const SQRT1_2 = 0.7071067811865476;

const scratch = new DataView(new ArrayBuffer(8));

/** 2^k for an integer k, built from its bits (exact). */
function pow2(k: number): number {
  if (k > 1023) return Infinity;
  if (k < -1074) return 0;
  if (k < -1022) return pow2(k + 60) * 8.673617379884035e-19; // 2^-60, exact
  scratch.setUint32(0, (k + 1023) << 20);
  scratch.setUint32(4, 0);
  return scratch.getFloat64(0);
}

/** e^x to within a few ulps, using only basic arithmetic. */
export function dexp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO; // |r| <= 0.347
  // Taylor series of e^r to degree 15 (remainder < 1e-19 for |r| <= 0.35), Horner form.
  let p = 1 / 1307674368000;
  p = p * r + 1 / 87178291200;
  p = p * r + 1 / 6227020800;
  p = p * r + 1 / 479001600;
  p = p * r + 1 / 39916800;
  p = p * r + 1 / 3628800;
  p = p * r + 1 / 362880;
  p = p * r + 1 / 40320;
  p = p * r + 1 / 5040;
  p = p * r + 1 / 720;
  p = p * r + 1 / 120;
  p = p * r + 1 / 24;
  p = p * r + 1 / 6;
  p = p * r + 0.5;
  p = p * r + 1;
  p = p * r + 1;
  if (k > 1000) return p * pow2(k - 1000) * pow2(1000);
  // Below 2^-1000 scale in two steps: the first product is exact (still normal), so the result
  // is rounded once, and k = -1075 (results just above half the smallest subnormal) still works.
  if (k < -1000) return p * pow2(k + 100) * pow2(-100);
  return p * pow2(k);
}

/** Natural logarithm to within a few ulps, using only basic arithmetic. */
export function dlog(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let e = 0;
  let m = x;
  if (m < 2.2250738585072014e-308) {
    m *= 18014398509481984; // 2^54: bring subnormals into the normal range
    e = -54;
  }
  scratch.setFloat64(0, m);
  const hi = scratch.getUint32(0);
  e += ((hi >>> 20) & 0x7ff) - 1023;
  scratch.setUint32(0, (hi & 0x800fffff) | (1023 << 20));
  m = scratch.getFloat64(0); // in [1, 2)
  if (m > 2 * SQRT1_2) {
    m *= 0.5;
    e += 1;
  }
  // With f = m - 1 (exact) and s = f / (2 + f), |s| <= 0.1716:
  //   log(1 + f) = 2 atanh(s) = f - (hfsq - s (hfsq + R)),  hfsq = f^2 / 2,
  //   R = s^2 (2/3 + 2 s^2/5 + 2 s^4/7 + ...),
  // arranged as in fdlibm so that the rounding error of s only touches the small correction
  // term, not the leading f: the result is within about 1 ulp (the plain 2 atanh(s) sum is not).
  const f = m - 1;
  const s = f / (2 + f);
  const s2 = s * s;
  let p = 1 / 31;
  p = p * s2 + 1 / 29;
  p = p * s2 + 1 / 27;
  p = p * s2 + 1 / 25;
  p = p * s2 + 1 / 23;
  p = p * s2 + 1 / 21;
  p = p * s2 + 1 / 19;
  p = p * s2 + 1 / 17;
  p = p * s2 + 1 / 15;
  p = p * s2 + 1 / 13;
  p = p * s2 + 1 / 11;
  p = p * s2 + 1 / 9;
  p = p * s2 + 1 / 7;
  p = p * s2 + 1 / 5;
  p = p * s2 + 1 / 3;
  const R = 2 * s2 * p;
  const hfsq = 0.5 * f * f;
  return e * LN2_HI - (hfsq - (s * (hfsq + R) + e * LN2_LO) - f);
}

/** x^y for x > 0 as dexp(y * dlog(x)); exact for y = 0 and y = 1. */
export function dpow(x: number, y: number): number {
  if (y === 0) return 1;
  if (y === 1) return x;
  if (y !== y) return NaN;
  if (x === 0) return y > 0 ? 0 : Infinity;
  return dexp(y * dlog(x));
}
