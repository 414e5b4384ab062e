// The exchange: an agent that owns one order book per symbol, applies the orders agents send
// it, and answers each with ACCEPTED or REJECTED, a FILL to both sides of every trade, and an
// EXPIRED for orders removed by self-trade prevention. Trades go to a TradeSink (the recorder).
// Agents read the public level-1 view (best bid, best ask, last trade) directly: market data
// without latency. The book's owner of an order is the sending agent's id + 1 (0 = none).
// This is the only module where the book meets the kernel.

import { createOrderBook, type OrderBook } from '../book/order-book.ts';
import { Status, type StpCode } from '../book/codes.ts';
import type { Agent, Kernel } from '../kernel/kernel.ts';
import { MSG_ACCEPTED, MSG_CANCEL, MSG_EXPIRED, MSG_FILL, MSG_LIMIT, MSG_MARKET, MSG_MODIFY, MSG_REJECTED, type TradeSink } from './protocol.ts';

export interface ExchangeOptions {
  /** Symbols traded, by name; symbol i is index i in every message. */
  symbols: readonly string[];
  /** Self-trade prevention mode for every book. */
  stp?: StpCode;
  /** Last-trade price each symbol starts with (ticks), e.g. the previous close. */
  referencePrices: readonly number[];
  /** Cents per tick times lot for each symbol (tick size in cents x shares per lot); default 1. */
  centsPerTickLot?: readonly number[];
  sink?: TradeSink;
}

export class Exchange implements Agent {
  id = -1;
  readonly books: OrderBook[];
  readonly symbols: readonly string[];
  /** Last trade price per symbol (ticks). */
  readonly last: Float64Array;
  /** Lots traded per symbol. */
  readonly volume: Float64Array;
  /** Cash value of one lot at one tick, in cents, per symbol (an integer). */
  readonly centsPerTickLot: Float64Array;
  private readonly sink: TradeSink | undefined;

  constructor(options: ExchangeOptions) {
    if (options.referencePrices.length !== options.symbols.length) throw new RangeError('referencePrices must give one price per symbol');
    this.symbols = options.symbols;
    this.books = options.symbols.map(() => createOrderBook({ stp: options.stp }));
    this.last = Float64Array.from(options.referencePrices);
    this.volume = new Float64Array(options.symbols.length);
    this.centsPerTickLot = Float64Array.from(options.centsPerTickLot ?? options.symbols.map(() => 1));
    for (const c of this.centsPerTickLot) if (!Number.isSafeInteger(c) || c <= 0) throw new RangeError(`centsPerTickLot must be positive integers, got ${c}`);
    this.sink = options.sink;
  }

  start(): void {}

  wake(): void {}

  bestBid(symbol: number): number | null {
    return this.books[symbol].bestBid();
  }

  bestAsk(symbol: number): number | null {
    return this.books[symbol].bestAsk();
  }

  /** Mid-price in ticks (may be a half tick), or the last trade when a side is empty. */
  mid(symbol: number): number {
    const b = this.books[symbol];
    const bid = b.bestBid();
    const ask = b.bestAsk();
    return bid !== null && ask !== null ? (bid + ask) / 2 : this.last[symbol];
  }

  receive(k: Kernel, slot: number): void {
    const m = k.msgs;
    const kind = m.kind[slot];
    const from = m.from[slot];
    const symbol = m.a[slot];
    const orderId = m.e[slot];
    const book = this.books[symbol];
    if (book === undefined) {
      this.reply(k, from, MSG_REJECTED, symbol, Status.INVALID_ID, 0, 0, orderId);
      return;
    }
    let status: number;
    let side = m.b[slot];
    if (kind === MSG_LIMIT) {
      const flags = m.f[slot];
      status = book.limit(orderId, side, m.c[slot], m.d[slot], flags & 3, (flags & 4) !== 0, from + 1);
    } else if (kind === MSG_MARKET) {
      status = book.market(orderId, side, m.d[slot], from + 1);
    } else if (kind === MSG_CANCEL) {
      status = book.cancel(orderId);
    } else if (kind === MSG_MODIFY) {
      side = book.sideOf(orderId);
      const price = m.c[slot];
      const qty = m.d[slot];
      status = book.modify(orderId, qty === 0 ? undefined : qty, price === 0 ? undefined : price);
    } else {
      return;
    }
    if (status !== Status.OK) {
      this.reply(k, from, MSG_REJECTED, symbol, status, 0, 0, orderId);
      return;
    }
    const fills = book.fills;
    const n = fills.count;
    if (n > 0) {
      const now = k.now;
      for (let i = 0; i < n; i++) {
        const price = fills.price[i];
        const qty = fills.qty[i];
        const maker = fills.makerOwner[i] - 1;
        this.reply(k, maker, MSG_FILL, symbol, 1 - side, price, qty, fills.makerId[i], 1);
        this.reply(k, from, MSG_FILL, symbol, side, price, qty, orderId, 0);
        if (this.sink !== undefined) this.sink.trade(now, symbol, price, qty, maker, from, side);
        this.volume[symbol] += qty;
      }
      this.last[symbol] = fills.price[n - 1];
    }
    const r = book.result;
    for (let i = 0; i < r.expired.length; i++) this.reply(k, from, MSG_EXPIRED, symbol, side, 0, 0, r.expired[i]);
    this.reply(k, from, MSG_ACCEPTED, symbol, r.filled, r.resting, r.cancelled, orderId);
  }

  private reply(k: Kernel, to: number, kind: number, a: number, b: number, c: number, d: number, e: number, f = 0): void {
    if (to < 0) return;
    const slot = k.send(this.id, to, kind);
    const m = k.msgs;
    m.a[slot] = a;
    m.b[slot] = b;
    m.c[slot] = c;
    m.d[slot] = d;
    m.e[slot] = e;
    m.f[slot] = f;
  }
}
