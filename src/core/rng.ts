// Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna 2018; reference vectors in
// test/core/rng.test.ts) seeded through splitmix32, with independent streams derived by key, so
// `stream(seed, "agent", 7)` gives agent 7 the same draws however many other agents exist.
// Only 32-bit integer operations are used: the same seed gives the same bits in every engine.

/** A source of uniform 32-bit words; the one interface every distribution takes. */
export interface RandomSource {
  /** Next uniform integer in [0, 2^32). */
  nextU32(): number;
  /** Next uniform float in [0, 1) with 53 random bits. */
  nextFloat(): number;
}

export class Xoshiro128 implements RandomSource {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Starts from four 32-bit state words (not all zero). */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) throw new RangeError('xoshiro128 state must not be all zero');
  }

  nextU32(): number {
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result >>> 0;
  }

  nextFloat(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** The four state words, for snapshots. */
  state(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }
}

/** splitmix32's state increment (2^32 / the golden ratio). */
const SPLITMIX_STEP = 0x9e3779b9;

/** splitmix32 step (Vigna's 32-bit variant of splitmix64): returns [next state, output]. */
export function splitmix32(state: number): [number, number] {
  const next = (state + SPLITMIX_STEP) | 0;
  return [next, splitmixOutput(next)];
}

/** splitmix32's output for the state after a step. */
function splitmixOutput(next: number): number {
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return z >>> 0;
}

/** Folds a key part into a 32-bit hash (FNV-1a over the part's text, then a murmur3 finaliser). */
function mix(hash: number, part: string | number): number {
  // The text is '#' + the number's decimal form, or '$' + the string, folded without concatenating
  // them: a build derives thousands of streams, mostly before V8 has optimized this.
  let h = Math.imul(hash ^ 0x811c9dc5 ^ (typeof part === 'number' ? 35 : 36), 0x01000193);
  const text = typeof part === 'number' ? String(part) : part;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/**
 * A generator seeded from one 32-bit seed through splitmix32. The seed is a 32-bit word, signed
 * or unsigned (-1 and 2^32 - 1 are the same word); anything wider is refused rather than silently
 * truncated, which would give seeds 0 and 2^32 the same run (use `stream` for wider seeds).
 */
export function fromSeed(seed: number): Xoshiro128 {
  if (!Number.isInteger(seed) || seed < -2147483648 || seed > 4294967295) {
    throw new RangeError(`seed must be a 32-bit integer, got ${seed}`);
  }
  // Four consecutive splitmix32 outputs.
  const s1 = ((seed | 0) + SPLITMIX_STEP) | 0;
  const s2 = (s1 + SPLITMIX_STEP) | 0;
  const s3 = (s2 + SPLITMIX_STEP) | 0;
  const s4 = (s3 + SPLITMIX_STEP) | 0;
  const w0 = splitmixOutput(s1);
  const w1 = splitmixOutput(s2);
  const w2 = splitmixOutput(s3);
  const w3 = splitmixOutput(s4);
  return new Xoshiro128((w0 | w1 | w2 | w3) === 0 ? 1 : w0, w1, w2, w3);
}

/**
 * An independent stream for a key such as `(seed, "agent", 7)`: the key parts are hashed in
 * order, so streams with different keys are unrelated and adding one never moves another.
 */
export function stream(seed: number, ...key: ReadonlyArray<string | number>): Xoshiro128 {
  return fromSeed(keyHash(seed, key));
}

/**
 * The streams of one family: `streams(seed, ...prefix)(...rest)` is `stream(seed, ...prefix,
 * ...rest)`, with the prefix hashed once (a population of 10,000 agents derives its streams
 * with one fold each instead of one per key part).
 */
export function streams(seed: number, ...prefix: ReadonlyArray<string | number>): (...rest: ReadonlyArray<string | number>) => Xoshiro128 {
  const h0 = keyHash(seed, prefix);
  return (...rest) => fromSeed(foldKey(h0, rest));
}

function keyHash(seed: number, key: ReadonlyArray<string | number>): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  return foldKey(mix(0, seed), key);
}

/** Folds each key part into `h`, in order. */
function foldKey(h: number, key: ReadonlyArray<string | number>): number {
  for (let i = 0; i < key.length; i++) h = mix(h, key[i]);
  return h;
}
