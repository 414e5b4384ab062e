// A market maker. At each wake-up (every intervalNs, jittered by the agent's stream) it
// cancels its two quotes and posts new ones around the mid m with inventory skew:
//   bid = floor(m - H - skew * inventory),  ask = ceil(m + H - skew * inventory)
// (ask at least bid + 1), post-only so it never takes. The half-spread widens with realised
// volatility: H = halfSpread + volSpread * sigma * m, where sigma^2 is an EWMA of squared log
// mid changes between wake-ups, sigma^2 <- lambda sigma^2 + (1 - lambda) r^2 (RiskMetrics 1996).
// Liquidity is withdrawn three ways: when |inventory| reaches maxInventory it stops quoting the
// side that would add to it; with taper the adding side's size is size * (1 - |inv| / maxInventory)
// (at least 1 lot); when sigma exceeds maxVolatility it quotes neither side. Without the optional
// parameters it is the plain skewed quoter (Ho & Stoll 1981; Avellaneda & Stoikov 2008 in spirit).
// With closeOffset (optional; needs the exchange's day schedule) it also offsets the published
// closing imbalance, as designated market makers do: once a session, at offsetTimeNs after
// midnight (before the on-close cut-off), it reads the market-on-close imbalance I (lots, > 0
// more to buy) and sends a market-on-close order for round(share x |I|) lots on the other side:
// the on-close orders then match each other at the closing price, which the book and the closing
// collar set. With sleepsWhenClosed it quotes only in continuous trading (no wake-ups overnight
// or at weekends).

import { dlog } from '../core/detmath.ts';
import type { RandomSource } from '../core/rng.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { nextTradingTime } from '../market/calendar.ts';
import type { Exchange } from '../market/exchange.ts';
import { InvestorClass } from './classes.ts';
import { Trader } from './trader.ts';

export interface MarketMakerParams {
  symbol: number;
  intervalNs: number;
  /** Base half-spread, ticks. */
  halfSpread: number;
  /** Quote shift per lot of inventory, ticks. */
  skew: number;
  /** Quote size, lots. */
  size: number;
  /** Inventory limit, lots. */
  maxInventory: number;
  /** Extra half-spread per unit of sigma x mid (dimensionless). Default 0 (no widening). */
  volSpread?: number;
  /** EWMA decay lambda per wake-up. Default 0.94. */
  volDecay?: number;
  /** sigma (log return per wake interval) above which both quotes are withdrawn. Default none. */
  maxVolatility?: number;
  /** Shrink the inventory-adding side as inventory grows. Default false. */
  taper?: boolean;
  /** Offset the closing imbalance: share of |I| this maker takes and the time of day (ns after midnight) it looks. */
  closeOffset?: { share: number; offsetTimeNs: number };
  /** Quote only in continuous trading: a wake-up that would fall while the exchange is not in it moves to the next open. Default false. */
  sleepsWhenClosed?: boolean;
  /** Shares held at the start, lots. Default 0. */
  initialPosition?: number;
  /** Cash at the start, cents. Default 0. */
  initialCash?: number;
}

/** H = halfSpread + volSpread * sigma * mid (ticks). */
export function quoteHalfSpread(halfSpread: number, volSpread: number, sigma: number, mid: number): number {
  return halfSpread + volSpread * sigma * mid;
}

/** Size of the side that adds to |inventory| under taper: max(1, floor(size (1 - |inv| / max))). */
export function taperedSize(size: number, inventory: number, maxInventory: number): number {
  const a = inventory < 0 ? -inventory : inventory;
  const s = Math.floor(size * (1 - a / maxInventory));
  return s < 1 ? 1 : s;
}

/** sigma^2 <- lambda sigma^2 + (1 - lambda) r^2. */
export function ewmaVariance(variance: number, r: number, lambda: number): number {
  return lambda * variance + (1 - lambda) * r * r;
}

export class MarketMaker extends Trader {
  readonly classId = InvestorClass.MARKET_MAKER;
  /** Its onFill reads only the lots and the order id. */
  override readonly fillsInBatches = true;
  /** sigma^2, the EWMA variance of log mid changes between wake-ups. */
  variance = 0;
  private bidId = 0;
  private askId = 0;
  private bidLeft = 0;
  private askLeft = 0;
  private lastLogMid = NaN;
  private readonly tracksVol: boolean;

  constructor(
    exchange: Exchange,
    symbols: number,
    private readonly rng: RandomSource,
    private readonly p: MarketMakerParams,
  ) {
    super(exchange, symbols);
    this.setHoldings(p.symbol, p.initialPosition ?? 0, p.initialCash ?? 0);
    this.tracksVol = (p.volSpread ?? 0) !== 0 || p.maxVolatility !== undefined;
  }

  /** Next time the closing imbalance is looked at (-1 = never). */
  private offsetAt = -1;
  private session = 0;

  start(k: Kernel): void {
    k.wakeIn(this.id, Math.floor(this.rng.nextFloat() * (this.p.intervalNs + 1)));
    if (this.p.closeOffset && this.exchange.schedule !== null) {
      this.session = this.exchange.calendar.sessionAfter(k.now);
      this.offsetAt = this.exchange.calendar.midnight(this.session) + this.p.closeOffset.offsetTimeNs;
    }
  }

  /** Sends the market-on-close order offsetting this maker's share of the closing imbalance. */
  private offsetClose(k: Kernel): void {
    const o = this.p.closeOffset!;
    const s = this.p.symbol;
    const imbalance = this.exchange.onCloseImbalance(s);
    const lots = Math.round(o.share * (imbalance < 0 ? -imbalance : imbalance));
    if (lots > 0) this.market(k, s, imbalance > 0 ? 1 : 0, lots, true);
    this.session++;
    this.offsetAt = this.exchange.calendar.midnight(this.session) + o.offsetTimeNs;
  }

  wake(k: Kernel): void {
    const p = this.p;
    if (this.offsetAt >= 0 && k.now >= this.offsetAt) this.offsetClose(k);
    if (this.bidId !== 0) this.cancel(k, p.symbol, this.bidId);
    if (this.askId !== 0) this.cancel(k, p.symbol, this.askId);
    this.bidId = 0;
    this.askId = 0;
    const inv = this.position[p.symbol];
    const mid = this.exchange.mid(p.symbol);
    let half = p.halfSpread;
    let quote = true;
    if (this.tracksVol) {
      const x = dlog(mid);
      if (this.lastLogMid === this.lastLogMid) {
        const r = x - this.lastLogMid;
        this.variance = ewmaVariance(this.variance, r, p.volDecay ?? 0.94);
      }
      this.lastLogMid = x;
      const sigma = Math.sqrt(this.variance);
      half = quoteHalfSpread(p.halfSpread, p.volSpread ?? 0, sigma, mid);
      if (p.maxVolatility !== undefined && sigma > p.maxVolatility) quote = false;
    }
    const m = mid - p.skew * inv;
    const bid = Math.max(1, Math.floor(m - half));
    const ask = Math.max(bid + 1, Math.ceil(m + half));
    if (quote && inv < p.maxInventory) {
      const size = p.taper === true && inv > 0 ? taperedSize(p.size, inv, p.maxInventory) : p.size;
      this.bidId = this.limit(k, p.symbol, 0, bid, size, 0, true);
      this.bidLeft = size;
    }
    if (quote && inv > -p.maxInventory) {
      const size = p.taper === true && inv < 0 ? taperedSize(p.size, inv, p.maxInventory) : p.size;
      this.askId = this.limit(k, p.symbol, 1, ask, size, 0, true);
      this.askLeft = size;
    }
    const next = k.now + p.intervalNs + Math.floor(this.rng.nextFloat() * (Math.floor(p.intervalNs / 8) + 1));
    k.wakeAt(this.id, p.sleepsWhenClosed === true && this.exchange.schedule !== null ? nextTradingTime(this.exchange.calendar, next) : next);
  }

  // No acknowledgements needed: a post-only quote never ends on entry (it rests or is REJECTED),
  // so fills, REJECTED and EXPIRED tell it everything.
  protected override onDone(_k: Kernel, _symbol: number, orderId: number): void {
    if (orderId === this.bidId) this.bidId = 0;
    else if (orderId === this.askId) this.askId = 0;
  }

  protected override onFill(_k: Kernel, _symbol: number, _side: number, _price: number, qty: number, orderId: number): void {
    if (orderId === this.bidId && (this.bidLeft -= qty) <= 0) this.bidId = 0;
    else if (orderId === this.askId && (this.askLeft -= qty) <= 0) this.askId = 0;
  }
}
