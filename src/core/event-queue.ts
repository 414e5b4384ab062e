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

import { EventHeap } from './heap.ts';

const NIL = -1;

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
  // Event pool: time, sequence, payload, next-in-bucket; free list through `next`.
  private time: Float64Array;
  private seq: Float64Array;
  private payload: Int32Array;
  private next: Int32Array;
  private free = NIL;
  private top = 0;
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
    const cap = 4096;
    this.time = new Float64Array(cap);
    this.seq = new Float64Array(cap);
    this.payload = new Int32Array(cap);
    this.next = new Int32Array(cap);
    this.heap = new Int32Array(256);
  }

  get size(): number {
    return this.n;
  }

  /** Adds an event at `time` (not earlier than the last event served); ties keep push order. */
  push(time: number, payload: number): void {
    const seq = this.nextSeq++;
    this.n++;
    const b = Math.floor(time / this.bucketNs);
    if (b - this.cur >= this.nBuckets) {
      // Beyond the wheel: the overflow heap keeps (time, seq) order; payload is the pool index.
      const e = this.alloc(time, seq, payload);
      this.overflow.push(time, e);
      return;
    }
    const e = this.alloc(time, seq, payload);
    if (b <= this.cur) this.heapPush(e);
    else this.link(e, b);
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    if (this.heapN === 0 && !this.advance()) return Infinity;
    return this.time[this.heap[0]];
  }

  /** Removes the earliest event and returns its payload (-1 when empty). */
  pop(): number {
    if (this.heapN === 0 && !this.advance()) return -1;
    const e = this.heapPop();
    const p = this.payload[e];
    this.next[e] = this.free;
    this.free = e;
    this.n--;
    return p;
  }

  // ------------------------------------------------------------------ internals

  private alloc(time: number, seq: number, payload: number): number {
    let e = this.free;
    if (e !== NIL) this.free = this.next[e];
    else {
      if (this.top === this.time.length) this.growPool();
      e = this.top++;
    }
    this.time[e] = time;
    this.seq[e] = seq;
    this.payload[e] = payload;
    return e;
  }

  private link(e: number, b: number): void {
    const slot = b & this.mask;
    this.next[e] = this.head[slot];
    this.head[slot] = e;
    this.bits[slot >> 5] |= 1 << (slot & 31);
    this.inWheel++;
  }

  /** Moves to the next non-empty bucket and loads it into the heap; false when nothing is left. */
  private advance(): boolean {
    for (;;) {
      if (this.inWheel === 0) {
        if (this.overflow.size === 0) return false;
        // Jump to the overflow's earliest bucket.
        this.cur = Math.floor(this.overflow.peekTime() / this.bucketNs);
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
      this.drainOverflow();
      // Load the bucket's list into the heap.
      const s = this.cur & this.mask;
      let e = this.head[s];
      this.head[s] = NIL;
      this.bits[s >> 5] &= ~(1 << (s & 31));
      while (e !== NIL) {
        const nx = this.next[e];
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
    while (of.size > 0 && Math.floor(of.peekTime() / this.bucketNs) - this.cur < this.nBuckets) {
      const e = of.pop();
      const b = Math.floor(this.time[e] / this.bucketNs);
      if (b <= this.cur) this.heapPush(e);
      else this.link(e, b);
    }
  }

  private less(a: number, b: number): boolean {
    const ta = this.time[a];
    const tb = this.time[b];
    return ta < tb || (ta === tb && this.seq[a] < this.seq[b]);
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
    const cap = this.time.length * 2;
    const t = new Float64Array(cap);
    t.set(this.time);
    this.time = t;
    const s = new Float64Array(cap);
    s.set(this.seq);
    this.seq = s;
    const p = new Int32Array(cap);
    p.set(this.payload);
    this.payload = p;
    const nx = new Int32Array(cap);
    nx.set(this.next);
    this.next = nx;
  }
}
