// ABIDES's adaptive market maker (abides-markets agents/market_makers/
// adaptive_market_maker_agent.py, as configured by RMSC04). Each cycle has two steps:
//   1. wake (Poisson clock, mean gap meanWakeNs, the first one gap after the open): cancel every
//      order it believes open, then ask for the spread and the recent volume, whose answer comes
//      a round trip later (2 link latencies + 50 ns), after its cancels have reached the book;
//   2. on the answer: with a two-sided book, mid = floor((bid + ask) / 2) and the spread estimate
//      s <- alpha (ask - bid) + (1 - alpha) s (s starts at initialSpread); with Vb and Vs the lots
//      bought and sold by incoming orders, size = max(1, round(pov (Vb + Vs))); the centre
//      m = mid, or trunc(mid + priceSkew (2 Vb / (Vb + Vs) - 1)) when anything traded; the top
//      bid m - floor(s / 2) and ask m + ceil(s / 2), then `levels` prices a side spaced
//      max(1, round(levelSpacing s)) apart; 10 bids (lowest first) then 10 asks, plain limit
//      orders (not post-only). The next wake is one gap after this. If the book is one-sided at
//      its first answer, it has no mid, places nothing and never wakes again (ABIDES's stall).
// It also subscribes to the exchange's book-imbalance events (market/imbalance.ts): at each
// START (resting volume more than minImbalance one-sided) it places one more full ladder at its
// last mid, spread estimate and sizes, cancelling nothing (they go at its next wake); before it
// has a mid, nothing. Where ours differs: ABIDES measures the volume over the last
// wake-gap-length window (60 s); ours since its previous answer (on average the same length).
import { exponential } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import { IMBALANCE_START } from '../market/protocol.ts';
import { InvestorClass } from './classes.ts';
import { OpenOrders } from './open-orders.ts';
import { Trader } from './trader.ts';

export interface AbidesMarketMakerParams {
  symbol: number;
  openNs: number;
  meanWakeNs: number;
  /** Share of the recent traded volume quoted at each level (0.025). */
  pov: number;
  /** Levels a side (10). */
  levels: number;
  /** Level spacing in spread estimates (5). */
  levelSpacing: number;
  /** Weight of the newest spread in the estimate (0.75). */
  spreadAlpha: number;
  /** Largest shift of the centre for one-sided volume, ticks (4). */
  priceSkew: number;
  /** The spread estimate before any observation, ticks (50). */
  initialSpread: number;
  /** Imbalance above which the exchange's START event brings an extra ladder (0.9); absent = no subscription. */
  minImbalance?: number;
}

/** The ladder's prices: top bid and ask and the spacing, from mid, spread estimate and volumes. */
export function ladder(mid: number, spread: number, vb: number, vs: number, priceSkew: number, levelSpacing: number): { bid: number; ask: number; tick: number } {
  const m = vb + vs === 0 ? mid : Math.trunc(mid + priceSkew * ((2 * vb) / (vb + vs) - 1));
  return { bid: m - Math.floor(spread / 2), ask: m + Math.ceil(spread / 2), tick: Math.max(1, Math.round(levelSpacing * spread)) };
}

export class AbidesMarketMaker extends Trader {
  readonly classId = InvestorClass.MARKET_MAKER;
  /** Its onFill reads only the lots and the order id. */
  override readonly fillsInBatches = true;
  /** The spread estimate s, ticks. */
  spread: number;
  /** Cycles quoted, and true once it has stalled (no mid at its first answer). */
  cycles = 0;
  stalled = false;
  /** Extra ladders placed on imbalance events. */
  extraLadders = 0;
  private lastMid = -1;
  private answering = false;
  private boughtBefore = 0;
  private soldBefore = 0;
  /** Lots bought and sold by takers before the last answer (the ladder's sizes and skew come from them). */
  private vb = 0;
  private vs = 0;
  private readonly open = new OpenOrders();

  constructor(
    exchange: Exchange,
    symbols: number,
    private readonly rng: RandomSource,
    private readonly p: AbidesMarketMakerParams,
  ) {
    super(exchange, symbols);
    if (!(Number.isInteger(p.levels) && p.levels >= 1)) throw new RangeError(`market maker levels must be a positive integer, got ${p.levels}`);
    this.spread = p.initialSpread;
  }

  start(k: Kernel): void {
    if (this.p.minImbalance !== undefined) this.exchange.subscribeImbalance(this.id, this.p.symbol, this.p.minImbalance);
    k.wakeAt(this.id, this.p.openNs + Math.round(exponential(this.rng, this.p.meanWakeNs)));
  }

  wake(k: Kernel): void {
    const s = this.p.symbol;
    if (!this.answering) {
      for (let i = 0; i < this.open.count; i++) this.cancel(k, s, this.open.idAt(i));
      this.open.clear();
      this.answering = true;
      k.wakeIn(this.id, 2 * (k.latencyOf(this.id) + k.latencyOf(this.exchange.id)) + 50);
      return;
    }
    this.answering = false;
    const p = this.p;
    const ex = this.exchange;
    const bid = ex.bestBid(s);
    const ask = ex.bestAsk(s);
    if (bid !== null && ask !== null) {
      this.lastMid = Math.floor((bid + ask) / 2);
      this.spread = p.spreadAlpha * (ask - bid) + (1 - p.spreadAlpha) * this.spread;
    }
    const bought = ex.takerVolume[2 * s];
    const sold = ex.takerVolume[2 * s + 1];
    this.vb = bought - this.boughtBefore;
    this.vs = sold - this.soldBefore;
    this.boughtBefore = bought;
    this.soldBefore = sold;
    if (this.lastMid < 0) {
      this.stalled = true;
      return;
    }
    this.placeLadder(k);
    this.cycles++;
    k.wakeIn(this.id, Math.max(1, Math.round(exponential(this.rng, p.meanWakeNs))));
  }

  /** `levels` bids (lowest first), then `levels` asks, around the last mid. */
  private placeLadder(k: Kernel): void {
    const p = this.p;
    const s = p.symbol;
    const size = Math.max(1, Math.round(p.pov * (this.vb + this.vs)));
    const l = ladder(this.lastMid, this.spread, this.vb, this.vs, p.priceSkew, p.levelSpacing);
    for (let i = p.levels - 1; i >= 0; i--) {
      const price = l.bid - i * l.tick;
      if (price >= 1) this.open.add(this.limit(k, s, 0, price, size), size);
    }
    for (let i = 0; i < p.levels; i++) this.open.add(this.limit(k, s, 1, l.ask + i * l.tick, size), size);
  }

  protected override onImbalance(k: Kernel, _symbol: number, stage: number): void {
    if (stage === IMBALANCE_START && this.lastMid >= 0) {
      this.placeLadder(k);
      this.extraLadders++;
    }
  }

  protected override onFill(_k: Kernel, _symbol: number, _side: number, _price: number, qty: number, orderId: number): void {
    this.open.fill(orderId, qty);
  }

  protected override onDone(_k: Kernel, _symbol: number, orderId: number): void {
    this.open.drop(orderId);
  }
}
