// The news feed: a kernel agent that diffuses narratives (readings of events) to traders.
// Direct channel: for narrative n (of event e) and listener i of class c with gaps g_c and stable
// key k_i (its index within its class, never its kernel id, so adding an agent elsewhere moves no
// arrival), a stream stream(seed, 'news', n, c, k_i) decides once whether i hears n directly
// (u < reach(gI, floor_n), or the narrative's share for class c when it gives one) and when:
// t = start_n + D, D ~ s_{n,c} LogNormal(ln m(gO), sD) (see gaps.ts; s_{n,c} the narrative's delay
// scale for the class, default 1). Social channel (retail word of mouth): when a member of the
// network hears n (by any channel) at t, each neighbour j is told with probability pShare (the
// narrative's, else the channel's), at t + Exp(meanShareDelay), drawn from stream(seed,
// 'news-share', n, c, k_i); a listener hears each narrative at most once (the first arrival wins).
// Delivery is a MSG_NEWS message (a = event index, b = narrative index) sent through the kernel,
// so it reaches the trader after the link latencies and fires Trader.onNews. Nothing is ever
// delivered before the narrative's start, hence never before its event's time.
// Sources: Hong & Stein (1999) gradual information diffusion; word of mouth as in Shiller (2017).
import { exponential } from '../core/distributions.ts';
import { EventHeap } from '../core/heap.ts';
import { stream } from '../core/rng.ts';
import type { Agent, Kernel } from '../kernel/kernel.ts';
import { MSG_NEWS } from '../market/protocol.ts';
import { checkNews, type Narrative, type NewsEvent } from './event.ts';
import { checkGaps, DEFAULT_GAP_MAP, drawDelayNs, reach, type GapMapParams, type Gaps } from './gaps.ts';
import type { SocialNetwork } from './network.ts';

/** A trader that can hear news: its kernel id, investor class code and stable key within the class. */
export interface Listener {
  readonly id: number;
  readonly classId: number;
  /** Stable index within its class (e.g. symbol x 2^20 + index), the key of its news draws. */
  readonly key: number;
}

export interface SocialChannel {
  readonly network: SocialNetwork;
  /** Kernel id of the agent at each node (length network.n; each must be a listener). */
  readonly members: readonly number[];
  /** Probability that a member who heard a narrative tells a given neighbour. */
  readonly shareProbability: number;
  /** Mean of the exponential delay before telling, ns. */
  readonly meanShareDelayNs: number;
}

export interface NewsFeedOptions {
  /** Run seed; the feed's draws come from streams keyed by it. */
  readonly seed: number;
  readonly events: readonly NewsEvent[];
  readonly narratives: readonly Narrative[];
  /** Number of symbols (every narrative gives one value ratio per symbol). */
  readonly symbols: number;
  /** Gaps per investor class code; a class without gaps hears nothing directly. */
  readonly gapsByClass: readonly (Gaps | undefined)[];
  readonly listeners: readonly Listener[];
  readonly gapMap?: GapMapParams;
  readonly social?: SocialChannel;
}

/** When the listener of class `classId` with stable key `key` hears narrative `index` directly (ns), or -1 if it never does. */
export function directHearingNs(seed: number, index: number, classId: number, key: number, gaps: Gaps, narrative: Narrative, p: GapMapParams = DEFAULT_GAP_MAP): number {
  const rng = stream(seed, 'news', index, classId, key);
  const share = narrative.classShare?.[classId] ?? reach(gaps.information, narrative.reachFloor);
  if (rng.nextFloat() >= share) return -1;
  return narrative.startNs + Math.round((narrative.classDelayScale?.[classId] ?? 1) * drawDelayNs(rng, gaps.onSite, p));
}

export class NewsFeed implements Agent {
  id = -1;
  /** Messages delivered so far. */
  delivered = 0;
  private readonly heap = new EventHeap(1024);
  private readonly local: Int32Array;
  private readonly ids: Int32Array;
  /** heardAt[n * L + i]: time listener i heard narrative n (-1 = not yet). */
  private readonly heardAt: Float64Array;
  private readonly memberNode: Int32Array;
  private readonly gapMap: GapMapParams;

  constructor(private readonly o: NewsFeedOptions) {
    checkNews(o.events, o.narratives, o.symbols);
    o.gapsByClass.forEach((g, c) => g && checkGaps(g, `gapsByClass[${c}]`));
    this.gapMap = o.gapMap ?? DEFAULT_GAP_MAP;
    const L = o.listeners.length;
    let maxId = 0;
    for (const l of o.listeners) {
      if (!Number.isInteger(l.id) || l.id < 0) throw new RangeError(`listener id must be a kernel agent id (integer >= 0), got ${l.id}; add agents to the kernel first`);
      if (l.id > maxId) maxId = l.id;
    }
    this.local = new Int32Array(maxId + 1).fill(-1);
    this.ids = new Int32Array(L);
    o.listeners.forEach((l, i) => {
      if (this.local[l.id] !== -1) throw new RangeError(`listener id ${l.id} is given twice`);
      this.local[l.id] = i;
      this.ids[i] = l.id;
    });
    this.heardAt = new Float64Array(o.narratives.length * L).fill(-1);
    this.memberNode = new Int32Array(L).fill(-1);
    const s = o.social;
    if (s) {
      if (s.members.length !== s.network.n) throw new RangeError(`social.members must name one agent per node (${s.network.n}), got ${s.members.length}`);
      if (!(s.shareProbability >= 0 && s.shareProbability <= 1)) throw new RangeError(`social.shareProbability must be in [0, 1], got ${s.shareProbability}`);
      if (!(s.meanShareDelayNs >= 0)) throw new RangeError(`social.meanShareDelayNs must be >= 0, got ${s.meanShareDelayNs}`);
      s.members.forEach((id, node) => {
        const i = id >= 0 && id < this.local.length ? this.local[id] : -1;
        if (i < 0) throw new RangeError(`social.members[${node}] = ${id} is not a listener`);
        this.memberNode[i] = node;
      });
    }
  }

  start(k: Kernel): void {
    const o = this.o;
    const L = o.listeners.length;
    for (let n = 0; n < o.narratives.length; n++) {
      const nar = o.narratives[n];
      for (let i = 0; i < L; i++) {
        const l = o.listeners[i];
        const g = o.gapsByClass[l.classId];
        if (g === undefined) continue;
        const t = directHearingNs(o.seed, n, l.classId, l.key, g, nar, this.gapMap);
        if (t >= 0) this.heap.push(t, n * L + i);
      }
    }
    if (this.heap.size > 0) k.wakeAt(this.id, this.heap.peekTime());
  }

  wake(k: Kernel): void {
    const heap = this.heap;
    const L = this.o.listeners.length;
    while (heap.size > 0 && heap.peekTime() <= k.now) {
      const p = heap.pop();
      const n = Math.floor(p / L);
      this.deliver(k, n, p - n * L);
    }
    if (heap.size > 0) k.wakeAt(this.id, heap.peekTime());
  }

  receive(): void {}

  /** Time (ns) agent `agentId` heard narrative `n` (-1 if it has not). */
  heardAtNs(n: number, agentId: number): number {
    const i = agentId < this.local.length ? this.local[agentId] : -1;
    return i < 0 ? -1 : this.heardAt[n * this.o.listeners.length + i];
  }

  /** Listeners that have heard narrative `n` so far. */
  heardCount(n: number): number {
    const L = this.o.listeners.length;
    let c = 0;
    for (let i = 0; i < L; i++) if (this.heardAt[n * L + i] >= 0) c++;
    return c;
  }

  private deliver(k: Kernel, n: number, i: number): void {
    const L = this.o.listeners.length;
    if (this.heardAt[n * L + i] >= 0) return;
    this.heardAt[n * L + i] = k.now;
    const agent = this.ids[i];
    const slot = k.send(this.id, agent, MSG_NEWS);
    k.msgs.a[slot] = this.o.narratives[n].event;
    k.msgs.b[slot] = n;
    this.delivered++;
    const s = this.o.social;
    const node = this.memberNode[i];
    const pShare = this.o.narratives[n].shareProbability ?? s?.shareProbability ?? 0;
    if (s === undefined || node < 0 || pShare === 0) return;
    const l = this.o.listeners[i];
    const rng = stream(this.o.seed, 'news-share', n, l.classId, l.key);
    const g = s.network;
    for (let q = g.offsets[node]; q < g.offsets[node + 1]; q++) {
      const j = this.local[s.members[g.neighbours[q]]];
      if (rng.nextFloat() >= pShare) continue;
      const d = Math.round(exponential(rng, s.meanShareDelayNs));
      if (this.heardAt[n * L + j] < 0) this.heap.push(k.now + d, n * L + j);
    }
  }
}
