// The exchange: an agent that owns one order book per symbol, applies the orders agents send
// it, and answers each with ACCEPTED or REJECTED, a FILL to both sides of every trade, and an
// EXPIRED for orders removed by self-trade prevention or left over by an auction. Trades go to
// a TradeSink (the recorder). Agents read the public market data (level 1, depth, last trade)
// directly: market data without latency. The book's owner of an order is the sending agent's
// id + 1 (0 = none). This is the only module where the book meets the kernel.
//
// Without `schedule` the exchange trades continuously from the run's start (as zi-smoke does).
// With it, each symbol goes through the day of every session of its calendar (times from
// src/market/schedule.ts; where session d's day starts from src/market/calendar.ts; without a
// calendar every day has a session):
//   closed      until the pre-open (04:00) and after the close: orders are rejected with
//               REJECT_MARKET_CLOSED; the book is empty.
//   pre-open    orders are collected, not matched (FOK rejected; a change may only lower the
//               size; cancels work). Market-on-close and limit-on-close orders (flag bit 3) are
//               accepted from here until the cutoff (15:50) and held for the close.
//   09:30       opening auction (src/book/auction.ts) at reference = previous close; GTC
//               remainders rest in the book in arrival order, market and IOC remainders expire.
//               The official open is the auction price (null if nothing traded).
//   continuous  09:30-16:00, as without a schedule (one integer compare per message).
//   16:00       closing auction at reference = last trade (within +-closingCollar of it when
//               given: the price collar of a closing cross) over the book's resting orders (first
//               at each price, in queue order), orders collected during a pause, and the
//               on-close orders; every order still live afterwards expires (EXPIRED reason 2).
//               The official close is the auction price, or the last trade if it did not trade;
//               it becomes the next day's previous close.
// Auction fills go to both agents as FILL with f = 2 and to the sink with takerSide = 2, the
// seller as maker and the buyer as taker.
//
// With `luld` (off by default) continuous trading is banded (src/market/luld.ts): an incoming
// buy's limit is clamped to the upper band and a sell's to the lower band (a market order
// becomes an IOC limit at the band), so no trade prints outside the band; what cannot trade
// rests at the band or is cancelled per its time in force. When the band moves, resting orders
// beyond it are repriced to it (keeping no priority; the owner is not told). A symbol is in the
// limit state while its best bid is at the upper band or its best offer at the lower band (a
// clamped order that rests sits at the band and so causes it; a clamped market or IOC order's
// cancelled remainder does not). A limit state not left within 15 s becomes a 5-minute trading
// pause (orders collected as in the pre-open, book kept), ended by a reopening auction at
// reference = last trade over book and collected orders; GTC remainders stay in or join the
// book, the band restarts from the reopening price. A pause running into the close ends there.
// `halts` lists the pauses (symbol, start, end).

import { createOrderBook, type OrderBook } from '../book/order-book.ts';
import { AUCTION_MARKET, AuctionOrders, uncross, type AuctionResult } from '../book/auction.ts';
import { BUY, FOK, GTC, IOC, SELL, Status, type StpCode } from '../book/codes.ts';
import type { Agent, Kernel } from '../kernel/kernel.ts';
import { checkLuldParams, LULD_TIER1, PriceBand, type LuldParams } from './luld.ts';
import {
  EXPIRED_AUCTION_REMAINDER,
  EXPIRED_END_OF_DAY,
  FILL_AUCTION,
  FLAG_ACK,
  FLAG_ON_CLOSE,
  MSG_ACCEPTED,
  MSG_CANCEL,
  MSG_EXPIRED,
  MSG_FILL,
  MSG_LIMIT,
  MSG_MARKET,
  MSG_MODIFY,
  MSG_REJECTED,
  REJECT_MARKET_CLOSED,
  REJECT_NO_CLOSING_AUCTION,
  REJECT_NOT_IN_STATE,
  REJECT_ON_CLOSE_CUTOFF,
  TAKER_SIDE_AUCTION,
  type QuoteSink,
  type TradeSink,
} from './protocol.ts';
import { everyDayCalendar, type Calendar } from './calendar.ts';
import { checkSchedule, CLOSED, CONTINUOUS, CONTINUOUS_BANDED, LIMIT_STATE, PAUSED, PRE_OPEN, SESSION_STATE_NAMES, type DaySchedule, type SessionState } from './schedule.ts';

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

/** A trading pause of one symbol; `end` is null while it lasts. */
export interface Halt {
  symbol: number;
  start: number;
  end: number | null;
}

/** Official prices of one trading day, per symbol (ticks). */
export interface DayPrices {
  day: number;
  /** Opening auction price, or null if the opening auction did not trade. */
  open: (number | null)[];
  /** Closing auction price, or the last trade if it did not trade; null until the close. */
  close: (number | null)[];
}

/** Summary of an auction (executed, or indicative when asked for). */
export interface AuctionSummary {
  price: number;
  volume: number;
  imbalance: number;
}

// Where an auction row came from (tag = source x 4 + time in force).
const SRC_ENTRY = 0;
const SRC_BOOK = 1;
const SRC_ON_CLOSE = 2;

// Timer kinds.
const T_PRE_OPEN = 0;
const T_OPEN = 1;
const T_BANDS = 2;
const T_CLOSE = 3;
const T_LIMIT = 4;
const T_REOPEN = 5;

interface Timer {
  t: number;
  kind: number;
  symbol: number;
  arg: number;
}

export class Exchange implements Agent {
  id = -1;
  readonly books: OrderBook[];
  readonly symbols: readonly string[];
  /** Last trade price per symbol (ticks). */
  readonly last: Float64Array;
  /** Lots traded per symbol (continuous and auctions). */
  readonly volume: Float64Array;
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
  private readonly sink: TradeSink | undefined;
  private readonly quotes: QuoteSink | undefined;
  private readonly code: Uint8Array;
  private readonly entry: AuctionOrders[];
  private readonly onClose: AuctionOrders[];
  private readonly limitSince: Float64Array;
  private readonly luld: LuldParams | null;
  private readonly timers: Timer[] = [];
  private readonly l1: Float64Array;
  private cutoffAt = -1;
  private dayStart = 0;
  private wide = false;

  constructor(options: ExchangeOptions) {
    if (options.referencePrices.length !== options.symbols.length) throw new RangeError('referencePrices must give one price per symbol');
    const n = options.symbols.length;
    this.symbols = options.symbols;
    this.books = options.symbols.map(() => createOrderBook({ stp: options.stp }));
    this.last = Float64Array.from(options.referencePrices);
    this.prevClose = Float64Array.from(options.referencePrices);
    this.volume = new Float64Array(n);
    this.centsPerTickLot = Float64Array.from(options.centsPerTickLot ?? options.symbols.map(() => 1));
    for (const c of this.centsPerTickLot) if (!Number.isSafeInteger(c) || c <= 0) throw new RangeError(`centsPerTickLot must be positive integers, got ${c}`);
    this.sink = options.sink;
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
    this.luld = l === undefined || l === false ? null : { ...LULD_TIER1, ...(l === true ? {} : l) };
    if (this.luld !== null) checkLuldParams(this.luld);
    const luld = this.luld;
    this.bands = luld === null ? null : options.symbols.map((_, i) => {
      const b = new PriceBand(luld);
      b.reset(options.referencePrices[i], false);
      return b;
    });
    this.code = new Uint8Array(n).fill(this.schedule !== null ? CLOSED : luld !== null ? CONTINUOUS_BANDED : CONTINUOUS);
    this.entry = options.symbols.map(() => new AuctionOrders());
    this.onClose = options.symbols.map(() => new AuctionOrders());
    this.limitSince = new Float64Array(n).fill(-1);
    this.l1 = new Float64Array(4 * n);
  }

  // ------------------------------------------------------------ agent

  start(k: Kernel): void {
    if (this.schedule !== null) this.scheduleDay(k, this.calendar.sessionAfter(k.now));
  }

  wake(k: Kernel): void {
    const timers = this.timers;
    while (timers.length > 0 && timers[0].t <= k.now) {
      const x = timers.shift() as Timer;
      this.fire(k, x);
    }
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
      this.reply(k, from, MSG_REJECTED, symbol, Status.INVALID_ID, 0, 0, orderId);
      return;
    }
    if (this.code[symbol] !== CONTINUOUS || (kind <= MSG_MARKET && (flags & FLAG_ON_CLOSE) !== 0)) {
      this.receiveSession(k, slot, book);
      if (this.quotes !== undefined) this.quoteAfter(k.now, symbol);
      return;
    }
    const ack = (flags & FLAG_ACK) !== 0;
    let status: number;
    let side = m.b[slot];
    if (kind === MSG_LIMIT) {
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
      if (status === Status.UNKNOWN_ORDER && this.onClose[symbol].size > 0 && this.changeHeld(k, slot)) return;
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
    if (ack) this.reply(k, from, MSG_ACCEPTED, symbol, r.filled, r.resting, r.cancelled, orderId);
    if (this.quotes !== undefined) this.quoteAfter(k.now, symbol);
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
    const a = this.gather(null, symbol, true, !collecting);
    const ref = collecting && c === PRE_OPEN ? this.prevClose[symbol] : this.last[symbol];
    const r = uncross(a, ref);
    return { price: r.price, volume: r.volume, imbalance: r.imbalance };
  }

  // ------------------------------------------------------------ orders outside the hot path

  private receiveSession(k: Kernel, slot: number, book: OrderBook): void {
    const m = k.msgs;
    const kind = m.kind[slot];
    const from = m.from[slot];
    const symbol = m.a[slot];
    const id = m.e[slot];
    const code = this.code[symbol];
    if (kind === MSG_LIMIT || kind === MSG_MARKET) {
      const flags = m.f[slot];
      if ((flags & FLAG_ON_CLOSE) !== 0) {
        if (this.schedule === null) return this.reply(k, from, MSG_REJECTED, symbol, REJECT_NO_CLOSING_AUCTION, 0, 0, id);
        if (code === CLOSED) return this.reply(k, from, MSG_REJECTED, symbol, REJECT_MARKET_CLOSED, 0, 0, id);
        if (k.now >= this.cutoffAt) return this.reply(k, from, MSG_REJECTED, symbol, REJECT_ON_CLOSE_CUTOFF, 0, 0, id);
        this.hold(k, slot, book, this.onClose[symbol], SRC_ON_CLOSE);
        return;
      }
      if (code === CLOSED) return this.reply(k, from, MSG_REJECTED, symbol, REJECT_MARKET_CLOSED, 0, 0, id);
      if (code === PRE_OPEN || code === PAUSED) return this.hold(k, slot, book, this.entry[symbol], SRC_ENTRY);
      return this.bandedOrder(k, slot, book);
    }
    if (kind !== MSG_CANCEL && kind !== MSG_MODIFY) return;
    if (this.changeHeld(k, slot)) return;
    if (kind === MSG_CANCEL) {
      const status = book.cancel(id);
      if (status !== Status.OK) return this.reply(k, from, MSG_REJECTED, symbol, status, 0, 0, id);
      this.ack(k, slot, from, symbol, 0, 0, book.result.cancelled, id);
      if (code === LIMIT_STATE) this.checkLimit(k, symbol);
      return;
    }
    if (code === CONTINUOUS_BANDED || code === LIMIT_STATE || code === CONTINUOUS) return this.bandedModify(k, slot, book);
    // Collecting or closed: a resting order may only shrink in place.
    const live = book.remaining(id);
    if (live === 0) return this.reply(k, from, MSG_REJECTED, symbol, Status.UNKNOWN_ORDER, 0, 0, id);
    const price = m.c[slot];
    const qty = m.d[slot] === 0 ? live : m.d[slot];
    if ((price !== 0 && price !== book.priceOf(id)) || qty > live) return this.reply(k, from, MSG_REJECTED, symbol, REJECT_NOT_IN_STATE, 0, 0, id);
    const status = book.modify(id, qty);
    if (status !== Status.OK) return this.reply(k, from, MSG_REJECTED, symbol, status, 0, 0, id);
    this.ack(k, slot, from, symbol, 0, qty, 0, id);
  }

  /** Adds a validated order to an auction collection and acknowledges it. */
  private hold(k: Kernel, slot: number, book: OrderBook, into: AuctionOrders, source: number): void {
    const m = k.msgs;
    const from = m.from[slot];
    const symbol = m.a[slot];
    const id = m.e[slot];
    const side = m.b[slot];
    const isMarket = m.kind[slot] === MSG_MARKET;
    const price = isMarket ? AUCTION_MARKET : m.c[slot];
    const qty = m.d[slot];
    const tif = isMarket ? IOC : m.f[slot] & 3;
    let status: number = Status.OK;
    if (!isPosInt(id)) status = Status.INVALID_ID;
    else if (side !== BUY && side !== SELL) status = Status.INVALID_SIDE;
    else if (!isMarket && !isPosInt(price)) status = Status.INVALID_PRICE;
    else if (!isPosInt(qty)) status = Status.INVALID_QTY;
    else if (tif !== GTC && tif !== IOC && tif !== FOK) status = Status.INVALID_TIF;
    else if (tif === FOK && source === SRC_ENTRY) status = REJECT_NOT_IN_STATE;
    else if (this.entry[symbol].rowOf(id) >= 0 || this.onClose[symbol].rowOf(id) >= 0 || book.isLive(id)) status = Status.DUPLICATE_ID;
    if (status !== Status.OK) return this.reply(k, from, MSG_REJECTED, symbol, status, 0, 0, id);
    // On-close orders ignore time in force: they live until the closing auction.
    into.add(id, side, price, qty, from + 1, source * 4 + (source === SRC_ENTRY ? tif : GTC));
    this.ack(k, slot, from, symbol, 0, qty, 0, id);
  }

  /** Cancel or modify of an order held for an auction; false if the order is not held here. */
  private changeHeld(k: Kernel, slot: number): boolean {
    const m = k.msgs;
    const symbol = m.a[slot];
    const id = m.e[slot];
    const from = m.from[slot];
    let held = this.onClose[symbol];
    if (held.rowOf(id) >= 0) {
      if (k.now >= this.cutoffAt) {
        this.reply(k, from, MSG_REJECTED, symbol, REJECT_ON_CLOSE_CUTOFF, 0, 0, id);
        return true;
      }
    } else {
      held = this.entry[symbol];
      if (held.rowOf(id) < 0) return false;
    }
    const row = held.rowOf(id);
    if (m.kind[slot] === MSG_CANCEL) {
      const q = held.remove(id);
      this.ack(k, slot, from, symbol, 0, 0, q, id);
      return true;
    }
    const price = m.c[slot];
    const qty = m.d[slot] === 0 ? held.qty[row] : m.d[slot];
    if ((price !== 0 && price !== held.price[row]) || !held.reduce(id, qty)) {
      this.reply(k, from, MSG_REJECTED, symbol, REJECT_NOT_IN_STATE, 0, 0, id);
      return true;
    }
    this.ack(k, slot, from, symbol, 0, qty, 0, id);
    return true;
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
    if (status !== Status.OK) return this.reply(k, from, MSG_REJECTED, symbol, status, 0, 0, id);
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
    if (status !== Status.OK) return this.reply(k, from, MSG_REJECTED, symbol, status, 0, 0, id);
    this.publish(k, book, symbol, side, from, id, (m.f[slot] & FLAG_ACK) !== 0);
  }

  /** Sends the fills and acknowledgement of a book operation, feeds the band, checks the limit state. */
  /**
   * The published closing imbalance of a symbol (as an exchange's imbalance feed): market-on-close
   * lots to buy minus lots to sell collected so far today.
   */
  onCloseImbalance(symbol: number): number {
    const o = this.onClose[symbol];
    let net = 0;
    for (let i = 0; i < o.count; i++) if (o.qty[i] > 0 && o.price[i] === AUCTION_MARKET) net += o.side[i] === BUY ? o.qty[i] : -o.qty[i];
    return net;
  }

  private publish(k: Kernel, book: OrderBook, symbol: number, side: number, from: number, orderId: number, ack: boolean): void {
    const fills = book.fills;
    const n = fills.count;
    const band = this.bands === null ? undefined : this.bands[symbol];
    let moved = false;
    const now = k.now;
    for (let i = 0; i < n; i++) {
      const price = fills.price[i];
      const qty = fills.qty[i];
      const maker = fills.makerOwner[i] - 1;
      this.reply(k, maker, MSG_FILL, symbol, 1 - side, price, qty, fills.makerId[i], 1);
      this.reply(k, from, MSG_FILL, symbol, side, price, qty, orderId, 0);
      if (this.sink !== undefined) this.sink.trade(now, symbol, price, qty, maker, from, side);
      this.volume[symbol] += qty;
      this.last[symbol] = price;
      if (band !== undefined && band.trade(now, price)) moved = true;
    }
    const r = book.result;
    for (let i = 0; i < r.expired.length; i++) this.reply(k, from, MSG_EXPIRED, symbol, side, 0, 0, r.expired[i]);
    if (ack) this.reply(k, from, MSG_ACCEPTED, symbol, r.filled, r.resting, r.cancelled, orderId);
    if (moved) this.reprice(symbol);
    this.checkLimit(k, symbol);
  }

  // ------------------------------------------------------------ LULD

  /** Moves resting orders beyond the band onto it (bids above the upper, offers below the lower). */
  private reprice(symbol: number): void {
    const band = (this.bands as PriceBand[])[symbol];
    const book = this.books[symbol];
    for (let bid = book.bestBid(); bid !== null && bid > band.upper; bid = book.bestBid()) {
      for (const o of book.snapshot(BUY)[0].orders) book.modify(o.id, undefined, band.upper);
    }
    for (let ask = book.bestAsk(); ask !== null && ask < band.lower; ask = book.bestAsk()) {
      for (const o of book.snapshot(SELL)[0].orders) book.modify(o.id, undefined, band.lower);
    }
  }

  /** Enters or leaves the limit state after anything that may have changed the touch or the band. */
  private checkLimit(k: Kernel, symbol: number): void {
    const code = this.code[symbol];
    if (code !== CONTINUOUS_BANDED && code !== LIMIT_STATE) return;
    const at = this.atBand(symbol);
    if (at && code === CONTINUOUS_BANDED) {
      this.code[symbol] = LIMIT_STATE;
      this.limitSince[symbol] = k.now;
      this.addTimer(k, k.now + (this.luld as LuldParams).limitStateNs, T_LIMIT, symbol, k.now);
    } else if (!at && code === LIMIT_STATE) {
      this.code[symbol] = CONTINUOUS_BANDED;
      this.limitSince[symbol] = -1;
    }
  }

  private atBand(symbol: number): boolean {
    const band = (this.bands as PriceBand[])[symbol];
    const book = this.books[symbol];
    const bid = book.bestBid();
    const ask = book.bestAsk();
    return (bid !== null && bid >= band.upper) || (ask !== null && ask <= band.lower);
  }

  // ------------------------------------------------------------ sessions

  private scheduleDay(k: Kernel, day: number): void {
    const s = this.schedule as DaySchedule;
    const base = this.calendar.midnight(day);
    if (base === Infinity) return; // past the calendar's last session
    this.addTimer(k, base + s.preOpen, T_PRE_OPEN, -1, day);
    this.addTimer(k, base + s.open, T_OPEN, -1, day);
    if (this.luld !== null) {
      this.addTimer(k, Math.min(base + s.open + this.luld.wideAfterOpenNs, base + s.close), T_BANDS, -1, 0);
      this.addTimer(k, Math.max(base + s.close - this.luld.wideBeforeCloseNs, base + s.open), T_BANDS, -1, 1);
    }
    this.addTimer(k, base + s.close, T_CLOSE, -1, day);
  }

  /** Files a timer (kept in time order, ties in filing order) and asks the kernel for a wake-up. */
  private addTimer(k: Kernel, t: number, kind: number, symbol: number, arg: number): void {
    const timers = this.timers;
    let i = timers.length;
    while (i > 0 && timers[i - 1].t > t) i--;
    timers.splice(i, 0, { t, kind, symbol, arg });
    k.wakeAt(this.id, t);
  }

  private fire(k: Kernel, x: Timer): void {
    const n = this.symbols.length;
    const now = k.now;
    switch (x.kind) {
      case T_PRE_OPEN: {
        const s = this.schedule as DaySchedule;
        this.dayStart = this.calendar.midnight(x.arg);
        this.cutoffAt = this.dayStart + s.onCloseCutoff;
        this.days.push({ day: x.arg, open: new Array<number | null>(n).fill(null), close: new Array<number | null>(n).fill(null) });
        for (let i = 0; i < n; i++) this.code[i] = PRE_OPEN;
        break;
      }
      case T_OPEN: {
        const rec = this.days[this.days.length - 1];
        this.wide = true;
        for (let i = 0; i < n; i++) {
          const r = this.runAuction(k, i, this.prevClose[i], false);
          if (r.volume > 0) rec.open[i] = r.price;
          this.code[i] = this.bands === null ? CONTINUOUS : CONTINUOUS_BANDED;
          if (this.bands !== null) this.restartBand(k, i, r.volume > 0 ? r.price : this.prevClose[i]);
          this.quoteAfter(now, i);
        }
        break;
      }
      case T_BANDS: {
        this.wide = x.arg === 1;
        if (this.bands === null) break;
        for (let i = 0; i < n; i++) {
          if (this.bands[i].setWide(this.wide) && (this.code[i] === CONTINUOUS_BANDED || this.code[i] === LIMIT_STATE)) {
            this.reprice(i);
            this.checkLimit(k, i);
            this.quoteAfter(now, i);
          }
        }
        break;
      }
      case T_CLOSE: {
        const rec = this.days[this.days.length - 1];
        for (let i = 0; i < n; i++) {
          if (this.code[i] === PAUSED) this.endHalt(i, now);
          const r = this.runAuction(k, i, this.last[i], true, this.closingCollar);
          const close = r.volume > 0 ? r.price : this.last[i];
          rec.close[i] = close;
          this.prevClose[i] = close;
          this.code[i] = CLOSED;
          this.limitSince[i] = -1;
          this.quoteAfter(now, i);
        }
        this.cutoffAt = -1;
        this.scheduleDay(k, x.arg + 1);
        break;
      }
      case T_LIMIT: {
        const i = x.symbol;
        if (this.code[i] !== LIMIT_STATE || this.limitSince[i] !== x.arg) break;
        if (!this.atBand(i)) {
          this.code[i] = CONTINUOUS_BANDED;
          this.limitSince[i] = -1;
          break;
        }
        this.code[i] = PAUSED;
        this.limitSince[i] = -1;
        this.halts.push({ symbol: i, start: now, end: null });
        this.addTimer(k, now + (this.luld as LuldParams).pauseNs, T_REOPEN, i, 0);
        break;
      }
      case T_REOPEN: {
        const i = x.symbol;
        if (this.code[i] !== PAUSED) break;
        const r = this.runAuction(k, i, this.last[i], false);
        this.endHalt(i, now);
        this.code[i] = CONTINUOUS_BANDED;
        this.restartBand(k, i, r.volume > 0 ? r.price : (this.bands as PriceBand[])[i].reference);
        this.quoteAfter(now, i);
        break;
      }
    }
  }

  private restartBand(k: Kernel, symbol: number, reference: number): void {
    (this.bands as PriceBand[])[symbol].reset(reference, this.wide);
    this.reprice(symbol);
    this.checkLimit(k, symbol);
  }

  private endHalt(symbol: number, now: number): void {
    for (let j = this.halts.length - 1; j >= 0; j--) {
      const h = this.halts[j];
      if (h.symbol === symbol && h.end === null) {
        h.end = now;
        return;
      }
    }
  }

  /**
   * The orders of an auction for one symbol: the book's resting orders (best level first, queue
   * order), then the collected orders, then (for the close) the on-close orders. An id met twice
   * keeps its first row; the later one is expired when `k` is given.
   */
  private gather(k: Kernel | null, symbol: number, withEntry: boolean, withOnClose: boolean): AuctionOrders {
    const book = this.books[symbol];
    const a = new AuctionOrders(book.liveOrders + this.entry[symbol].count + this.onClose[symbol].count + 4);
    for (const side of [BUY, SELL]) {
      for (const lvl of book.snapshot(side)) for (const o of lvl.orders) a.add(o.id, side, lvl.price, o.qty, o.owner, SRC_BOOK * 4 + GTC);
    }
    const copy = (from: AuctionOrders) => {
      for (let r = 0; r < from.count; r++) {
        if (from.qty[r] === 0) continue;
        const id = from.id[r];
        if (a.rowOf(id) >= 0) {
          if (k !== null) this.reply(k, from.owner[r] - 1, MSG_EXPIRED, symbol, from.side[r], 0, from.qty[r], id, EXPIRED_END_OF_DAY);
          continue;
        }
        a.add(id, from.side[r], from.price[r], from.qty[r], from.owner[r], from.tag[r]);
      }
    };
    if (withEntry) copy(this.entry[symbol]);
    if (withOnClose) copy(this.onClose[symbol]);
    return a;
  }

  /**
   * Runs an auction for one symbol: uncross, fills to both agents and the sink, then the
   * remainders. `final` (the close): every remainder expires and the book is emptied.
   * Otherwise book orders keep their remainder in place, collected GTC limits join the book,
   * market and IOC remainders expire.
   */
  private runAuction(k: Kernel, symbol: number, reference: number, final: boolean, collar = 0): AuctionResult {
    const book = this.books[symbol];
    const a = this.gather(k, symbol, true, final);
    const r = collar > 0 ? uncross(a, reference, Math.max(1, Math.ceil(reference * (1 - collar))), Math.floor(reference * (1 + collar))) : uncross(a, reference);
    const now = k.now;
    for (let c = 0; c < r.count; c++) {
      const b = r.buyRow[c];
      const s = r.sellRow[c];
      const q = r.qty[c];
      const buyer = a.owner[b] - 1;
      const seller = a.owner[s] - 1;
      this.reply(k, buyer, MSG_FILL, symbol, BUY, r.price, q, a.id[b], FILL_AUCTION);
      this.reply(k, seller, MSG_FILL, symbol, SELL, r.price, q, a.id[s], FILL_AUCTION);
      if (this.sink !== undefined) this.sink.trade(now, symbol, r.price, q, seller, buyer, TAKER_SIDE_AUCTION);
      this.volume[symbol] += q;
    }
    if (r.volume > 0) this.last[symbol] = r.price;
    for (let row = 0; row < a.count; row++) {
      const id = a.id[row];
      const left = a.qty[row] - r.filled[row];
      const src = a.tag[row] >> 2;
      const owner = a.owner[row] - 1;
      if (src === SRC_BOOK) {
        if (final || left === 0) book.cancel(id);
        else if (r.filled[row] > 0) book.modify(id, left);
        if (final && left > 0) this.reply(k, owner, MSG_EXPIRED, symbol, a.side[row], 0, left, id, EXPIRED_END_OF_DAY);
      } else if (left > 0) {
        if (final) this.reply(k, owner, MSG_EXPIRED, symbol, a.side[row], 0, left, id, EXPIRED_END_OF_DAY);
        else if (a.price[row] === AUCTION_MARKET || (a.tag[row] & 3) !== GTC) this.reply(k, owner, MSG_EXPIRED, symbol, a.side[row], 0, left, id, EXPIRED_AUCTION_REMAINDER);
        else book.limit(id, a.side[row], a.price[row], left, GTC, false, a.owner[row]);
      }
    }
    this.entry[symbol].clear();
    if (final) this.onClose[symbol].clear();
    return r;
  }

  // ------------------------------------------------------------ plumbing

  /** Tells the quote sink if the symbol's level 1 changed since it was last told. */
  private quoteAfter(now: number, symbol: number): void {
    const q = this.quotes;
    if (q === undefined) return;
    const b = this.books[symbol];
    const bid = b.bestBid() ?? 0;
    const ask = b.bestAsk() ?? 0;
    const bq = bid === 0 ? 0 : b.depthQty(BUY, 1);
    const aq = ask === 0 ? 0 : b.depthQty(SELL, 1);
    const l = this.l1;
    const j = 4 * symbol;
    if (l[j] === bid && l[j + 1] === bq && l[j + 2] === ask && l[j + 3] === aq) return;
    l[j] = bid;
    l[j + 1] = bq;
    l[j + 2] = ask;
    l[j + 3] = aq;
    q.quote(now, symbol, bid, bq, ask, aq);
  }

  /** ACCEPTED for the message in `slot`, if it asked for one (FLAG_ACK). */
  private ack(k: Kernel, slot: number, to: number, symbol: number, filled: number, resting: number, cancelled: number, orderId: number): void {
    if ((k.msgs.f[slot] & FLAG_ACK) !== 0) this.reply(k, to, MSG_ACCEPTED, symbol, filled, resting, cancelled, orderId);
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

function isPosInt(x: number): boolean {
  return x > 0 && x <= Number.MAX_SAFE_INTEGER && Math.floor(x) === x;
}
