// Zero-intelligence background flow (Gode & Sunder 1993; the flow of Farmer, Patelli & Zovko
// 2005 in spirit). Rule, at each wake-up, with u ~ U(0,1) from the agent's own stream:
//   u < pCancel                 -> cancel its oldest live order (if any)
//   u < pCancel + pMarket       -> market order, side 50/50, qty ~ U{1..maxQty}
//   otherwise                   -> limit order, side 50/50, qty ~ U{1..maxQty}, at
//       price = ref - s * (1 + floor(Exp(offsetMean)))   for a buy (s = 1; mirror for a sell),
//       where ref is the mid (or last trade); with probability pCross the price instead sits
//       0..2 ticks through the opposite touch (a marketable limit).
// Next wake-up after Exp(meanWakeNs) / m, where m >= 1 is the shared attention's activity
// multiplier (attention.ts; m = 1 without one). Prices never go below 1 tick.
// With a shared Activity (activity.ts) the rule changes in three ways (all off without one):
//   - m = u(time of day) R(regime) m_attention, observed at the start of the wake-up; while the
//     session is closed (u = 0) the trader does nothing and sleeps to the next pre-open lead;
//   - ref = mid + w (V - mid) for limit prices, V the activity's consensus reference and
//     w = referenceWeight (0: the live mid, as before);
//   - orders older than maxAgeNs are cancelled first at a wake-up (oldest first), so the book
//     forgets stale prices (finite order lifetime; Farmer, Patelli & Zovko 2005 use a constant
//     cancellation rate per order for the same purpose).

import { exponential, uniformInt } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import { InvestorClass } from './classes.ts';
import type { Activity } from './activity.ts';
import type { Attention } from './attention.ts';
import { Trader } from './trader.ts';

export interface ZeroIntelligenceParams {
  symbol: number;
  meanWakeNs: number;
  pCancel: number;
  pMarket: number;
  pCross: number;
  offsetMean: number;
  maxQty: number;
  /** Live orders remembered for cancelling (oldest cancelled first). */
  maxLive: number;
  /** Shared market attention: when given, the wake-up rate is multiplied by its activity level. */
  attention?: Attention;
  /** Shared activity clock, regime and consensus reference (activity.ts); absent = none. */
  activity?: Activity;
  /** w: weight of the activity's reference V in the limit-price reference (0..1, default 0). */
  referenceWeight?: number;
  /** Orders older than this (ns) are cancelled at the next wake-up; default none. */
  maxAgeNs?: number;
  /**
   * Where the ring of live orders lives: 2 maxLive numbers from `offset` of `data` (slot j: the
   * order id at 2j, its submission time at 2j + 1). A population shares one array (ZiRings), so
   * a wake-up reads its ring in one cache line of an array already in cache instead of chasing
   * two arrays of its own; default an array of its own.
   */
  ring?: { data: Float64Array; offset: number };
}

/** One array holding the rings of live orders of `agents` noise traders, `maxLive` orders each. */
export class ZiRings {
  readonly data: Float64Array;
  constructor(
    agents: number,
    private readonly maxLive: number,
  ) {
    this.data = new Float64Array(2 * Math.max(1, maxLive) * agents);
  }
  /** The ring of agent `i` of the population. */
  ring(i: number): { data: Float64Array; offset: number } {
    return { data: this.data, offset: 2 * Math.max(1, this.maxLive) * i };
  }
}

export class ZeroIntelligence extends Trader {
  readonly classId = InvestorClass.NOISE;
  /** The rule reads no reply (its live list forgets orders as they age, not as they fill). */
  override readonly settlesAtExchange = true;
  // The parameters the wake-up reads, copied into the agent so a wake-up touches the agent, its
  // stream and its ring, not the params object as well (10,000 agents do not fit in cache).
  private readonly symbol: number;
  private readonly meanWakeNs: number;
  private readonly pCancel: number;
  /** pCancel + pMarket, as the rule compares it. */
  private readonly pCancelMarket: number;
  private readonly pCross: number;
  private readonly offsetMean: number;
  private readonly maxQty: number;
  private readonly attention: Attention | null;
  private readonly activity: Activity | null;
  private readonly referenceWeight: number;
  private readonly maxAgeNs: number;
  /** The live orders, oldest at `head`: maxLive slots of (id, submission time) from `base` (params.ring). */
  private readonly ring: Float64Array;
  private readonly base: number;
  /** maxLive: slots in the ring. */
  private readonly slots: number;
  /** True when orders age out (maxAgeNs finite): submission times are read. */
  private readonly ages: boolean;
  private head = 0;
  private count = 0;

  constructor(
    exchange: Exchange,
    symbols: number,
    private readonly rng: RandomSource,
    private readonly p: ZeroIntelligenceParams,
  ) {
    super(exchange, symbols);
    this.symbol = p.symbol;
    this.meanWakeNs = p.meanWakeNs;
    this.pCancel = p.pCancel;
    this.pCancelMarket = p.pCancel + p.pMarket;
    this.pCross = p.pCross;
    this.offsetMean = p.offsetMean;
    this.maxQty = p.maxQty;
    this.attention = p.attention ?? null;
    this.slots = Math.max(1, p.maxLive);
    const ring = p.ring ?? new ZiRings(1, this.slots).ring(0);
    if (!(ring.offset >= 0 && ring.offset + 2 * this.slots <= ring.data.length)) throw new RangeError(`ring: ${2 * this.slots} numbers from offset ${ring.offset} do not fit an array of ${ring.data.length}`);
    this.ring = ring.data;
    this.base = ring.offset;
    this.activity = p.activity ?? null;
    this.referenceWeight = p.referenceWeight ?? 0;
    this.maxAgeNs = p.maxAgeNs ?? Infinity;
    if (!(this.referenceWeight >= 0 && this.referenceWeight <= 1)) throw new RangeError(`referenceWeight must be in [0, 1], got ${p.referenceWeight}`);
    if (!(this.maxAgeNs > 0)) throw new RangeError(`maxAgeNs must be > 0, got ${p.maxAgeNs}`);
    this.ages = Number.isFinite(this.maxAgeNs);
  }

  start(k: Kernel): void {
    k.wakeIn(this.id, Math.floor(exponential(this.rng, this.meanWakeNs)));
  }

  wake(k: Kernel): void {
    const rng = this.rng;
    const symbol = this.symbol;
    const ring = this.ring;
    const base = this.base;
    const activity = this.activity;
    let level = 1;
    let ref = NaN;
    if (activity !== null) {
      const mid = this.exchange.mid(symbol);
      const att = this.attention === null ? 1 : this.attention.observe(k.now, mid);
      level = activity.advance(k.now, att, mid);
      if (level === 0) {
        k.wakeIn(this.id, activity.nextOpen(k.now) - k.now + Math.max(1, Math.floor(exponential(rng, this.meanWakeNs))));
        return;
      }
      if (this.referenceWeight > 0) {
        const v = activity.reference();
        if (v > 0 && mid > 0) ref = mid + this.referenceWeight * (v - mid);
      }
    }
    if (this.ages) {
      const oldest = k.now - this.maxAgeNs;
      while (this.count > 0 && ring[base + 2 * this.head + 1] <= oldest) {
        const id = ring[base + 2 * this.head];
        if (++this.head === this.slots) this.head = 0;
        this.count--;
        this.cancel(k, symbol, id);
      }
    }
    const u = rng.nextFloat();
    if (u < this.pCancel) {
      if (this.count > 0) {
        const id = ring[base + 2 * this.head];
        if (++this.head === this.slots) this.head = 0;
        this.count--;
        this.cancel(k, symbol, id);
      }
    } else {
      const side = rng.nextU32() & 1;
      const qty = uniformInt(rng, 1, this.maxQty);
      if (u < this.pCancelMarket) {
        this.market(k, symbol, side, qty);
      } else {
        const ex = this.exchange;
        let price: number;
        if (rng.nextFloat() < this.pCross) {
          const touch = side === 0 ? ex.bestAsk(symbol) : ex.bestBid(symbol);
          const through = uniformInt(rng, 0, 2);
          const ref = touch ?? ex.last[symbol];
          price = side === 0 ? ref + through : ref - through;
        } else {
          const offset = 1 + Math.floor(exponential(rng, this.offsetMean));
          const mid = ref === ref ? ref : ex.mid(symbol);
          price = side === 0 ? Math.floor(mid) - offset + 1 : Math.ceil(mid) + offset - 1;
        }
        if (price < 1) price = 1;
        const id = this.limit(k, symbol, side, price, qty);
        const n = this.slots;
        if (this.count === n) {
          // Forget the oldest: it stays in the book until it trades.
          if (++this.head === n) this.head = 0;
          this.count--;
        }
        let at = this.head + this.count;
        if (at >= n) at -= n;
        ring[base + 2 * at] = id;
        ring[base + 2 * at + 1] = k.now;
        this.count++;
      }
    }
    if (activity === null) {
      const attention = this.attention;
      level = attention === null ? 1 : attention.observe(k.now, this.exchange.mid(symbol));
    }
    k.wakeIn(this.id, Math.max(1, Math.floor(exponential(rng, this.meanWakeNs) / level)));
  }
}
