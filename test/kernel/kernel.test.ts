// The kernel's total event order, per-agent latency, timers and message delivery.
import { describe, expect, it } from 'vitest';
import { Kernel, type Agent } from '../../src/kernel/index.ts';

/** An agent that logs what happens to it and runs a script on start. */
class Probe implements Agent {
  id = -1;
  log: string[] = [];
  constructor(
    private readonly onStart: (k: Kernel, self: Probe) => void = () => {},
    private readonly onWake: (k: Kernel, self: Probe) => void = () => {},
  ) {}
  start(k: Kernel): void {
    this.onStart(k, this);
  }
  wake(k: Kernel): void {
    this.log.push(`wake@${k.now}`);
    this.onWake(k, this);
  }
  receive(k: Kernel, slot: number): void {
    this.log.push(`msg${k.msgs.kind[slot]}(${k.msgs.a[slot]}) from ${k.msgs.from[slot]} @${k.now}`);
  }
}

describe('Kernel', () => {
  it('serves events by time, then in the order they were scheduled', () => {
    const order: string[] = [];
    const k = new Kernel();
    const mk = (name: string) =>
      k.add(
        new Probe(
          () => {},
          () => order.push(`${name}@${k.now}`),
        ),
      );
    const a = mk('a');
    const b = mk('b');
    const c = mk('c');
    k.wakeAt(c.id, 10);
    k.wakeAt(a.id, 5);
    k.wakeAt(b.id, 10);
    k.wakeAt(a.id, 10);
    k.wakeAt(b.id, 1);
    k.run(100);
    expect(order).toEqual(['b@1', 'a@5', 'c@10', 'b@10', 'a@10']);
    expect(k.events).toBe(5);
  });

  it('delivers a message after the sum of both link latencies', () => {
    const k = new Kernel();
    const sender = k.add(
      new Probe((kk, self) => {
        const s = kk.send(self.id, receiver.id, 7);
        kk.msgs.a[s] = 42;
      }),
      300,
    );
    const receiver = k.add(new Probe(), 1_000);
    k.run(10_000);
    expect(receiver.log).toEqual([`msg7(42) from ${sender.id} @1300`]);
    expect(k.msgs.live).toBe(0);
    expect(k.events).toBe(1);
    expect(k.wakeups).toBe(0);
  });

  it('serves the same order whatever the wheel (bucket width and count change speed only)', () => {
    const trace = (options: { bucketNs?: number; buckets?: number }) => {
      const k = new Kernel(options);
      const log: string[] = [];
      const ps: Probe[] = [];
      for (let i = 0; i < 4; i++) {
        ps.push(k.add(new Probe(
          (kk, self) => kk.wakeAt(self.id, 7 * i),
          (kk, self) => {
            log.push(`${self.id}@${kk.now}`);
            if (self.log.filter((l) => l.startsWith('wake')).length < 40) kk.wakeIn(self.id, [3, 1_000_000, 300_000_000, 999_999_999][i] + (kk.now % 5));
            const s = kk.send(self.id, ps[(self.id + 1) % 4].id, 1);
            kk.msgs.a[s] = kk.now;
          },
        ), i * 10));
      }
      k.run(Infinity);
      return { log: log.concat(ps.flatMap((p) => p.log)), events: k.events, wakeups: k.wakeups };
    };
    const ref = trace({});
    expect(ref.wakeups).toBe(4 * 40);
    expect(ref.events).toBe(2 * ref.wakeups);
    expect(trace({ bucketNs: 1, buckets: 32 })).toEqual(ref);
    expect(trace({ bucketNs: 1_000_000, buckets: 1 << 18 })).toEqual(ref);
  });

  it('keeps one latency per agent (memory linear in agents) for many agents', () => {
    const k = new Kernel();
    const probes: Probe[] = [];
    for (let i = 0; i < 5000; i++) probes.push(k.add(new Probe(), i));
    for (let i = 0; i < 5000; i += 997) expect(k.latencyOf(probes[i].id)).toBe(i);
  });

  it('stops at `until` and resumes later without losing events', () => {
    const k = new Kernel();
    const p = k.add(
      new Probe(
        (kk, self) => kk.wakeAt(self.id, 10),
        (kk, self) => {
          if (kk.now < 50) kk.wakeIn(self.id, 10);
        },
      ),
    );
    k.run(25);
    expect(p.log).toEqual(['wake@10', 'wake@20']);
    expect(k.now).toBe(25);
    k.run(1000);
    expect(p.log).toEqual(['wake@10', 'wake@20', 'wake@30', 'wake@40', 'wake@50']);
  });

  it('never schedules into the past and reuses message slots', () => {
    const k = new Kernel();
    const p = k.add(new Probe());
    k.run(100);
    k.wakeAt(p.id, 3);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 1000; i++) k.send(p.id, p.id, 1);
      k.run(k.now + 1);
    }
    expect(p.log[0]).toBe('wake@100');
    expect(p.log.length).toBe(3001);
    expect(k.msgs.live).toBe(0);
    expect(k.msgs.kind.length).toBeLessThan(4096);
  });

  it('rejects a negative or fractional latency', () => {
    const k = new Kernel();
    expect(() => k.add(new Probe(), -1)).toThrow(/latency must be a non-negative integer of ns, got -1/);
    expect(() => k.add(new Probe(), 0.5)).toThrow(/got 0.5/);
  });
});
