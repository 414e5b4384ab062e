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

import { exponential, uniformInt } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import { InvestorClass } from './classes.ts';
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
}

export class ZeroIntelligence extends Trader {
  readonly classId = InvestorClass.NOISE;
  private readonly live: Float64Array;
  private head = 0;
  private count = 0;

  constructor(
    exchange: Exchange,
    symbols: number,
    private readonly rng: RandomSource,
    private readonly p: ZeroIntelligenceParams,
  ) {
    super(exchange, symbols);
    this.live = new Float64Array(Math.max(1, p.maxLive));
  }

  start(k: Kernel): void {
    k.wakeIn(this.id, Math.floor(exponential(this.rng, this.p.meanWakeNs)));
  }

  wake(k: Kernel): void {
    const p = this.p;
    const rng = this.rng;
    const u = rng.nextFloat();
    if (u < p.pCancel) {
      if (this.count > 0) {
        const id = this.live[this.head];
        this.head = (this.head + 1) % this.live.length;
        this.count--;
        this.cancel(k, p.symbol, id);
      }
    } else {
      const side = rng.nextU32() & 1;
      const qty = uniformInt(rng, 1, p.maxQty);
      if (u < p.pCancel + p.pMarket) {
        this.market(k, p.symbol, side, qty);
      } else {
        const ex = this.exchange;
        let price: number;
        if (rng.nextFloat() < p.pCross) {
          const touch = side === 0 ? ex.bestAsk(p.symbol) : ex.bestBid(p.symbol);
          const through = uniformInt(rng, 0, 2);
          const ref = touch ?? ex.last[p.symbol];
          price = side === 0 ? ref + through : ref - through;
        } else {
          const offset = 1 + Math.floor(exponential(rng, p.offsetMean));
          const mid = ex.mid(p.symbol);
          price = side === 0 ? Math.floor(mid) - offset + 1 : Math.ceil(mid) + offset - 1;
        }
        if (price < 1) price = 1;
        const id = this.limit(k, p.symbol, side, price, qty);
        if (this.count === this.live.length) {
          // Forget the oldest: it stays in the book until it trades.
          this.head = (this.head + 1) % this.live.length;
          this.count--;
        }
        this.live[(this.head + this.count) % this.live.length] = id;
        this.count++;
      }
    }
    const activity = p.attention === undefined ? 1 : p.attention.observe(k.now, this.exchange.mid(p.symbol));
    k.wakeIn(this.id, Math.max(1, Math.floor(exponential(rng, p.meanWakeNs) / activity)));
  }
}
