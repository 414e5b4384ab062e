// The timing-wheel event queue serves events in exactly the (time, insertion) order of the
// reference EventHeap, across bucket boundaries, the overflow horizon, long idle gaps and pushes
// made while a bucket is being served.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHeap } from '../../src/core/heap.ts';
import { EventQueue, NONE } from '../../src/core/event-queue.ts';

type Op = { push: true; delay: number } | { push: false };

/** Runs the same operations (pushes at now + delay, pops) on both queues; returns both logs. */
function drive(ops: Op[], q: EventQueue): [number[], number[]] {
  const ref = new EventHeap(16);
  const a: number[] = [];
  const b: number[] = [];
  let now = 0;
  let id = 0;
  for (const op of ops) {
    if (op.push) {
      q.push(now + op.delay, id);
      ref.push(now + op.delay, id);
      id++;
    } else {
      expect(q.peekTime()).toBe(ref.peekTime());
      if (ref.size === 0) continue;
      now = ref.peekTime();
      a.push(q.pop());
      b.push(ref.pop());
    }
  }
  while (ref.size > 0) {
    expect(q.peekTime()).toBe(ref.peekTime());
    a.push(q.pop());
    b.push(ref.pop());
  }
  expect(q.size).toBe(0);
  expect(q.pop()).toBe(-1);
  expect(q.peekTime()).toBe(Infinity);
  return [a, b];
}

describe('EventQueue', () => {
  const delay = fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: 50 }), // same or next small bucket (bucketNs 10 below)
    fc.integer({ min: 0, max: 2_000 }), // across the wheel (32 buckets x 10 ns)
    fc.integer({ min: 0, max: 1_000_000 }), // far beyond: overflow and idle jumps
  );
  const op = fc.oneof(
    fc.record({ push: fc.constant(true as const), delay }),
    fc.record({ push: fc.constant(false as const) }),
  );

  it('matches the reference heap order on random workloads (small wheel: overflow exercised)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const [got, want] = drive(ops, new EventQueue({ bucketNs: 10, buckets: 32 }));
        expect(got).toEqual(want);
      }),
      { numRuns: 2000, seed: 20250127 },
    );
  });

  it('matches the reference heap with the default wheel over a simulated day', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), fc.integer({ min: 0, max: 3e13 }), (ops, start) => {
        const shifted: Op[] = [{ push: true, delay: start }, { push: false }, ...ops];
        const [got, want] = drive(shifted, new EventQueue());
        expect(got).toEqual(want);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('serves equal times first-in first-out and grows past its pools', () => {
    const q = new EventQueue({ bucketNs: 1000, buckets: 64 });
    for (let i = 0; i < 10_000; i++) q.push(5_000 + (i % 3) * 1_000_000, i);
    const out: number[] = [];
    while (q.size) out.push(q.pop());
    const want = [...Array(10_000).keys()].sort((x, y) => (x % 3) - (y % 3) || x - y);
    expect(out).toEqual(want);
  });

  it('rejects a bad configuration naming the value', () => {
    expect(() => new EventQueue({ buckets: 100 })).toThrow(/buckets must be a power of two >= 32, got 100/);
    expect(() => new EventQueue({ bucketNs: 0.5 })).toThrow(/bucketNs must be a positive integer, got 0.5/);
  });
});

describe('EventQueue.next(until)', () => {
  it('pops exactly what peekTime/pop would while due, and nothing after `until`', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 200 }), fc.integer({ min: 0, max: 5_000 }), (times, until) => {
        const a = new EventQueue({ bucketNs: 10, buckets: 32 });
        const b = new EventQueue({ bucketNs: 10, buckets: 32 });
        times.forEach((t, i) => {
          a.push(t, i);
          b.push(t, i);
        });
        const got: [number, number][] = [];
        for (let p = a.next(until); p !== NONE; p = a.next(until)) got.push([a.time, p]);
        const want: [number, number][] = [];
        while (b.size > 0 && b.peekTime() <= until) {
          const t = b.peekTime();
          want.push([t, b.pop()]);
        }
        expect(got).toEqual(want);
        expect(a.size).toBe(b.size);
      }),
      { numRuns: 500, seed: 20261128 },
    );
  });
});
