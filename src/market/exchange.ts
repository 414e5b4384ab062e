// The exchange: an agent that owns one order book per symbol, applies the orders agents send
// it, and answers each with REJECTED or (when the message carries FLAG_ACK) ACCEPTED, a FILL to
// both sides of every trade, and an EXPIRED for orders removed by self-trade prevention or left
// over by an auction. Trades go to a TradeSink (the recorder). Agents read the public market
// data (level 1, depth, last trade) directly: market data without latency. The book's owner of
// an order is the sending agent's id + 1 (0 = none). This is the only module where the book
// meets the kernel.
//
// This file is the message handling: each message is routed by its symbol's session state. In
// continuous trading (state CONTINUOUS, one integer compare per message) it goes straight to
// the book; otherwise (`receiveSession`) it is rejected while closed, collected for an auction
// in the pre-open or a LULD pause, held for the close if it is an on-close order (flag bit 3,
// accepted from the pre-open until the on-close cutoff, 15:50), or, under LULD, clamped to the
// band: an incoming buy's limit is lowered to the upper band and a sell's raised to the lower
// band (a market order becomes an IOC limit at the band), so no trade prints outside the band;
// a modify's new price is clamped the same way. While collecting, FOK orders are rejected and a
// change may only lower the size (cancels work). Its parts:
//   outbox.ts    replies, trade prints and quotes: the one loop over a book operation's fills
//                (FILL to both sides, EXPIRED for self-trade prevention, ACCEPTED) and the one
//                over an auction's fills (FILL with f = 2, seller as maker in the print);
//   auctions.ts  the orders held for auctions and the uncross run over them (book/auction.ts);
//   sessions.ts  the timeline: the day of each session (pre-open, opening auction, continuous,
//                closing auction; times from schedule.ts, days from calendar.ts) and the LULD
//                limit state, pauses and reopening (bands from luld.ts).
// Without `schedule` the exchange trades continuously from the run's start (as zi-smoke does).
// `days` records each day's official open and close, `halts` the LULD pauses (symbol, start,
// end).

import { createOrderBook, type OpResult, type OrderBook } from '../book/order-book.ts';
import { BUY, IOC, SELL, Status, type StpCode } from '../book/codes.ts';
import type { Agent, Kernel } from '../kernel/kernel.ts';
import { Auctions, type AuctionSummary } from './auctions.ts';
import { checkLuldParams, LULD_TIER1, PriceBand, type LuldParams } from './luld.ts';
import { ImbalanceWatch } from './imbalance.ts';
import { Outbox } from './outbox.ts';
import {
  FLAG_ACK,
  FLAG_ON_CLOSE,
  MSG_CANCEL,
  MSG_LIMIT,
  MSG_MARKET,
  MSG_MODIFY,
  MSG_REJECTED,
  REJECT_MARKET_CLOSED,
  REJECT_NO_CLOSING_AUCTION,
  REJECT_NOT_IN_STATE,
  REJECT_ON_CLOSE_CUTOFF,
  type QuoteSink,
  type TradeSink,
} from './protocol.ts';
import { everyDayCalendar, type Calendar } from './calendar.ts';
import { checkSchedule, CLOSED, CONTINUOUS, CONTINUOUS_BANDED, LIMIT_STATE, PAUSED, PRE_OPEN, SESSION_STATE_NAMES, type DaySchedule, type SessionState } from './schedule.ts';
import { Sessions, type DayPrices, type Halt } from './sessions.ts';

export type { AuctionSummary } from './auctions.ts';
export type { DayPrices, Halt } from './sessions.ts';

export interface ExchangeOptions {
  /** Symbols traded, by name; symbol i is index i in every message. */
  symbols: readonly string[];
  /** Self-trade prevention mode for every book. */
  stp?: StpCode;
  /** Last-trade price each symbol starts with (ticks): the previous close. */
  referencePrices: readonly number[];
  /** Cents per tick times lot for each symbol (tick size in cents x shares per lot); default 1. */
  centsPerTickLot?: readonly number[];
  sink?: TradeSink;
  /** Trading sessions and auctions per day (e.g. US_EQUITY_DAY); omitted: continuous only. */
  schedule?: DaySchedule;
  /** Which days have a session (with `schedule`); default: every day, session d at d x 24 h. */
  calendar?: Calendar;
  /** Closing auction price collar: the close stays within this fraction of the last trade (e.g. 0.02); default none. */
  closingCollar?: number;
  /** Limit up-limit down bands and pauses in continuous trading: true for tier 1, or parameters. Default off. */
  luld?: boolean | Partial<LuldParams>;
  /** Told of every change of a symbol's level 1. */
  quotes?: QuoteSink;
}

export class Exchange implements Agent {
  id = -1;
  readonly books: OrderBook[];
  readonly symbols: readonly string[];
  /** Last trade price per symbol (ticks). */
  readonly last: Float64Array;
  /** Lots traded per symbol (continuous and auctions). */
  readonly volume: Float64Array;
  /** Lots bought [2 symbol] and sold [2 symbol + 1] by incoming (taker) orders in continuous trading. */
  readonly takerVolume: Float64Array;
  /** Cash value of one lot at one tick, in cents, per symbol (an integer). */
  readonly centsPerTickLot: Float64Array;
  /** Previous official close per symbol (ticks): the reference prices, then each day's close. */
  readonly prevClose: Float64Array;
  /** Official open and close per trading day, in day order. */
  readonly days: DayPrices[] = [];
  /** LULD trading pauses, in the order they started. */
  readonly halts: Halt[] = [];
  /** The LULD band per symbol, or null when LULD is off. */
  readonly bands: PriceBand[] | null;
  readonly schedule: DaySchedule | null;
  /** The sessions (every day when none was given). */
  readonly calendar: Calendar;
  /** Closing auction collar (fraction of the last trade; 0 = none). */
  readonly closingCollar: number;
  private readonly quotes: QuoteSink | undefined;
  private readonly out: Outbox;
  private readonly auctions: Auctions;
  private readonly sessions: Sessions;
  private readonly imbalance: ImbalanceWatch;
  /** The session state per symbol (the timeline's, read here on every message). */
  private readonly code: Uint8Array;

  constructor(options: ExchangeOptions) {
    if (options.referencePrices.length !== options.symbols.length) throw new RangeError('referencePrices must give one price per symbol');
    const n = options.symbols.length;
    this.symbols = options.symbols;
    this.books = options.symbols.map(() => createOrderBook({ stp: options.stp }));
    this.last = Float64Array.from(options.referencePrices);
    this.prevClose = Float64Array.from(options.referencePrices);
    this.volume = new Float64Array(n);
    this.takerVolume = new Float64Array(2 * n);
    this.centsPerTickLot = Float64Array.from(options.centsPerTickLot ?? options.symbols.map(() => 1));
    for (const c of this.centsPerTickLot) if (!Number.isSafeInteger(c) || c <= 0) throw new RangeError(`centsPerTickLot must be positive integers, got ${c}`);
    this.quotes = options.quotes;
    this.schedule = options.schedule ?? null;
    this.calendar = options.calendar ?? everyDayCalendar(1, options.schedule);
    this.closingCollar = options.closingCollar ?? 0;
    if (!(this.closingCollar >= 0 && this.closingCollar < 1)) throw new RangeError(`closingCollar must be in [0, 1), got ${this.closingCollar}`);
    if (this.schedule !== null) {
      checkSchedule(this.schedule);
      for (const p of options.referencePrices) if (!Number.isSafeInteger(p) || p <= 0) throw new RangeError(`referencePrices must be positive integers of ticks with a schedule, got ${p}`);
    }
    const l = options.luld;
    const luld = l === undefined || l === false ? null : { ...LULD_TIER1, ...(l === true ? {} : l) };
    if (luld !== null) checkLuldParams(luld);
    this.bands = luld === null ? null : options.symbols.map((_, i) => {
      const b = new PriceBand(luld);
      b.reset(options.referencePrices[i], false);
      return b;
    });
    this.out = new Outbox(this, this.books, this.last, this.volume, this.takerVolume, options.sink, options.quotes);
    this.auctions = new Auctions(this.books, this.out);
    this.imbalance = new ImbalanceWatch(this.books, this.out);
    this.sessions = new Sessions(this, luld, this.auctions, this.out);
    this.code = this.sessions.code;
  }

  // ------------------------------------------------------------ agent

  start(k: Kernel): void {
    this.out.bindAccounts(k.agents);
    this.sessions.start(k);
  }

  wake(k: Kernel): void {
    this.sessions.wake(k);
    // A session step (auction, expiry at the close) changes books outside receive().
    for (let s = 0; s < this.books.length; s++) if (this.imbalance.watched[s] === 1) this.imbalance.forget(s);
  }

  receive(k: Kernel, slot: number): void {
    const m = k.msgs;
    const kind = m.kind[slot];
    const from = m.from[slot];
    const symbol = m.a[slot];
    const orderId = m.e[slot];
    const flags = m.f[slot];
    const book = this.books[symbol];
    if (book === undefined) {
      this.out.reply(k, from, MSG_REJECTED, symbol, Status.INVALID_ID, 0, 0, orderId);
      return;
    }
    const watched = this.imbalance.watched[symbol] === 1;
    if (this.code[symbol] !== CONTINUOUS || (kind <= MSG_MARKET && (flags & FLAG_ON_CLOSE) !== 0)) {
      this.receiveSession(k, slot, book);
      if (this.quotes !== undefined) this.out.quoteAfter(k.now, symbol);
      if (watched) this.imbalance.forget(symbol);
      return;
    }
    let status: number;
    let side = m.b[slot];
    if (kind === MSG_LIMIT) {
      status = book.limit(orderId, side, m.c[slot], m.d[slot], flags & 3, (flags & 4) !== 0, from + 1);
    } else if (kind === MSG_MARKET) {
      status = book.market(orderId, side, m.d[slot], from + 1);
    } else if (kind === MSG_CANCEL) {
      if (watched) side = book.sideOf(orderId);
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
      if (status === Status.UNKNOWN_ORDER && this.auctions.onClose[symbol].size > 0 && this.auctions.changeHeld(k, slot, this.sessions.cutoffAt)) return;
      this.out.reply(k, from, MSG_REJECTED, symbol, status, 0, 0, orderId);
      return;
    }
    this.out.bookFills(k, book, symbol, side, from, orderId, (flags & FLAG_ACK) !== 0);
    if (this.quotes !== undefined) this.out.quoteAfter(k.now, symbol);
    if (watched) this.watchImbalance(k, symbol, kind, side, book.result);
  }

  /** Tells the imbalance watch what an operation did to the resting volume, then lets it check. */
  private watchImbalance(k: Kernel, symbol: number, kind: number, side: number, r: OpResult): void {
    const w = this.imbalance;
    if (kind === MSG_CANCEL) w.cancelled(symbol, side, r.cancelled);
    else if (kind === MSG_MODIFY || r.expired.length > 0) w.forget(symbol);
    else w.moved(symbol, side, r.resting, r.filled);
    w.check(k, symbol);
  }

  /**
   * Agent `agentId` hears an IMBALANCE message whenever `symbol`'s resting volume becomes more
   * than `threshold` one-sided, and when that ends (imbalance.ts; in continuous trading).
   */
  subscribeImbalance(agentId: number, symbol: number, threshold: number): void {
    this.imbalance.subscribe(agentId, symbol, threshold);
  }

  // ------------------------------------------------------------ market data

  /** The symbol's session state. */
  state(symbol: number): SessionState {
    return SESSION_STATE_NAMES[this.code[symbol]];
  }

  bestBid(symbol: number): number | null {
    return this.books[symbol].bestBid();
  }

  bestAsk(symbol: number): number | null {
    return this.books[symbol].bestAsk();
  }

  /** Lots at the best bid (0 if none). */
  bestBidSize(symbol: number): number {
    return this.books[symbol].depthQty(BUY, 1);
  }

  /** Lots at the best ask (0 if none). */
  bestAskSize(symbol: number): number {
    return this.books[symbol].depthQty(SELL, 1);
  }

  /** Mid-price in ticks (may be a half tick), or the last trade when a side is empty. */
  mid(symbol: number): number {
    const b = this.books[symbol];
    const bid = b.bestBid();
    const ask = b.bestAsk();
    return bid !== null && ask !== null ? (bid + ask) / 2 : this.last[symbol];
  }

  /** Up to `levels` price levels per side, best first, as (price, qty, order count) triples. */
  depth(symbol: number, levels: number): { bids: Float64Array; asks: Float64Array } {
    const b = this.books[symbol];
    return { bids: b.depth(BUY, levels), asks: b.depth(SELL, levels) };
  }

  /** The LULD band of a symbol now, or null when LULD is off. */
  band(symbol: number): { reference: number; lower: number; upper: number } | null {
    const b = this.bands === null ? undefined : this.bands[symbol];
    return b === undefined ? null : { reference: b.reference, lower: b.lower, upper: b.upper };
  }

  /**
   * The auction that would run now, without running it: in the pre-open or a pause the
   * opening or reopening auction, otherwise the closing auction (book plus on-close orders).
   */
  indicative(symbol: number): AuctionSummary {
    const c = this.code[symbol];
    const collecting = c === PRE_OPEN || c === PAUSED;
    const ref = collecting && c === PRE_OPEN ? this.prevClose[symbol] : this.last[symbol];
    return this.auctions.indicative(symbol, !collecting, ref);
  }

  /**
   * The published closing imbalance of a symbol (as an exchange's imbalance feed): market-on-close
   * lots to buy minus lots to sell collected so far today.
   */
  onCloseImbalance(symbol: number): number {
    return this.auctions.onCloseImbalance(symbol);
  }

  // ------------------------------------------------------------ orders outside the hot path

  private receiveSession(k: Kernel, slot: number, book: OrderBook): void {
    const m = k.msgs;
    const kind = m.kind[slot];
    const from = m.from[slot];
    const symbol = m.a[slot];
    const id = m.e[slot];
    const code = this.code[symbol];
    const out = this.out;
    if (kind === MSG_LIMIT || kind === MSG_MARKET) {
      const flags = m.f[slot];
      if ((flags & FLAG_ON_CLOSE) !== 0) {
        if (this.schedule === null) return out.reply(k, from, MSG_REJECTED, symbol, REJECT_NO_CLOSING_AUCTION, 0, 0, id);
        if (code === CLOSED) return out.reply(k, from, MSG_REJECTED, symbol, REJECT_MARKET_CLOSED, 0, 0, id);
        if (k.now >= this.sessions.cutoffAt) return out.reply(k, from, MSG_REJECTED, symbol, REJECT_ON_CLOSE_CUTOFF, 0, 0, id);
        return this.auctions.holdOnClose(k, slot, book);
      }
      if (code === CLOSED) return out.reply(k, from, MSG_REJECTED, symbol, REJECT_MARKET_CLOSED, 0, 0, id);
      if (code === PRE_OPEN || code === PAUSED) return this.auctions.collect(k, slot, book);
      return this.bandedOrder(k, slot, book);
    }
    if (kind !== MSG_CANCEL && kind !== MSG_MODIFY) return;
    if (this.auctions.changeHeld(k, slot, this.sessions.cutoffAt)) return;
    if (kind === MSG_CANCEL) {
      const status = book.cancel(id);
      if (status !== Status.OK) return out.reply(k, from, MSG_REJECTED, symbol, status, 0, 0, id);
      out.ack(k, slot, from, symbol, 0, 0, book.result.cancelled, id);
      if (code === LIMIT_STATE) this.sessions.checkLimit(k, symbol);
      return;
    }
    if (code === CONTINUOUS_BANDED || code === LIMIT_STATE || code === CONTINUOUS) return this.bandedModify(k, slot, book);
    // Collecting or closed: a resting order may only shrink in place.
    const live = book.remaining(id);
    if (live === 0) return out.reply(k, from, MSG_REJECTED, symbol, Status.UNKNOWN_ORDER, 0, 0, id);
    const price = m.c[slot];
    const qty = m.d[slot] === 0 ? live : m.d[slot];
    if ((price !== 0 && price !== book.priceOf(id)) || qty > live) return out.reply(k, from, MSG_REJECTED, symbol, REJECT_NOT_IN_STATE, 0, 0, id);
    const status = book.modify(id, qty);
    if (status !== Status.OK) return out.reply(k, from, MSG_REJECTED, symbol, status, 0, 0, id);
    out.ack(k, slot, from, symbol, 0, qty, 0, id);
  }

  /** A new limit or market order in continuous trading under LULD (or in a limit state). */
  private bandedOrder(k: Kernel, slot: number, book: OrderBook): void {
    const m = k.msgs;
    const from = m.from[slot];
    const symbol = m.a[slot];
    const id = m.e[slot];
    const side = m.b[slot];
    const qty = m.d[slot];
    const band = this.bands === null ? undefined : this.bands[symbol];
    let status: number;
    if (band === undefined) {
      // Plain continuous trading reached here only for an on-close order, handled earlier.
      status = m.kind[slot] === MSG_MARKET ? book.market(id, side, qty, from + 1) : book.limit(id, side, m.c[slot], qty, m.f[slot] & 3, (m.f[slot] & 4) !== 0, from + 1);
    } else if (m.kind[slot] === MSG_MARKET) {
      status = side === BUY || side === SELL ? book.limit(id, side, side === BUY ? band.upper : band.lower, qty, IOC, false, from + 1) : Status.INVALID_SIDE;
    } else {
      const flags = m.f[slot];
      const price = m.c[slot];
      const eff = side === BUY ? (price > band.upper ? band.upper : price) : price < band.lower ? band.lower : price;
      status = book.limit(id, side, eff, qty, flags & 3, (flags & 4) !== 0, from + 1);
    }
    if (status !== Status.OK) return this.out.reply(k, from, MSG_REJECTED, symbol, status, 0, 0, id);
    this.publish(k, book, symbol, side, from, id, (m.f[slot] & FLAG_ACK) !== 0);
  }

  /** A modify in banded continuous trading: a new price is clamped to the band like a new order. */
  private bandedModify(k: Kernel, slot: number, book: OrderBook): void {
    const m = k.msgs;
    const from = m.from[slot];
    const symbol = m.a[slot];
    const id = m.e[slot];
    const side = book.sideOf(id);
    let price = m.c[slot];
    const qty = m.d[slot];
    const band = this.bands === null ? undefined : this.bands[symbol];
    if (band !== undefined && price !== 0) {
      if (side === BUY && price > band.upper) price = band.upper;
      else if (side === SELL && price < band.lower) price = band.lower;
    }
    const status = book.modify(id, qty === 0 ? undefined : qty, price === 0 ? undefined : price);
    if (status !== Status.OK) return this.out.reply(k, from, MSG_REJECTED, symbol, status, 0, 0, id);
    this.publish(k, book, symbol, side, from, id, (m.f[slot] & FLAG_ACK) !== 0);
  }

  /** Sends the replies of a book operation (as in continuous trading), feeds the band its trades, checks the limit state. */
  private publish(k: Kernel, book: OrderBook, symbol: number, side: number, from: number, orderId: number, ack: boolean): void {
    this.out.bookFills(k, book, symbol, side, from, orderId, ack);
    const band = this.bands === null ? undefined : this.bands[symbol];
    if (band !== undefined) {
      const fills = book.fills;
      const now = k.now;
      let moved = false;
      for (let i = 0; i < fills.count; i++) if (band.trade(now, fills.price[i])) moved = true;
      if (moved) this.sessions.reprice(symbol);
    }
    this.sessions.checkLimit(k, symbol);
  }
}
