// A simple market maker. At each wake-up (every intervalNs, jittered by the agent's stream) it
// cancels its two quotes and posts new ones around the mid m with inventory skew:
//   bid = floor(m - halfSpread - skew * inventory),  ask = ceil(m + halfSpread - skew * inventory)
// (ask at least bid + 1), size `size` lots each, post-only so it never takes. When |inventory|
// reaches maxInventory it stops quoting the side that would add to it.

import { uniformInt } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import { InvestorClass } from './classes.ts';
import { Trader } from './trader.ts';

export interface MarketMakerParams {
  symbol: number;
  intervalNs: number;
  halfSpread: number;
  skew: number;
  size: number;
  maxInventory: number;
}

export class MarketMaker extends Trader {
  readonly classId = InvestorClass.MARKET_MAKER;
  private bidId = 0;
  private askId = 0;
  private bidLeft = 0;
  private askLeft = 0;

  constructor(
    exchange: Exchange,
    symbols: number,
    private readonly rng: RandomSource,
    private readonly p: MarketMakerParams,
  ) {
    super(exchange, symbols);
  }

  start(k: Kernel): void {
    k.wakeIn(this.id, uniformInt(this.rng, 0, this.p.intervalNs));
  }

  wake(k: Kernel): void {
    const p = this.p;
    if (this.bidId !== 0) this.cancel(k, p.symbol, this.bidId);
    if (this.askId !== 0) this.cancel(k, p.symbol, this.askId);
    this.bidId = 0;
    this.askId = 0;
    const inv = this.position[p.symbol];
    const m = this.exchange.mid(p.symbol) - p.skew * inv;
    const bid = Math.max(1, Math.floor(m - p.halfSpread));
    const ask = Math.max(bid + 1, Math.ceil(m + p.halfSpread));
    if (inv < p.maxInventory) {
      this.bidId = this.limit(k, p.symbol, 0, bid, p.size, 0, true);
      this.bidLeft = p.size;
    }
    if (inv > -p.maxInventory) {
      this.askId = this.limit(k, p.symbol, 1, ask, p.size, 0, true);
      this.askLeft = p.size;
    }
    k.wakeIn(this.id, p.intervalNs + uniformInt(this.rng, 0, p.intervalNs >> 3));
  }

  protected override onDone(_k: Kernel, _symbol: number, orderId: number): void {
    if (orderId === this.bidId) this.bidId = 0;
    else if (orderId === this.askId) this.askId = 0;
  }

  protected override onFill(_k: Kernel, _symbol: number, _side: number, _price: number, qty: number, orderId: number): void {
    if (orderId === this.bidId && (this.bidLeft -= qty) <= 0) this.bidId = 0;
    else if (orderId === this.askId && (this.askLeft -= qty) <= 0) this.askId = 0;
  }
}
