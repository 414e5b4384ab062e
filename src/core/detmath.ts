// Deterministic exp and log built from + - * / only, so results are bit-identical in every
// JavaScript engine (Math.exp/log/pow may differ in the last bit between engines). Accuracy is
// within a few ulps of the true value; use these on any path that feeds the tape.

const LN2_HI = 0.6931471803691238; // high bits of ln 2 (exact in 32 bits of mantissa)
const LN2_LO = 1.9082149292705877e-10; // ln 2 - LN2_HI
const INV_LN2 = 1.4426950408889634;
const SQRT1_2 = 0.7071067811865476;

// One double viewed as two 32-bit words, for exact bit manipulation. Typed-array views use the
// platform's byte order; HI is the index of the word holding the sign and exponent.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
f64[0] = 1;
const HI = u32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

/** 2^k for an integer k, built from its bits (exact). */
function pow2Bits(k: number): number {
  if (k > 1023) return Infinity;
  if (k < -1074) return 0;
  if (k < -1022) return pow2Bits(k + 60) * 8.673617379884035e-19; // 2^-60, exact
  u32[HI] = (k + 1023) << 20;
  u32[LO] = 0;
  return f64[0];
}

// Every 2^k a double can hold, k = -1074..1023, built once from the bits: a table read is the
// same value without writing and re-reading the shared word on every call.
const POW2 = new Float64Array(2098);
for (let k = -1074; k <= 1023; k++) POW2[k + 1074] = pow2Bits(k);

/** 2^k for an integer k (exact; 0 below 2^-1074, Infinity above 2^1023). */
function pow2(k: number): number {
  return k > 1023 ? Infinity : k < -1074 ? 0 : POW2[k + 1074];
}

/** e^x to within a few ulps, using only basic arithmetic. */
export function dexp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo; // |r| <= 0.35
  // e^r by fdlibm's rational form (Sun Microsystems' freely distributable libm, e_exp.c): with
  // t = r^2 and c = r - t (P1 + t (P2 + ... + t P5)) (a minimax fit, error below 2^-59),
  // e^r = 1 + 2r / (2 - c) - r, evaluated as 1 - ((lo - r c / (2 - c)) - hi) to keep the
  // rounding error of the reduction out of the leading term.
  const t = r * r;
  const c = r - t * (1.6666666666666602e-1 + t * (-2.7777777777015593e-3 + t * (6.613756321437934e-5 + t * (-1.6533902205465252e-6 + t * 4.1381367970572385e-8))));
  const p = 1 - ((lo - (r * c) / (2 - c)) - hi);
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
  f64[0] = m;
  const hi = u32[HI];
  e += ((hi >>> 20) & 0x7ff) - 1023;
  u32[HI] = (hi & 0x800fffff) | (1023 << 20);
  m = f64[0]; // in [1, 2)
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
  // R(s^2) ~ 2/3 s^2 + 2/5 s^4 + ... by fdlibm's minimax coefficients (e_log.c), split into
  // even and odd halves so the two short Horner chains run side by side.
  const w = s2 * s2;
  const t1 = w * (3.999999999940942e-1 + w * (2.2222198432149784e-1 + w * 1.5313837699209373e-1));
  const t2 = s2 * (6.666666666666735e-1 + w * (2.857142874366239e-1 + w * (1.8183572161618050e-1 + w * 1.4798198605116586e-1)));
  const R = t1 + t2;
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
