// The exchange's call auctions: the orders held for them and the uncross run over them. Per
// symbol two collections (book/auction.ts AuctionOrders) hold orders outside the book:
//   entry     orders that arrive while the symbol collects (pre-open, LULD pause), for the next
//             opening or reopening auction (or, for a pause running into the close, the close);
//   onClose   market- and limit-on-close orders, for the closing auction; they ignore time in
//             force and post-only.
// An auction's orders are the book's resting orders (best level first, queue order), then the
// collected orders, then (for the close) the on-close orders, in arrival order; an id met twice
// keeps its first row and the later one expires (reason 2). The uncross is book/auction.ts; its
// fills go out through the Outbox (FILL with f = 2 to both sides, seller as maker in the print).
// After an opening or reopening auction book orders keep their remainder in place, collected GTC
// limits join the book in arrival order and market and IOC remainders expire (reason 1); after
// the close every remainder expires (reason 2) and the book is emptied. When auctions run is the
// timeline's business (sessions.ts); which messages reach the collections, the exchange's
// (exchange.ts).

import { AUCTION_MARKET, AuctionOrders, ClearingCurve, uncross, type AuctionResult } from '../book/auction.ts';
import { BUY, FOK, GTC, IOC, SELL, Status } from '../book/codes.ts';
import type { OrderBook } from '../book/order-book.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Outbox } from './outbox.ts';
import { EXPIRED_AUCTION_REMAINDER, EXPIRED_END_OF_DAY, MSG_CANCEL, MSG_EXPIRED, MSG_MARKET, MSG_REJECTED, REJECT_NOT_IN_STATE, REJECT_ON_CLOSE_CUTOFF } from './protocol.ts';

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

export class Auctions {
  /** Orders collected in the pre-open or a pause, per symbol. */
  readonly entry: AuctionOrders[];
  /** Market- and limit-on-close orders held for the close, per symbol. */
  readonly onClose: AuctionOrders[];
  /** Scratch for the clearing price (indicative and run alike). */
  private readonly curve = new ClearingCurve();
  /** Scratch for the book's levels as (price, lots, orders) triples. */
  private levels = new Float64Array(3 * 64);

  constructor(
    private readonly books: readonly OrderBook[],
    private readonly out: Outbox,
  ) {
    this.entry = books.map(() => new AuctionOrders());
    this.onClose = books.map(() => new AuctionOrders());
  }

  /** Collects the order in `slot` for the next opening or reopening auction (FOK rejected). */
  collect(k: Kernel, slot: number, book: OrderBook): void {
    this.hold(k, slot, book, this.entry[k.msgs.a[slot]], SRC_ENTRY);
  }

  /** Holds the on-close order in `slot` for the closing auction (the caller checked the cutoff). */
  holdOnClose(k: Kernel, slot: number, book: OrderBook): void {
    this.hold(k, slot, book, this.onClose[k.msgs.a[slot]], SRC_ON_CLOSE);
  }

  /**
   * Cancel or modify (a size reduction at the same price) of an order held here; false if the
   * order is not held. On-close orders may be changed only before `cutoffAt`.
   */
  changeHeld(k: Kernel, slot: number, cutoffAt: number): boolean {
    const m = k.msgs;
    const symbol = m.a[slot];
    const id = m.e[slot];
    const from = m.from[slot];
    let held = this.onClose[symbol];
    if (held.rowOf(id) >= 0) {
      if (k.now >= cutoffAt) {
        this.out.reply(k, from, MSG_REJECTED, symbol, REJECT_ON_CLOSE_CUTOFF, 0, 0, id);
        return true;
      }
    } else {
      held = this.entry[symbol];
      if (held.rowOf(id) < 0) return false;
    }
    const row = held.rowOf(id);
    if (m.kind[slot] === MSG_CANCEL) {
      const q = held.remove(id);
      this.out.ack(k, slot, from, symbol, 0, 0, q, id);
      return true;
    }
    const price = m.c[slot];
    const qty = m.d[slot] === 0 ? held.qty[row] : m.d[slot];
    if ((price !== 0 && price !== held.price[row]) || !held.reduce(id, qty)) {
      this.out.reply(k, from, MSG_REJECTED, symbol, REJECT_NOT_IN_STATE, 0, 0, id);
      return true;
    }
    this.out.ack(k, slot, from, symbol, 0, qty, 0, id);
    return true;
  }

  /** Market-on-close lots to buy minus lots to sell held for the symbol's close so far. */
  onCloseImbalance(symbol: number): number {
    const o = this.onClose[symbol];
    let net = 0;
    for (let i = 0; i < o.count; i++) if (o.qty[i] > 0 && o.price[i] === AUCTION_MARKET) net += o.side[i] === BUY ? o.qty[i] : -o.qty[i];
    return net;
  }

  /**
   * The auction over the book and collected orders (and on-close ones when `withOnClose`) at
   * `reference`, without running it: the clearing price of the orders an auction would gather,
   * added to the curve level by level and row by row. Institutions look at it at every pre-open
   * wake-up, so it builds no collection and sorts nothing.
   */
  indicative(symbol: number, withOnClose: boolean, reference: number): AuctionSummary {
    const book = this.books[symbol];
    const curve = this.curve.reset();
    for (let side = BUY; side <= SELL; side++) {
      const n = book.levels(side);
      if (this.levels.length < 3 * n) this.levels = new Float64Array(6 * n);
      const lv = this.levels;
      book.depthInto(side, n, lv);
      for (let i = 0; i < n; i++) curve.add(side, lv[3 * i], lv[3 * i + 1]);
    }
    this.forEachHeld(symbol, withOnClose, (from, r) => curve.add(from.side[r], from.price[r], from.qty[r]));
    const r = curve.clear(reference);
    return { price: r.price, volume: r.volume, imbalance: r.imbalance };
  }

  /**
   * Runs an auction for one symbol: uncross (within +-collar of the reference when collar > 0),
   * fills to both agents and the sink, then the remainders. `final` (the close): every remainder
   * expires and the book is emptied. Otherwise book orders keep their remainder in place,
   * collected GTC limits join the book, market and IOC remainders expire.
   */
  run(k: Kernel, symbol: number, reference: number, final: boolean, collar = 0): AuctionResult {
    const book = this.books[symbol];
    const out = this.out;
    const a = this.gather(k, symbol, final);
    const r = collar > 0 ? uncross(a, reference, Math.max(1, Math.ceil(reference * (1 - collar))), Math.floor(reference * (1 + collar)), this.curve) : uncross(a, reference, 1, Number.MAX_SAFE_INTEGER, this.curve);
    out.auctionFills(k, symbol, a, r);
    for (let row = 0; row < a.count; row++) {
      const id = a.id[row];
      const left = a.qty[row] - r.filled[row];
      const src = a.tag[row] >> 2;
      const owner = a.owner[row] - 1;
      if (src === SRC_BOOK) {
        if (final || left === 0) book.cancel(id);
        else if (r.filled[row] > 0) book.modify(id, left);
        if (final && left > 0) out.reply(k, owner, MSG_EXPIRED, symbol, a.side[row], 0, left, id, EXPIRED_END_OF_DAY);
      } else if (left > 0) {
        if (final) out.reply(k, owner, MSG_EXPIRED, symbol, a.side[row], 0, left, id, EXPIRED_END_OF_DAY);
        else if (a.price[row] === AUCTION_MARKET || (a.tag[row] & 3) !== GTC) out.reply(k, owner, MSG_EXPIRED, symbol, a.side[row], 0, left, id, EXPIRED_AUCTION_REMAINDER);
        else book.limit(id, a.side[row], a.price[row], left, GTC, false, a.owner[row]);
      }
    }
    this.entry[symbol].clear();
    if (final) this.onClose[symbol].clear();
    return r;
  }

  /** Validates an order and adds it to `into` with an ACCEPTED (whole size resting), or rejects it. */
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
    if (status !== Status.OK) return this.out.reply(k, from, MSG_REJECTED, symbol, status, 0, 0, id);
    // On-close orders ignore time in force: they live until the closing auction.
    into.add(id, side, price, qty, from + 1, source * 4 + (source === SRC_ENTRY ? tif : GTC));
    this.out.ack(k, slot, from, symbol, 0, qty, 0, id);
  }

  /**
   * The orders of an auction for one symbol: the book's resting orders (best level first, queue
   * order), then the collected orders, then (for the close) the on-close orders. An id met twice
   * keeps its first row; the later one is expired.
   */
  private gather(k: Kernel, symbol: number, withOnClose: boolean): AuctionOrders {
    const book = this.books[symbol];
    const a = new AuctionOrders(book.liveOrders + this.entry[symbol].count + this.onClose[symbol].count + 4, false);
    for (const side of [BUY, SELL]) {
      for (const lvl of book.snapshot(side)) for (const o of lvl.orders) a.add(o.id, side, lvl.price, o.qty, o.owner, SRC_BOOK * 4 + GTC);
    }
    this.forEachHeld(
      symbol,
      withOnClose,
      (from, r) => a.add(from.id[r], from.side[r], from.price[r], from.qty[r], from.owner[r], from.tag[r]),
      (from, r) => this.out.reply(k, from.owner[r] - 1, MSG_EXPIRED, symbol, from.side[r], 0, from.qty[r], from.id[r], EXPIRED_END_OF_DAY),
    );
    return a;
  }

  /**
   * Visits the held orders with lots left that join an auction after the book's: the collected
   * ones, then (withOnClose) the on-close ones, in arrival order. Ids are unique within the book
   * and within each collection's live rows, so an id met twice is a held order whose id is live
   * in the book, or an on-close order whose id is live in entry: it goes to `duplicate` instead.
   */
  private forEachHeld(symbol: number, withOnClose: boolean, visit: (from: AuctionOrders, row: number) => void, duplicate?: (from: AuctionOrders, row: number) => void): void {
    const book = this.books[symbol];
    const entry = this.entry[symbol];
    const walk = (from: AuctionOrders, afterEntry: boolean) => {
      for (let r = 0; r < from.count; r++) {
        if (from.qty[r] === 0) continue;
        const id = from.id[r];
        if (book.isLive(id) || (afterEntry && entry.rowOf(id) >= 0)) duplicate?.(from, r);
        else visit(from, r);
      }
    };
    walk(entry, false);
    if (withOnClose) walk(this.onClose[symbol], true);
  }
}

function isPosInt(x: number): boolean {
  return x > 0 && x <= Number.MAX_SAFE_INTEGER && Math.floor(x) === x;
}
