// xoshiro128** matches the reference vector, splitmix32 matches a BigInt model, streams are reproducible and independent, and output is uniform.
import { describe, expect, it } from 'vitest';
import { Xoshiro128, fromSeed, splitmix32, stream, streams } from '../../src/core/rng.ts';
import { chiSquare, chiSquareCritical, Z_1E6 } from './stats.ts';

const M32 = (1n << 32n) - 1n;

/** Independent splitmix32 in BigInt arithmetic mod 2^32: returns [next state, output], both unsigned. */
function splitmix32Ref(state: bigint): [bigint, bigint] {
  const next = (state + 0x9e3779b9n) & M32;
  let z = next;
  z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M32;
  z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M32;
  z ^= z >> 16n;
  return [next, z];
}

function take(rng: { nextU32(): number }, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(rng.nextU32());
  return out;
}

describe('xoshiro128**', () => {
  it('matches the Blackman & Vigna reference vector from state (1, 2, 3, 4)', () => {
    const rng = new Xoshiro128(1, 2, 3, 4);
    expect(take(rng, 10)).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('accepts state words given as unsigned values above 2^31 and reports state unsigned', () => {
    const a = new Xoshiro128(0xffffffff, 0x80000000, 3, 4);
    const b = new Xoshiro128(-1, -2147483648, 3, 4);
    expect(a.state()).toEqual([0xffffffff, 0x80000000, 3, 4]);
    expect(take(a, 20)).toEqual(take(b, 20));
  });

  it('refuses the all-zero state', () => {
    expect(() => new Xoshiro128(0, 0, 0, 0)).toThrow(/all zero/);
  });

  it('resumes exactly from a state snapshot', () => {
    const a = fromSeed(99);
    take(a, 37);
    const b = new Xoshiro128(...a.state());
    expect(take(b, 50)).toEqual(take(a, 50));
  });
});

describe('splitmix32', () => {
  it('matches an independent BigInt implementation over a chain of states', () => {
    for (const start of [0, 1, -1, 0x7fffffff, -2147483648, 0x9e3779b9 | 0, 123456789]) {
      let s = start;
      let ref = BigInt(start >>> 0);
      for (let i = 0; i < 1000; i++) {
        const [next, out] = splitmix32(s);
        const [rnext, rout] = splitmix32Ref(ref);
        expect(next >>> 0).toBe(Number(rnext));
        expect(out).toBe(Number(rout));
        expect(out).toBeGreaterThanOrEqual(0);
        s = next;
        ref = rnext;
      }
    }
  });

  it('seeds fromSeed with four consecutive splitmix32 outputs', () => {
    for (const seed of [0, 1, 42, -7, 0xdeadbeef]) {
      let ref = BigInt(seed >>> 0);
      const words: number[] = [];
      for (let i = 0; i < 4; i++) {
        const [next, out] = splitmix32Ref(ref);
        ref = next;
        words.push(Number(out));
      }
      expect(fromSeed(seed).state()).toEqual(words);
    }
  });
});

describe('seeding and streams', () => {
  it('gives the same sequence for the same seed and different ones for different seeds', () => {
    expect(take(fromSeed(7), 100)).toEqual(take(fromSeed(7), 100));
    expect(take(fromSeed(7), 10)).not.toEqual(take(fromSeed(8), 10));
    expect(take(stream(7, 'agent', 1), 100)).toEqual(take(stream(7, 'agent', 1), 100));
  });

  it('treats a negative 32-bit seed and its unsigned form as the same word, and refuses wider seeds', () => {
    expect(take(fromSeed(-1), 10)).toEqual(take(fromSeed(0xffffffff), 10));
    expect(() => fromSeed(2 ** 32)).toThrow(/4294967296/);
    expect(() => fromSeed(-(2 ** 31) - 1)).toThrow(/-2147483649/);
  });

  it('stream(seed, "agent", 7) is the same however many other streams were created or drawn from', () => {
    const alone = take(stream(2024, 'agent', 7), 64);
    const others = [];
    for (let i = 0; i < 50; i++) {
      const s = stream(2024, 'agent', i);
      take(s, i * 3);
      others.push(s);
    }
    const g = fromSeed(2024);
    take(g, 1000);
    const crowded = stream(2024, 'agent', 7);
    for (const o of others) o.nextU32(); // interleave draws on every other stream
    const got: number[] = [];
    for (let i = 0; i < 64; i++) {
      got.push(crowded.nextU32());
      others[i % others.length].nextU32();
    }
    expect(got).toEqual(alone);
  });

  it('different keys and seeds give different sequences', () => {
    const keys: Array<[number, ...Array<string | number>]> = [
      [1],
      [2],
      [1, 'agent', 7],
      [1, 'agent', 8],
      [2, 'agent', 7],
      [1, 'agent', '7'], // a string part is not the number with the same text
      [1, 'agent7'],
      [1, 'agent', 7, 0],
      [1, 7, 'agent'],
      [1, 'news'],
      [1, ''],
      [-1, 'agent', 7],
      [2 ** 40, 'agent', 7], // wide seeds are hashed, not truncated to 32 bits
      [0, 'agent', 7],
    ];
    const firsts = new Map<string, string>();
    for (const k of keys) {
      const [seed, ...rest] = k;
      const sig = take(stream(seed, ...rest), 4).join(',');
      const label = JSON.stringify(k);
      expect(firsts.get(sig), `${label} collides with ${firsts.get(sig)}`).toBeUndefined();
      firsts.set(sig, label);
    }
  });

  it('pins the first words of a stream (regression pin of the key hash, not an external reference)', () => {
    // If this changes, every recorded run changes: update only on purpose.
    expect(take(stream(42, 'agent', 7), 3)).toEqual(PINNED_STREAM_42_AGENT_7);
  });

  it('streams(seed, ...prefix)(...rest) is stream(seed, ...prefix, ...rest)', () => {
    const family = streams(42, 'agent');
    expect(take(family(7), 3)).toEqual(PINNED_STREAM_42_AGENT_7);
    const two = streams(9, 'retail', 1);
    for (const i of [0, 1, 2, 999, 123456]) expect(take(two(i), 4)).toEqual(take(stream(9, 'retail', 1, i), 4));
    expect(take(streams(9)('retail', 1, 5), 4)).toEqual(take(stream(9, 'retail', 1, 5), 4));
    expect(take(streams(9, 'retail', 1, 5)(), 4)).toEqual(take(stream(9, 'retail', 1, 5), 4));
    expect(() => streams(NaN, 'a')).toThrow(/NaN/);
  });

  it('rejects bad seeds with a message naming the value', () => {
    expect(() => fromSeed(NaN)).toThrow(/NaN/);
    expect(() => fromSeed(1.5)).toThrow(/1\.5/);
    expect(() => fromSeed(Infinity)).toThrow(/Infinity/);
    expect(() => stream(NaN, 'a')).toThrow(/NaN/);
    expect(() => stream(1.5, 'a')).toThrow(/1\.5/);
    expect(() => stream(2 ** 53, 'a')).toThrow(/9007199254740992/);
    expect(() => fromSeed(NaN)).toThrow(RangeError);
  });
});

describe('output distribution', () => {
  it('nextFloat lies in [0, 1), has mean about 1/2, and carries 53 random bits', () => {
    const rng = fromSeed(31337);
    const n = 200_000;
    let sum = 0;
    let oddLowBit = 0; // bit 2^-53 set
    let below32 = 0; // any of bits 2^-33 .. 2^-53 set: beyond a single 32-bit word
    let outside = 0;
    let min = 1;
    for (let i = 0; i < n; i++) {
      const x = rng.nextFloat();
      if (!(x >= 0 && x < 1)) outside++;
      if (x < min) min = x;
      const m = x * 2 ** 53; // exact: x is k / 2^53
      if (!Number.isInteger(m)) throw new Error(`nextFloat ${x} is not a multiple of 2^-53`);
      if (m % 2 === 1) oddLowBit++;
      if (m % 2 ** 21 !== 0) below32++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(min).toBeLessThan(1e-4);
    const se = Math.sqrt(1 / 12 / n);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(Z_1E6 * se);
    // The lowest bit is a fair coin: about n/2 set.
    expect(Math.abs(oddLowBit - n / 2)).toBeLessThan(Z_1E6 * Math.sqrt(n / 4));
    expect(below32).toBeGreaterThan(n * 0.99);
  });

  it('nextU32 is uniform over 256 buckets of its top bits and of its low bits (chi-square)', () => {
    const rng = fromSeed(12345);
    const n = 512_000;
    const hi = new Float64Array(256);
    const lo = new Float64Array(256);
    let notU32 = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.nextU32();
      if (x >>> 0 !== x) notU32++;
      hi[x >>> 24]++;
      lo[x & 255]++;
    }
    expect(notU32).toBe(0);
    const expected = new Float64Array(256).fill(n / 256);
    const crit = chiSquareCritical(255);
    expect(chiSquare(hi, expected)).toBeLessThan(crit);
    expect(chiSquare(lo, expected)).toBeLessThan(crit);
  });

  it('consecutive outputs are not correlated (chi-square on pairs of top nibbles)', () => {
    const rng = fromSeed(777);
    const n = 256_000;
    const cells = new Float64Array(256);
    for (let i = 0; i < n; i++) {
      // Non-overlapping pairs, so the cells are independent multinomial counts.
      const a = rng.nextU32() >>> 28;
      const b = rng.nextU32() >>> 28;
      cells[a * 16 + b]++;
    }
    expect(chiSquare(cells, new Float64Array(256).fill(n / 256))).toBeLessThan(chiSquareCritical(255));
  });
});

const PINNED_STREAM_42_AGENT_7 = [2880760724, 4126285045, 219353246];
