// The small interface every strategy is written against: a Trader is a kernel agent of one
// investor class that sends orders to the exchange and keeps its own book-keeping from the
// exchange's replies (position in lots per symbol, cash in integer cents). Strategies extend it
// and implement `start` and `wake`; they may override the on* hooks.
//
// Acknowledgements are opt-in (src/market/protocol.ts): a trader hears onFill, onRejected and
// EXPIRED (onDone) always, but onAccepted - and so onDone for an order that ends on entry, e.g.
// a market order whose remainder found no liquidity - only after `requestAcks()`, which a
// strategy that needs them calls in its constructor. Without them the exchange sends roughly
// one message fewer per order. A strategy that acts on no reply at all (no on* hook but onNews,
// no acknowledgements) sets `settlesAtExchange`: the exchange then books its fills and counts its
// rejections directly, without messages (market/protocol.ts SettledAccount).

import type { Agent, Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import { FLAG_ACK, FLAG_ON_CLOSE, FLAG_POST_ONLY, MSG_ACCEPTED, MSG_CANCEL, MSG_EXPIRED, MSG_FILL, MSG_FILLS, MSG_IMBALANCE, MSG_LIMIT, MSG_MARKET, MSG_MODIFY, MSG_NEWS, MSG_REJECTED, type BatchedFills, type SettledAccount } from '../market/protocol.ts';
import type { InvestorClassCode } from './classes.ts';

export abstract class Trader implements Agent, SettledAccount, BatchedFills {
  id = -1;
  /** Position per symbol, in lots (negative = short). */
  readonly position: Float64Array;
  /** Cash in integer cents (may go negative: borrowing on margin). */
  cash = 0;
  /** The investor class this trader's flows are attributed to. */
  abstract readonly classId: InvestorClassCode;
  /** Orders sent, cancels sent, fills received, rejections received. */
  ordersSent = 0;
  cancelsSent = 0;
  fills = 0;
  rejects = 0;
  /** True when the exchange settles this trader directly (its strategy acts on no reply). */
  readonly settlesAtExchange: boolean = false;
  /** True when onFill reads only the lots and the order id: a sweep's taker fills then come as one MSG_FILLS (protocol.ts BatchedFills). */
  readonly fillsInBatches: boolean = false;
  /** FLAG_ACK when this trader asked for acknowledgements, else 0 (or-ed into every message's flags). */
  private ackFlag = 0;

  constructor(
    readonly exchange: Exchange,
    symbols: number,
  ) {
    this.position = new Float64Array(symbols);
  }

  /** True when the exchange acknowledges this trader's orders, cancels and modifies (onAccepted). */
  get wantsAcks(): boolean {
    return this.ackFlag !== 0;
  }

  /**
   * Asks for an ACCEPTED reply to every order, cancel and modify this trader sends from now on,
   * so onAccepted runs (and onDone for orders that end on entry). Call it in the constructor.
   */
  protected requestAcks(): void {
    if (this.settlesAtExchange) throw new Error('a trader that settles at the exchange gets no acknowledgements');
    this.ackFlag = FLAG_ACK;
  }

  abstract start(kernel: Kernel): void;
  abstract wake(kernel: Kernel): void;

  /** Sends a limit order and returns its id. `tif`: 0 GTC, 1 IOC, 2 FOK. */
  protected limit(k: Kernel, symbol: number, side: number, price: number, qty: number, tif = 0, postOnly = false, onClose = false): number {
    const id = k.nextOrderId();
    const s = k.send(this.id, this.exchange.id, MSG_LIMIT);
    const m = k.msgs;
    m.a[s] = symbol;
    m.b[s] = side;
    m.c[s] = price;
    m.d[s] = qty;
    m.e[s] = id;
    m.f[s] = tif | (postOnly ? FLAG_POST_ONLY : 0) | (onClose ? FLAG_ON_CLOSE : 0) | this.ackFlag;
    this.ordersSent++;
    return id;
  }

  protected market(k: Kernel, symbol: number, side: number, qty: number, onClose = false): number {
    const id = k.nextOrderId();
    const s = k.send(this.id, this.exchange.id, MSG_MARKET);
    const m = k.msgs;
    m.a[s] = symbol;
    m.b[s] = side;
    m.d[s] = qty;
    m.e[s] = id;
    m.f[s] = (onClose ? FLAG_ON_CLOSE : 0) | this.ackFlag;
    this.ordersSent++;
    return id;
  }

  protected cancel(k: Kernel, symbol: number, orderId: number): void {
    const s = k.send(this.id, this.exchange.id, MSG_CANCEL);
    const m = k.msgs;
    m.a[s] = symbol;
    m.e[s] = orderId;
    m.f[s] = this.ackFlag;
    this.cancelsSent++;
  }

  protected modify(k: Kernel, symbol: number, orderId: number, price: number, qty: number): void {
    const s = k.send(this.id, this.exchange.id, MSG_MODIFY);
    const m = k.msgs;
    m.a[s] = symbol;
    m.c[s] = price;
    m.d[s] = qty;
    m.e[s] = orderId;
    m.f[s] = this.ackFlag;
  }

  receive(k: Kernel, slot: number): void {
    const m = k.msgs;
    const kind = m.kind[slot];
    if (kind === MSG_FILL) {
      const symbol = m.a[slot];
      this.settleFill(symbol, m.b[slot], m.c[slot], m.d[slot]);
      this.onFill(k, symbol, m.b[slot], m.c[slot], m.d[slot], m.e[slot], m.f[slot] === 1);
    } else if (kind === MSG_FILLS) {
      const symbol = m.a[slot];
      const qty = m.d[slot];
      this.settleFills(symbol, m.b[slot], m.c[slot], qty, m.f[slot]);
      this.onFill(k, symbol, m.b[slot], m.c[slot] / qty, qty, m.e[slot], false);
    } else if (kind === MSG_ACCEPTED) {
      this.onAccepted(k, m.a[slot], m.e[slot], m.b[slot], m.c[slot], m.d[slot]);
    } else if (kind === MSG_REJECTED) {
      this.settleRejected();
      this.onRejected(k, m.a[slot], m.e[slot], m.b[slot]);
    } else if (kind === MSG_EXPIRED) {
      this.onDone(k, m.a[slot], m.e[slot]);
    } else if (kind === MSG_NEWS) {
      this.onNews(k, m.a[slot], m.b[slot]);
    } else if (kind === MSG_IMBALANCE) {
      this.onImbalance(k, m.a[slot], m.b[slot], m.c[slot], m.d[slot]);
    }
  }

  /** A book-imbalance event on `symbol` (after Exchange.subscribeImbalance): stage 0 START, 1 FINISH; the heavier side. */
  protected onImbalance(_k: Kernel, _symbol: number, _stage: number, _side: number, _imbalance: number): void {}

  /** Books a fill into position and cash (cents: price x qty x centsPerTickLot). */
  settleFill(symbol: number, side: number, price: number, qty: number): void {
    this.settleFills(symbol, side, price * qty, qty, 1);
  }

  /** Books `count` taker fills of `qty` lots in all, worth `notional` tick-lots (sum of price x qty), as settleFill would one by one. */
  settleFills(symbol: number, side: number, notional: number, qty: number, count: number): void {
    const value = notional * this.exchange.centsPerTickLot[symbol];
    if (side === 0) {
      this.position[symbol] += qty;
      this.cash -= value;
    } else {
      this.position[symbol] -= qty;
      this.cash += value;
    }
    this.fills += count;
  }

  /** Counts a refused order, cancel or modify. */
  settleRejected(): void {
    this.rejects++;
  }

  /** A fill of one of this trader's orders (position and cash are already updated). */
  protected onFill(_k: Kernel, _symbol: number, _side: number, _price: number, _qty: number, _orderId: number, _maker: boolean): void {}

  /** The exchange accepted an order: lots filled at once, left resting, cancelled (only after requestAcks). */
  protected onAccepted(k: Kernel, symbol: number, orderId: number, _filled: number, resting: number, _cancelled: number): void {
    if (resting === 0) this.onDone(k, symbol, orderId);
  }

  protected onRejected(k: Kernel, symbol: number, orderId: number, _status: number): void {
    this.onDone(k, symbol, orderId);
  }

  /** An order is no longer resting: rejected, expired, or (only after requestAcks) done on entry without resting. */
  protected onDone(_k: Kernel, _symbol: number, _orderId: number): void {}

  /**
   * A news item has reached this trader: `event` indexes the run's events, `narrative` the
   * narrative (reading of that event) it heard (see src/news/feed.ts).
   */
  protected onNews(_k: Kernel, _event: number, _narrative: number): void {}

  /** Sets the initial holdings (the scenario's): position in lots of `symbol`, cash in cents. */
  protected setHoldings(symbol: number, positionLots: number, cashCents: number): void {
    if (!Number.isSafeInteger(positionLots)) throw new RangeError(`initial position must be an integer number of lots, got ${positionLots}`);
    if (!Number.isSafeInteger(cashCents)) throw new RangeError(`initial cash must be an integer number of cents, got ${cashCents}`);
    this.position[symbol] = positionLots;
    this.cash = cashCents;
  }
}
