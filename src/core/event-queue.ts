// The kernel's event queue: a timing wheel in front of a heap, with the same total order as
// EventHeap (earlier time first, then earlier insertion) at O(1) cost for most events.
//
// Time is cut into buckets of `bucketNs`. Events due within the wheel's horizon (`buckets`
// buckets from the current one) are appended to their bucket's list; later events wait in an
// overflow EventHeap. Only the current bucket is ordered: when the queue reaches a bucket, its
// events move into a small binary heap keyed by (time, sequence), and events pushed into the
// current bucket while it is being served go straight into that heap. A bitmap of non-empty
// buckets lets the queue skip empty stretches a word (32 buckets) at a time, and jump straight to
// the overflow's earliest event when the wheel is empty. Nothing allocates once the pools have
// grown to their peak size.
//
// An event is one 24-byte record (time and sequence as doubles, payload and next-in-bucket as
// 32-bit integers) in one buffer seen through a Float64Array and an Int32Array, so touching an
// event touches one cache line rather than one per field. `next(until)` pops the earliest event
// if it is due by `until` in one call (the kernel's loop); `peekTime`/`pop` remain.

import { EventHeap } from './heap.ts';

const NIL = -1;
// Record layout: doubles [3e] time, [3e + 1] sequence; int32s [6e + 4] payload, [6e + 5] next.
const F64_PER = 3;
const I32_PER = 6;
const PAYLOAD = 4;
const NEXT = 5;

/** What `next` returns when no event is due (no payload can take this value). */
export const NONE = -2147483648;

export interface EventQueueOptions {
  /** Width of a bucket in ns (default 1 ms). */
  bucketNs?: number;
  /** Number of buckets, a power of two (default 2^18: a 262 s horizon at 1 ms). */
  buckets?: number;
}

export class EventQueue {
  private readonly bucketNs: number;
  private readonly mask: number;
  private readonly nBuckets: number;
  // Event pool: one record per event (see the layout above); free list through `next`.
  private f64: Float64Array;
  private i32: Int32Array;
  private cap: number;
  private free = NIL;
  private top = 0;
  /** Time of the event the last `next` returned. */
  time = 0;
  // Wheel: list head per bucket and a bitmap of non-empty buckets.
  private readonly head: Int32Array;
  private readonly bits: Int32Array;
  private inWheel = 0;
  /** Absolute index of the bucket being served. */
  private cur = 0;
  // The current bucket's events, a binary heap of pool indices.
  private heap: Int32Array;
  private heapN = 0;
  private readonly overflow = new EventHeap(1024);
  /** Bucket of the overflow's earliest event (Infinity when it is empty), so that the check at
   * each bucket is one comparison of a field. */
  private overflowBucket = Infinity;
  private nextSeq = 0;
  private n = 0;

  constructor(options: EventQueueOptions = {}) {
    this.bucketNs = options.bucketNs ?? 1_000_000;
    this.nBuckets = options.buckets ?? 1 << 18;
    if (!(this.bucketNs >= 1) || !Number.isSafeInteger(this.bucketNs)) throw new RangeError(`bucketNs must be a positive integer, got ${this.bucketNs}`);
    if (this.nBuckets < 32 || (this.nBuckets & (this.nBuckets - 1)) !== 0) throw new RangeError(`buckets must be a power of two >= 32, got ${this.nBuckets}`);
    this.mask = this.nBuckets - 1;
    this.head = new Int32Array(this.nBuckets).fill(NIL);
    this.bits = new Int32Array(this.nBuckets >> 5);
    this.cap = 4096;
    const buf = new ArrayBuffer(this.cap * 8 * F64_PER);
    this.f64 = new Float64Array(buf);
    this.i32 = new Int32Array(buf);
    this.heap = new Int32Array(256);
  }

  get size(): number {
    return this.n;
  }

  /** Adds an event at `time` (not earlier than the last event served); ties keep push order. */
  push(time: number, payload: number): void {
    // Allocate the record.
    let e = this.free;
    if (e !== NIL) this.free = this.i32[I32_PER * e + NEXT];
    else {
      if (this.top === this.cap) this.growPool();
      e = this.top++;
    }
    const f = F64_PER * e;
    this.f64[f] = time;
    this.f64[f + 1] = this.nextSeq++;
    this.i32[I32_PER * e + PAYLOAD] = payload;
    this.n++;
    const b = Math.floor(time / this.bucketNs);
    if (b <= this.cur) this.heapPush(e);
    else if (b - this.cur < this.nBuckets) this.link(e, b);
    // Beyond the wheel: the overflow heap keeps (time, seq) order; its payload is the record.
    else {
      this.overflow.push(time, e);
      if (b < this.overflowBucket) this.overflowBucket = b;
    }
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    if (this.heapN === 0 && !this.advance()) return Infinity;
    return this.f64[F64_PER * this.heap[0]];
  }

  /** Removes the earliest event and returns its payload (-1 when empty). */
  pop(): number {
    if (this.heapN === 0 && !this.advance()) return -1;
    const e = this.heapPop();
    this.time = this.f64[F64_PER * e];
    return this.release(e);
  }

  /**
   * Removes the earliest event if it is due at or before `until`: returns its payload and sets
   * `time` to its time. Returns NONE (and removes nothing) when no event is due.
   */
  next(until: number): number {
    if (this.heapN === 0 && !this.advance()) return NONE;
    const e = this.heap[0];
    const t = this.f64[F64_PER * e];
    if (t > until) return NONE;
    this.time = t;
    this.heapPop();
    return this.release(e);
  }

  // ------------------------------------------------------------------ internals

  /** Returns record `e` to the free list and gives its payload. */
  private release(e: number): number {
    const i = I32_PER * e;
    const p = this.i32[i + PAYLOAD];
    this.i32[i + NEXT] = this.free;
    this.free = e;
    this.n--;
    return p;
  }

  private link(e: number, b: number): void {
    const slot = b & this.mask;
    this.i32[I32_PER * e + NEXT] = this.head[slot];
    this.head[slot] = e;
    this.bits[slot >> 5] |= 1 << (slot & 31);
    this.inWheel++;
  }

  /** Moves to the next non-empty bucket and loads it into the heap; false when nothing is left. */
  private advance(): boolean {
    for (;;) {
      if (this.inWheel === 0) {
        if (this.overflowBucket === Infinity) return false;
        // Jump to the overflow's earliest bucket.
        this.cur = this.overflowBucket;
        this.drainOverflow();
        if (this.heapN > 0) return true;
        continue;
      }
      // Next set bit after `cur` in the circular bitmap.
      let slot = (this.cur + 1) & this.mask;
      let steps = 1;
      for (;;) {
        const w = this.bits[slot >> 5] >>> (slot & 31);
        if (w !== 0) {
          const skip = 31 - Math.clz32(w & -w);
          slot += skip;
          steps += skip;
          break;
        }
        const toNextWord = 32 - (slot & 31);
        slot = (slot + toNextWord) & this.mask;
        steps += toNextWord;
      }
      this.cur += steps;
      if (this.overflowBucket - this.cur < this.nBuckets) this.drainOverflow();
      // Load the bucket's list into the heap.
      const s = this.cur & this.mask;
      let e = this.head[s];
      this.head[s] = NIL;
      this.bits[s >> 5] &= ~(1 << (s & 31));
      while (e !== NIL) {
        const nx = this.i32[I32_PER * e + NEXT];
        this.inWheel--;
        this.heapPush(e);
        e = nx;
      }
      if (this.heapN > 0) return true;
    }
  }

  /** Moves overflow events that now fall within the wheel's horizon onto the wheel or heap. */
  private drainOverflow(): void {
    const of = this.overflow;
    while (this.overflowBucket - this.cur < this.nBuckets) {
      const e = of.pop();
      const b = this.overflowBucket;
      if (b <= this.cur) this.heapPush(e);
      else this.link(e, b);
      this.overflowBucket = of.size === 0 ? Infinity : Math.floor(of.peekTime() / this.bucketNs);
    }
  }

  private less(a: number, b: number): boolean {
    const f = this.f64;
    const ta = f[F64_PER * a];
    const tb = f[F64_PER * b];
    return ta < tb || (ta === tb && f[F64_PER * a + 1] < f[F64_PER * b + 1]);
  }

  private heapPush(e: number): void {
    if (this.heapN === this.heap.length) {
      const h = new Int32Array(this.heap.length * 2);
      h.set(this.heap);
      this.heap = h;
    }
    const h = this.heap;
    let i = this.heapN++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(e, h[p])) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = e;
  }

  private heapPop(): number {
    const h = this.heap;
    const topE = h[0];
    const last = --this.heapN;
    if (last > 0) {
      const e = h[last];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= last) break;
        if (c + 1 < last && this.less(h[c + 1], h[c])) c++;
        if (!this.less(h[c], e)) break;
        h[i] = h[c];
        i = c;
      }
      h[i] = e;
    }
    return topE;
  }

  private growPool(): void {
    this.cap *= 2;
    const buf = new ArrayBuffer(this.cap * 8 * F64_PER);
    new Uint8Array(buf).set(new Uint8Array(this.f64.buffer));
    this.f64 = new Float64Array(buf);
    this.i32 = new Int32Array(buf);
  }
}
