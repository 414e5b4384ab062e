// The discrete-event kernel: one clock in integer nanoseconds, one event queue with a total order
// (time, then the order events were scheduled; core/event-queue.ts), agents woken by their own timers and by
// messages. A message from agent A to agent B arrives after latency[A] + latency[B]: each agent
// has one link latency to the network, so latency costs O(N) memory, not an N x N matrix.
// The loop allocates nothing per event: timers and messages are integers in typed arrays.

import { EventQueue, NONE } from '../core/event-queue.ts';
import { MessagePool } from './messages.ts';

/** What every participant implements; the kernel calls it, it calls the kernel back. */
export interface Agent {
  /** Index in the kernel's agent table, set by `Kernel.add`. */
  id: number;
  /** Called once when the run starts (schedule the first wake-up here). */
  start(kernel: Kernel): void;
  /** A timer this agent set has fired. */
  wake(kernel: Kernel): void;
  /** A message has arrived; read its fields from `kernel.msgs` at `slot` (valid during this call). */
  receive(kernel: Kernel, slot: number): void;
}

export interface KernelOptions {
  /** Time the run starts at (ns). */
  start?: number;
  /**
   * Event-queue wheel: bucket width (ns) and bucket count (a power of two). The defaults, 4 ms x
   * 2^16 (a 262 s horizon in 256 KB of bucket heads), keep the wheel in cache for a day of
   * wake-ups a minute apart; they change speed only, never the order of events.
   */
  bucketNs?: number;
  buckets?: number;
}

export class Kernel {
  /** Current simulated time (ns from the run's start). */
  now = 0;
  /** Events dispatched so far. */
  events = 0;
  /** Of those, timer wake-ups (the rest are messages). */
  wakeups = 0;
  readonly msgs = new MessagePool();
  readonly agents: Agent[] = [];
  private latency = new Float64Array(16);
  private readonly heap: EventQueue;
  private nextOrder = 0;
  private running = false;

  constructor(options: KernelOptions = {}) {
    this.now = options.start ?? 0;
    this.heap = new EventQueue({ bucketNs: options.bucketNs ?? 4_000_000, buckets: options.buckets ?? 1 << 16 });
  }

  /** Adds an agent with its link latency (ns) and returns its id. */
  add<A extends Agent>(agent: A, latencyNs = 0): A {
    if (!(latencyNs >= 0) || !Number.isSafeInteger(latencyNs)) throw new RangeError(`latency must be a non-negative integer of ns, got ${latencyNs}`);
    const id = this.agents.length;
    agent.id = id;
    this.agents.push(agent);
    if (id === this.latency.length) {
      const next = new Float64Array(this.latency.length * 2);
      next.set(this.latency);
      this.latency = next;
    }
    this.latency[id] = latencyNs;
    return agent;
  }

  latencyOf(agentId: number): number {
    return this.latency[agentId];
  }

  /** A fresh order id, unique in this run (1, 2, 3, ... in the order they are asked for). */
  nextOrderId(): number {
    return ++this.nextOrder;
  }

  /** Wakes `agentId` at absolute time `time` (never earlier than now). */
  wakeAt(agentId: number, time: number): void {
    const t = time < this.now ? this.now : Math.floor(time);
    this.heap.push(t, -1 - agentId);
  }

  /** Wakes `agentId` after `delay` ns. */
  wakeIn(agentId: number, delay: number): void {
    this.wakeAt(agentId, this.now + delay);
  }

  /**
   * Sends a message; it arrives after both agents' link latencies plus `extraDelay`. Fill the
   * returned slot's fields (a..f) before the current event ends.
   */
  send(from: number, to: number, kind: number, extraDelay = 0): number {
    const m = this.msgs;
    const slot = m.alloc();
    m.kind[slot] = kind;
    m.from[slot] = from;
    m.to[slot] = to;
    this.heap.push(this.now + this.latency[from] + this.latency[to] + extraDelay, slot);
    return slot;
  }

  /** Starts every agent, then dispatches events up to and including time `until`. */
  run(until: number): void {
    if (!this.running) {
      this.running = true;
      for (const a of this.agents) a.start(this);
    }
    const heap = this.heap;
    const agents = this.agents;
    const msgs = this.msgs;
    for (let p = heap.next(until); p !== NONE; p = heap.next(until)) {
      this.now = heap.time;
      this.events++;
      if (p < 0) {
        this.wakeups++;
        agents[-1 - p].wake(this);
      } else {
        agents[msgs.to[p]].receive(this, p);
        msgs.release(p);
      }
    }
    if (this.now < until && until !== Infinity) this.now = until;
  }

  /** Events still scheduled. */
  get pending(): number {
    return this.heap.size;
  }
}
