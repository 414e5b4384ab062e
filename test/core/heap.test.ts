// EventHeap pops in total (time, insertion) order like a stable sort, ties included, across growth and interleaved push/pop.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHeap } from '../../src/core/heap.ts';

const SEED = 20240611;

/** Pushes (time, index) for every time, then pops everything; returns the payloads in pop order. */
function drain(times: number[], initialCapacity?: number): number[] {
  const h = new EventHeap(initialCapacity);
  times.forEach((t, i) => h.push(t, i));
  const out: number[] = [];
  while (h.size > 0) out.push(h.pop());
  return out;
}

/** The specified order: a stable sort by time keeps insertion order among ties. */
function expectedOrder(times: number[]): number[] {
  return times.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
}

describe('EventHeap', () => {
  it('pops in (time, insertion) order, matching a stable sort, with many ties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 300 }), (times) => {
        expect(drain(times, 16)).toEqual(expectedOrder(times));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('pops in order for wide-ranging safe-integer times', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeNat(), { maxLength: 200 }), (times) => {
        expect(drain(times)).toEqual(expectedOrder(times));
      }),
      { seed: SEED + 1, numRuns: 200 },
    );
  });

  it('serves equal times strictly first-in first-out', () => {
    const n = 1000;
    expect(drain(new Array<number>(n).fill(42), 16)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('grows past its initial capacity without losing or reordering entries', () => {
    const h = new EventHeap(16);
    const n = 5000;
    // descending times force every push to sift to the root
    for (let i = 0; i < n; i++) h.push(n - i, i);
    expect(h.size).toBe(n);
    for (let i = 0; i < n; i++) {
      expect(h.peekTime()).toBe(i + 1);
      expect(h.pop()).toBe(n - 1 - i);
    }
    expect(h.size).toBe(0);
  });

  it('treats a non-positive initial capacity as the minimum', () => {
    expect(drain([3, 1, 2], 0)).toEqual([1, 2, 0]);
    expect(drain([3, 1, 2], -5)).toEqual([1, 2, 0]);
  });

  it('returns -1 from pop and Infinity from peekTime when empty, also after draining and clear()', () => {
    const h = new EventHeap();
    expect(h.size).toBe(0);
    expect(h.pop()).toBe(-1);
    expect(h.peekTime()).toBe(Infinity);
    h.push(5, 9);
    expect(h.peekTime()).toBe(5);
    expect(h.peekPayload()).toBe(9);
    expect(h.pop()).toBe(9);
    expect(h.pop()).toBe(-1);
    expect(h.peekTime()).toBe(Infinity);
    h.push(1, 1);
    h.push(2, 2);
    h.clear();
    expect(h.size).toBe(0);
    expect(h.pop()).toBe(-1);
    expect(h.peekTime()).toBe(Infinity);
    // still orders correctly after clear, and ties after clear still go in push order
    h.push(7, 70);
    h.push(7, 71);
    h.push(3, 30);
    expect([h.pop(), h.pop(), h.pop()]).toEqual([30, 70, 71]);
  });

  it('interleaved pushes and pops agree with a sorted-list model', () => {
    type Op = { kind: 'push'; time: number } | { kind: 'pop' };
    const op = fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 20 }).map((time): Op => ({ kind: 'push', time })) },
      { weight: 2, arbitrary: fc.constant<Op>({ kind: 'pop' }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const h = new EventHeap(16);
        const model: Array<{ time: number; seq: number }> = [];
        let seq = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            h.push(o.time, seq);
            // insert after every entry with time <= o.time: keeps the model sorted by (time, seq)
            let at = model.length;
            while (at > 0 && model[at - 1].time > o.time) at--;
            model.splice(at, 0, { time: o.time, seq });
            seq++;
          } else {
            const want = model.shift();
            expect(h.peekTime()).toBe(want ? want.time : Infinity);
            if (want) expect(h.peekPayload()).toBe(want.seq);
            expect(h.pop()).toBe(want ? want.seq : -1);
          }
          expect(h.size).toBe(model.length);
        }
      }),
      { seed: SEED + 2, numRuns: 300 },
    );
  });
});
