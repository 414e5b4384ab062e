// dexp/dlog/dpow agree with Math.exp/log/pow to within 1-2 ulp over random and edge inputs, with exact identities and IEEE edge cases.
import { describe, expect, it } from 'vitest';
import { dexp, dlog, dpow } from '../../src/core/detmath.ts';
import { fromSeed } from '../../src/core/rng.ts';

const view = new DataView(new ArrayBuffer(8));

/** Position of a double on the number line counted in ulps (monotone, +0 and -0 both 0). */
function ordinal(x: number): bigint {
  view.setFloat64(0, x);
  const b = view.getBigInt64(0);
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}

/** Distance in ulps between two doubles (Infinity if exactly one is NaN, 0 if both are). */
function ulpDistance(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

/** The relative-error bound from the brief (about 2 ulp), checked alongside the ulp distance. */
const REL = 4e-16;

interface Worst {
  x: number;
  ulps: number;
  rel: number;
}

function worstOver(xs: Iterable<number>, f: (x: number) => number, ref: (x: number) => number): Worst {
  let worst: Worst = { x: NaN, ulps: 0, rel: 0 };
  for (const x of xs) {
    const got = f(x);
    const want = ref(x);
    const ulps = ulpDistance(got, want);
    // relative error is meaningful only for normal, finite, non-zero results
    const rel = Number.isFinite(want) && Math.abs(want) >= 2.2250738585072014e-308 ? Math.abs(got - want) / Math.abs(want) : 0;
    if (ulps > worst.ulps || rel > worst.rel) worst = { x, ulps: Math.max(ulps, worst.ulps), rel: Math.max(rel, worst.rel) };
  }
  return worst;
}

function* uniform(seed: number, n: number, lo: number, hi: number): Generator<number> {
  const rng = fromSeed(seed);
  for (let i = 0; i < n; i++) yield lo + (hi - lo) * rng.nextFloat();
}

/** Doubles spread over all magnitudes: random exponent and mantissa bits. */
function* anyPositive(seed: number, n: number, minExp: number, maxExp: number): Generator<number> {
  const rng = fromSeed(seed);
  for (let i = 0; i < n; i++) {
    const e = minExp + Math.floor((maxExp - minExp + 1) * rng.nextFloat());
    yield (1 + rng.nextFloat()) * 2 ** e;
  }
}

const EXP_EDGES = [
  0, -0, 5e-324, -5e-324, 1e-300, 1e-17, -1e-17, 1e-10, -1e-10, 0.5, -0.5, 1, -1, 2, Math.E, Math.LN2, 10 * Math.LN2,
  0.34657359027997264, 0.3465735902799727, -0.34657359027997264, 20, -20, 100, -100, 700, 709, 709.78, 709.782712893384,
  -708, -708.3964185322641, -709, -720, -740, -744, -745, -745.13, -745.1332191019411,
];

describe('dexp', () => {
  it('is within 1 ulp of Math.exp on [-1, 1] and on the whole finite range', () => {
    for (const [lo, hi, seed] of [
      [-1, 1, 1],
      [-40, 40, 2],
      [-745.13, 709.78, 3],
      [-1e-8, 1e-8, 4],
    ]) {
      const w = worstOver(uniform(seed, 200_000, lo, hi), dexp, Math.exp);
      expect(w.ulps, `worst at x=${w.x}`).toBeLessThanOrEqual(1);
      expect(w.rel, `worst at x=${w.x}`).toBeLessThan(REL);
    }
  });

  it('is within 1 ulp at edge points, including subnormal results and the overflow/underflow thresholds', () => {
    for (const x of EXP_EDGES) expect(ulpDistance(dexp(x), Math.exp(x)), `x=${x}`).toBeLessThanOrEqual(1);
    expect(dexp(-745.1332191019411)).toBe(5e-324); // rounds up to the smallest subnormal, not to 0
    expect(dexp(-745.14)).toBe(0);
    expect(dexp(709.782712893384)).toBe(1.7976931348622732e308);
    expect(dexp(709.7828)).toBe(Infinity);
  });

  it('has exact special values', () => {
    expect(dexp(0)).toBe(1);
    expect(dexp(-0)).toBe(1);
    expect(dexp(Infinity)).toBe(Infinity);
    expect(dexp(-Infinity)).toBe(0);
    expect(dexp(NaN)).toBeNaN();
    expect(dexp(1e308)).toBe(Infinity);
    expect(dexp(-1e308)).toBe(0);
  });

  it('is monotone non-decreasing over a fine sweep', () => {
    let prev = 0;
    let bad = 0;
    for (let x = -50; x < 50; x += 0.0009765625) {
      const y = dexp(x);
      if (y < prev) bad++;
      prev = y;
    }
    expect(bad).toBe(0);
  });
});

const LOG_EDGES = [
  1, 2, Math.E, 10, 0.5, 0.1, 3, 1 + 2 ** -52, 1 - 2 ** -53, 1 + 1e-10, 1 - 1e-10, 0.9999, 1.0001, Math.SQRT2, Math.SQRT1_2,
  1.4142135623730951, 1.414213562373095, 0.7071067811865475, 5e-324, 1e-320, 1e-310, 2.2250738585072014e-308,
  2.225073858507201e-308, 1e-300, 1e300, 1e308, Number.MAX_VALUE, 2 ** 1023, 2 ** -1074, 2 ** -1022,
];

describe('dlog', () => {
  it('is within 1 ulp of Math.log near 1, on [0.5, 2] and over every binade', () => {
    const sets: Array<[Iterable<number>, string]> = [
      [uniform(11, 200_000, 0.7, 1.42), '[0.7, 1.42]'],
      [uniform(12, 200_000, 1 - 1e-6, 1 + 1e-6), '1 +- 1e-6'],
      [uniform(13, 100_000, 0.5, 2), '[0.5, 2]'],
      [anyPositive(14, 200_000, -1074, 1023), 'all binades'],
      [anyPositive(15, 50_000, -1074, -1023), 'subnormals'],
    ];
    for (const [xs, label] of sets) {
      const w = worstOver(xs, dlog, Math.log);
      expect(w.ulps, `${label}: worst at x=${w.x}`).toBeLessThanOrEqual(1);
      expect(w.rel, `${label}: worst at x=${w.x}`).toBeLessThan(REL);
    }
  });

  it('is within 1 ulp at edge points', () => {
    for (const x of LOG_EDGES) expect(ulpDistance(dlog(x), Math.log(x)), `x=${x}`).toBeLessThanOrEqual(1);
  });

  it('has exact special values', () => {
    expect(Object.is(dlog(1), 0)).toBe(true);
    expect(dlog(0)).toBe(-Infinity);
    expect(dlog(-0)).toBe(-Infinity);
    expect(dlog(Infinity)).toBe(Infinity);
    expect(dlog(NaN)).toBeNaN();
    expect(dlog(-1)).toBeNaN();
    expect(dlog(-5e-324)).toBeNaN();
    expect(dlog(-Infinity)).toBeNaN();
    expect(dlog(2)).toBe(Math.LN2);
    expect(dlog(0.5)).toBe(-Math.LN2);
    expect(dlog(Math.E)).toBe(1);
    expect(dlog(2 ** 10)).toBe(10 * Math.LN2);
  });

  it('inverts dexp: dlog(dexp(x)) is within 2 ulp of x (away from 0) and dexp(dlog(y)) within 2 ulp of y', () => {
    const rng = fromSeed(21);
    let worstX = 0;
    let worstY = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = (2 * rng.nextFloat() - 1) * 700;
      if (Math.abs(x) > 1) worstX = Math.max(worstX, ulpDistance(dlog(dexp(x)), x));
      // exp(log y) amplifies log's rounding by |log y|; stay where that is < 1
      const y = 0.4 + 2 * rng.nextFloat();
      worstY = Math.max(worstY, ulpDistance(dexp(dlog(y)), y));
    }
    expect(worstX).toBeLessThanOrEqual(2);
    expect(worstY).toBeLessThanOrEqual(2);
  });
});

describe('dpow', () => {
  it('is exact for y = 0 and y = 1', () => {
    for (const x of [0, 1, 2.5, 1e-300, 1e300, Infinity, NaN]) {
      expect(dpow(x, 0)).toBe(1);
      expect(Object.is(dpow(x, 1), x)).toBe(true);
    }
  });

  it('handles zero, infinity and NaN like Math.pow for x >= 0', () => {
    const cases: Array<[number, number]> = [
      [0, 2], [0, 0.5], [0, -1], [0, -0.5], [0, Infinity], [0, -Infinity], [0, NaN],
      [Infinity, 2], [Infinity, -2], [NaN, 2], [2, NaN], [1, 5], [2, Infinity], [2, -Infinity], [0.5, Infinity],
      [1e300, 2], [1e-300, 2], [2, 1100], [2, -1100],
    ];
    for (const [x, y] of cases) expect(dpow(x, y), `dpow(${x}, ${y})`).toBe(Math.pow(x, y));
  });

  it('returns NaN for negative bases (documented domain x > 0)', () => {
    expect(dpow(-2, 2)).toBeNaN();
    expect(dpow(-2, 0.5)).toBeNaN();
  });

  it('is close to Math.pow: error grows only with |y log x|', () => {
    const rng = fromSeed(31);
    let worst = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = 0.01 + 100 * rng.nextFloat();
      const y = (2 * rng.nextFloat() - 1) * 20;
      const want = Math.pow(x, y);
      // log(x) has relative error ~1 ulp, so y*log(x) has absolute error ~|y log x| ulp(1)-ish,
      // which exp turns into that much relative error; allow 2 ulp plus that.
      const rel = Math.abs(dpow(x, y) - want) / want;
      const allowed = (2 + Math.abs(y * Math.log(x))) * 2.220446049250313e-16;
      worst = Math.max(worst, rel / allowed);
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(dpow(4, 0.5)).toBe(2);
    expect(dpow(2, 10)).toBe(1024);
    expect(ulpDistance(dpow(10, -3), 0.001)).toBeLessThanOrEqual(4);
  });
});

describe('source stays engine-independent', () => {
  it('detmath.ts calls no Math.exp, Math.log, Math.pow or ** operator', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync(new URL('../../src/core/detmath.ts', import.meta.url), 'utf8');
    const code = src.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(code).not.toMatch(/Math\.(exp|log|pow|expm1|log1p|log2|log10|sinh|cosh|tanh|cbrt|hypot)\b/);
    expect(code).not.toMatch(/\*\*/);
  });
});
