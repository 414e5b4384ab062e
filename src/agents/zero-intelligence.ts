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
import type { RandomSource, Xoshiro128 } from '../core/rng.ts';
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
}

/**
 * The rule's parameters, checked once, for every noise trader that shares them (a scenario makes
 * one per symbol). A wake-up reads them from this one object, which stays in cache, while each
 * agent holds only its own state: with 10,000-100,000 agents, per-agent copies of the parameters
 * (and their boxed doubles) were cache misses at every wake-up.
 */
export class ZiRule {
  readonly symbol: number;
  readonly meanWakeNs: number;
  readonly pCancel: number;
  /** pCancel + pMarket, as the rule compares it. */
  readonly pCancelMarket: number;
  readonly pCross: number;
  readonly offsetMean: number;
  readonly maxQty: number;
  readonly attention: Attention | null;
  readonly activity: Activity | null;
  readonly referenceWeight: number;
  readonly maxAgeNs: number;
  /** True when orders age out (maxAgeNs finite): submission times are read. */
  readonly ages: boolean;
  /** maxLive: slots in each trader's ring. */
  readonly slots: number;

  constructor(p: ZeroIntelligenceParams) {
    this.symbol = p.symbol;
    this.meanWakeNs = p.meanWakeNs;
    this.pCancel = p.pCancel;
    this.pCancelMarket = p.pCancel + p.pMarket;
    this.pCross = p.pCross;
    this.offsetMean = p.offsetMean;
    this.maxQty = p.maxQty;
    this.attention = p.attention ?? null;
    this.activity = p.activity ?? null;
    this.referenceWeight = p.referenceWeight ?? 0;
    this.maxAgeNs = p.maxAgeNs ?? Infinity;
    this.slots = Math.max(1, p.maxLive);
    if (!(this.referenceWeight >= 0 && this.referenceWeight <= 1)) throw new RangeError(`referenceWeight must be in [0, 1], got ${p.referenceWeight}`);
    if (!(this.maxAgeNs > 0)) throw new RangeError(`maxAgeNs must be > 0, got ${p.maxAgeNs}`);
    this.ages = Number.isFinite(this.maxAgeNs);
  }
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

/**
 * A noise trader. It is its own random source: the state of the stream it is given is copied
 * into its own fields and stepped exactly as Xoshiro128 steps it (the same draws), so a wake-up
 * touches the agent, the shared rule and its ring, not a separate generator object as well.
 */
export class ZeroIntelligence extends Trader implements RandomSource {
  readonly classId = InvestorClass.NOISE;
  /** The rule reads no reply (its live list forgets orders as they age, not as they fill). */
  override readonly settlesAtExchange = true;
  private readonly rule: ZiRule;
  /**
   * The live orders, oldest at `head`: rule.slots slots of (id, submission time) from `base` of
   * `ring`. A population shares one array (ZiRings), so a wake-up reads its ring in one cache
   * line of an array already in cache; by default an array of its own.
   */
  private readonly ring: Float64Array;
  private readonly base: number;
  private head = 0;
  private count = 0;
  // The stream's xoshiro128** state (core/rng.ts).
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(
    exchange: Exchange,
    symbols: number,
    rng: Xoshiro128,
    p: ZeroIntelligenceParams | ZiRule,
    ring?: { data: Float64Array; offset: number },
  ) {
    super(exchange, symbols);
    this.rule = p instanceof ZiRule ? p : new ZiRule(p);
    const slots = this.rule.slots;
    const r = ring ?? new ZiRings(1, slots).ring(0);
    if (!(r.offset >= 0 && r.offset + 2 * slots <= r.data.length)) throw new RangeError(`ring: ${2 * slots} numbers from offset ${r.offset} do not fit an array of ${r.data.length}`);
    this.ring = r.data;
    this.base = r.offset;
    const [s0, s1, s2, s3] = rng.state();
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  // The step of Xoshiro128.nextU32 (core/rng.ts), written out again rather than shared through one
  // function of both classes: folded into one function that sees both object shapes, the
  // 10,000-agent day took 7.73 instead of 7.24 CPU seconds (medians of 5 alternating runs; all
  // five slower). A test checks that the two give the same draws.
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

  start(k: Kernel): void {
    k.wakeIn(this.id, Math.floor(exponential(this, this.rule.meanWakeNs)));
  }

  wake(k: Kernel): void {
    const rule = this.rule;
    const symbol = rule.symbol;
    const ring = this.ring;
    const base = this.base;
    const activity = rule.activity;
    let level = 1;
    let ref = NaN;
    if (activity !== null) {
      const mid = this.exchange.mid(symbol);
      const att = rule.attention === null ? 1 : rule.attention.observe(k.now, mid);
      level = activity.advance(k.now, att, mid);
      if (level === 0) {
        k.wakeIn(this.id, activity.nextOpen(k.now) - k.now + Math.max(1, Math.floor(exponential(this, rule.meanWakeNs))));
        return;
      }
      if (rule.referenceWeight > 0) {
        const v = activity.reference();
        if (v > 0 && mid > 0) ref = mid + rule.referenceWeight * (v - mid);
      }
    }
    const slots = rule.slots;
    if (rule.ages) {
      const oldest = k.now - rule.maxAgeNs;
      while (this.count > 0 && ring[base + 2 * this.head + 1] <= oldest) {
        const id = ring[base + 2 * this.head];
        if (++this.head === slots) this.head = 0;
        this.count--;
        this.cancel(k, symbol, id);
      }
    }
    const u = this.nextFloat();
    if (u < rule.pCancel) {
      if (this.count > 0) {
        const id = ring[base + 2 * this.head];
        if (++this.head === slots) this.head = 0;
        this.count--;
        this.cancel(k, symbol, id);
      }
    } else {
      const side = this.nextU32() & 1;
      const qty = uniformInt(this, 1, rule.maxQty);
      if (u < rule.pCancelMarket) {
        this.market(k, symbol, side, qty);
      } else {
        const ex = this.exchange;
        let price: number;
        if (this.nextFloat() < rule.pCross) {
          const touch = side === 0 ? ex.bestAsk(symbol) : ex.bestBid(symbol);
          const through = uniformInt(this, 0, 2);
          const ref = touch ?? ex.last[symbol];
          price = side === 0 ? ref + through : ref - through;
        } else {
          const offset = 1 + Math.floor(exponential(this, rule.offsetMean));
          const mid = ref === ref ? ref : ex.mid(symbol);
          price = side === 0 ? Math.floor(mid) - offset + 1 : Math.ceil(mid) + offset - 1;
        }
        if (price < 1) price = 1;
        const id = this.limit(k, symbol, side, price, qty);
        if (this.count === slots) {
          // Forget the oldest: it stays in the book until it trades.
          if (++this.head === slots) this.head = 0;
          this.count--;
        }
        let at = this.head + this.count;
        if (at >= slots) at -= slots;
        ring[base + 2 * at] = id;
        ring[base + 2 * at + 1] = k.now;
        this.count++;
      }
    }
    if (activity === null) {
      const attention = rule.attention;
      level = attention === null ? 1 : attention.observe(k.now, this.exchange.mid(symbol));
    }
    k.wakeIn(this.id, Math.max(1, Math.floor(exponential(this, rule.meanWakeNs) / level)));
  }
}
