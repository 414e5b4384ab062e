// A price-time priority limit order book for one symbol. Numbers in, numbers out: prices are
// integer ticks, sizes integer lots, ids positive integers, all safe integers handled exactly.
// The book knows nothing of time, agents or I/O, and no operation allocates once its arrays
// have grown.
//
// Orders live in flat arrays (struct of arrays) indexed by slot, counted from 1 so that 0 can
// mean "no order", and recycled through a free list. Links, levels and sides are typed arrays;
// ids, sizes and owners (like the level totals) are plain arrays of numbers, which the engine
// stores as small integers while the values fit and as doubles beyond, so they stay exact and
// are not boxed on every read before the code is optimised. Each price level is a doubly linked
// FIFO queue of slots, so a cancel is O(1). Order ids map to slots through IdIndex.
//
// Levels are not kept in a sorted list: they sit on a price ladder, indexed by price. The ladder
// is cut into pages of 4,096 consecutive prices (page key = floor(price / 4096)); a page in use
// holds the level data (queue head and tail, total lots, order count) of each of its prices and
// one bit per price, set while that level has orders. A level's index is
// page slot * 4096 + price mod 4096. A page is taken from a pool when a price in it first gets an
// order and given back when its last level empties; a small directory keeps the pages in use
// sorted by key, and the page of the last price that rested is cached. So resting an order is
// O(1) near the touch; the next non-empty level is found by scanning 32-bit words of the bitmap
// from the level (then the next page in the directory); and any positive safe-integer price
// works: far-apart prices just take more pages. The resting book is never crossed, so the one
// bitmap serves both sides: every non-empty level at or below the best bid holds bids, every
// one at or above the best ask holds asks.

import { BUY, FOK, GTC, IOC, SELL, Status, STP_EXPIRE_MAKER, STP_EXPIRE_TAKER, STP_NONE, type StatusCode, type StpCode } from './codes.ts';
import { Fills } from './fills.ts';
import { ID_FINISHED, ID_UNSEEN, IdIndex } from './id-index.ts';

export interface OrderBookOptions {
  /** Self-trade prevention between orders of the same non-zero owner. Default none. */
  stp?: StpCode;
  /** Buffer the fills of each operation are written to; a new one is made when omitted. */
  fills?: Fills;
  /** Initial capacity in orders (grows as needed). */
  capacity?: number;
  /**
   * The largest order id the caller expects to send (a hint; larger ids still work). Ids up to it
   * (at most 2^20) are indexed from the start, in memory written once, instead of growing with them.
   */
  maxId?: number;
}

/** What the last operation did, beyond the fills: reused by every call, read it right away. */
export interface OpResult {
  /** Lots traded by the incoming order (for a cancel, 0). */
  filled: number;
  /** Lots left resting in the book from the incoming order. */
  resting: number;
  /** Lots cancelled: an IOC or market remainder, an expired taker remainder, or a cancel. */
  cancelled: number;
  /** Ids of resting orders removed by self-trade prevention (expire_maker), in order. */
  expired: number[];
}

/** One level of a depth snapshot. */
export interface LevelView {
  price: number;
  qty: number;
  count: number;
  orders: { id: number; qty: number; owner: number }[];
}

/** No order: order slots start at 1. */
const NO_ORDER = 0;
/** No level (level indices start at 0). */
const NO_LEVEL = -1;
/** Best bid and best ask of an empty side; every real price lies strictly between them. */
const NO_BID = 0;
const NO_ASK = Infinity;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Prices per ladder page (2^PAGE_BITS), and 32-bit bitmap words per page. */
const PAGE_BITS = 12;
const PAGE = 1 << PAGE_BITS;
const PAGE_WORDS = PAGE >> 5;
/** A page base no positive price is within PAGE of. */
const NO_PAGE_BASE = -PAGE;

/** A positive safe integer (false for NaN, non-numbers, fractions, 0 and anything above 2^53 - 1). */
function isPosInt(x: number): boolean {
  // Small integers (the common case) pass the first test without a floor.
  return (x | 0) === x ? x > 0 : x > 0 && x <= MAX_SAFE && Math.floor(x) === x;
}

/** Index of the lowest set bit of a non-zero 32-bit word. */
function lowestBit(m: number): number {
  const u = m >>> 0; // unsigned, so that negating it cannot overflow
  return 31 - Math.clz32(u & -u);
}

/** Index of the highest set bit of a non-zero 32-bit word. */
function highestBit(m: number): number {
  return 31 - Math.clz32(m);
}

export class OrderBook {
  readonly fills: Fills;
  readonly result: OpResult = { filled: 0, resting: 0, cancelled: 0, expired: [] };
  stp: StpCode;

  /** Lots traded over the book's lifetime, and the number of maker fills. */
  tradedVolume = 0;
  tradeCount = 0;
  liveOrders = 0;

  // Orders (slot-indexed; slot 0 unused). A free slot has id 0.
  private oId: number[];
  private oQty: number[];
  private oOwner: number[];
  private oNext: Int32Array;
  private oPrev: Int32Array;
  private oLevel: Int32Array;
  private oSide: Uint8Array;
  private freeOrder = NO_ORDER;
  private orderTop = 1;

  // Levels (ladder-indexed: page slot * PAGE + price mod PAGE). An empty level is all zeros.
  private lHead: Int32Array;
  private lTail: Int32Array;
  private lQty: number[];
  private lCount: Int32Array;
  /** Bit i set <=> level i has orders. */
  private bits: Int32Array;

  // Pages (slot-indexed): key, number of non-empty levels; unused slots on a stack.
  private pageKey: number[];
  private pageLevels: Int32Array;
  private freePages: Int32Array;
  private nFreePages = 0;
  private pageTop = 0;
  // The directory: keys of the pages in use, ascending, and their slots.
  private dirKey: Float64Array;
  private dirPage: Int32Array;
  private nDir = 0;
  // The page of the last price that rested: its first price (NO_PAGE_BASE: none) and slot.
  private pageBase = NO_PAGE_BASE;
  private cachedPage = 0;

  // The touch: best prices (NO_BID / NO_ASK when a side is empty), their levels, level counts.
  private bidPx = NO_BID;
  private askPx = NO_ASK;
  private bidLevel = NO_LEVEL;
  private askLevel = NO_LEVEL;
  private nBids = 0;
  private nAsks = 0;

  private readonly ids: IdIndex;

  /** Set by match() when self-trade prevention cancelled the taker's remainder. */
  private takerStopped = false;

  constructor(options: OrderBookOptions = {}) {
    this.stp = options.stp ?? STP_NONE;
    this.fills = options.fills ?? new Fills();
    this.ids = new IdIndex(options.maxId);
    const cap = Math.max(16, options.capacity ?? 64);
    this.oId = zeros(cap);
    this.oQty = zeros(cap);
    this.oOwner = zeros(cap);
    this.oNext = new Int32Array(cap);
    this.oPrev = new Int32Array(cap);
    this.oLevel = new Int32Array(cap);
    this.oSide = new Uint8Array(cap);
    const pages = 1;
    this.lHead = new Int32Array(pages * PAGE);
    this.lTail = new Int32Array(pages * PAGE);
    this.lQty = zeros(pages * PAGE);
    this.lCount = new Int32Array(pages * PAGE);
    this.bits = new Int32Array(pages * PAGE_WORDS);
    this.pageKey = zeros(pages);
    this.pageLevels = new Int32Array(pages);
    this.freePages = new Int32Array(pages);
    this.dirKey = new Float64Array(8);
    this.dirPage = new Int32Array(8);
  }

  // ---------------------------------------------------------------- queries

  bestBid(): number | null {
    return this.bidPx === NO_BID ? null : this.bidPx;
  }

  bestAsk(): number | null {
    return this.askPx === NO_ASK ? null : this.askPx;
  }

  /** Number of price levels on a side. */
  levels(side: number): number {
    return side === BUY ? this.nBids : this.nAsks;
  }

  /** Up to `levels` levels of a side, best first, as (price, qty, count) triples (allocates). */
  depth(side: number, levels: number): Float64Array {
    const n = side === BUY ? this.nBids : this.nAsks;
    const out = new Float64Array(3 * Math.max(0, Math.min(levels, n)));
    this.depthInto(side, levels, out);
    return out;
  }

  /** Allocation-free depth: writes (price, qty, count) triples into `out`; returns the levels written. */
  depthInto(side: number, levels: number, out: Float64Array): number {
    const n = side === BUY ? this.nBids : this.nAsks;
    const k = Math.max(0, Math.min(levels, n, Math.floor(out.length / 3)));
    let l = side === BUY ? this.bidLevel : this.askLevel;
    for (let i = 0; i < k; i++) {
      out[3 * i] = this.levelPrice(l);
      out[3 * i + 1] = this.lQty[l];
      out[3 * i + 2] = this.lCount[l];
      l = this.awayFromTouch(side, l);
    }
    return k;
  }

  /** Total resting lots on a side within `levels` levels of the touch. */
  depthQty(side: number, levels: number): number {
    let q = 0;
    let l = side === BUY ? this.bidLevel : this.askLevel;
    for (let i = 0; i < levels && l !== NO_LEVEL; i++) {
      q += this.lQty[l];
      l = this.awayFromTouch(side, l);
    }
    return q;
  }

  /** Every level of a side, best first, with its orders in queue order (allocates; not for hot loops). */
  snapshot(side: number): LevelView[] {
    const out: LevelView[] = [];
    for (let l = side === BUY ? this.bidLevel : this.askLevel; l !== NO_LEVEL; l = this.awayFromTouch(side, l)) {
      const orders: LevelView['orders'] = [];
      for (let o = this.lHead[l]; o !== NO_ORDER; o = this.oNext[o]) orders.push({ id: this.oId[o], qty: this.oQty[o], owner: this.oOwner[o] });
      out.push({ price: this.levelPrice(l), qty: this.lQty[l], count: this.lCount[l], orders });
    }
    return out;
  }

  /** Whether an order with this id is resting in the book. */
  isLive(id: number): boolean {
    return this.slotOf(id) !== NO_ORDER;
  }

  /** Remaining lots of a live order, or 0. */
  remaining(id: number): number {
    const o = this.slotOf(id);
    return o !== NO_ORDER ? this.oQty[o] : 0;
  }

  /** Price of a live order, or null. */
  priceOf(id: number): number | null {
    const o = this.slotOf(id);
    return o !== NO_ORDER ? this.levelPrice(this.oLevel[o]) : null;
  }

  /** Side of a live order (0 buy, 1 sell), or -1. */
  sideOf(id: number): number {
    const o = this.slotOf(id);
    return o !== NO_ORDER ? this.oSide[o] : -1;
  }

  /**
   * The slot of a live order, or NO_ORDER. The id index remembers the slot an order was put in and
   * is not written again when the order leaves (that would be a random write per fill): the
   * entry is current only while that slot holds the same id (a freed slot holds id 0).
   */
  private slotOf(id: number): number {
    const o = this.ids.get(id);
    return o > 0 && this.oId[o] === id ? o : NO_ORDER;
  }

  // ---------------------------------------------------------------- operations

  /**
   * A limit order. GTC rests what does not fill at its limit; IOC cancels it; FOK trades all
   * or nothing. Post-only is rejected if it would trade on entry.
   */
  limit(id: number, side: number, price: number, qty: number, tif: number = GTC, postOnly = false, owner = 0): StatusCode {
    const r = this.result;
    this.fills.count = 0;
    r.filled = 0;
    r.resting = 0;
    r.cancelled = 0;
    if (r.expired.length !== 0) r.expired.length = 0;
    // Small positive integers (the usual case) pass in one test; anything else is checked in turn.
    if (!(id > 0 && price > 0 && qty > 0 && (id | 0) === id && (price | 0) === price && (qty | 0) === qty)) {
      if (!isPosInt(id)) return Status.INVALID_ID;
      if (side !== BUY && side !== SELL) return Status.INVALID_SIDE;
      if (!isPosInt(price)) return Status.INVALID_PRICE;
      if (!isPosInt(qty)) return Status.INVALID_QTY;
    }
    if (side !== BUY && side !== SELL) return Status.INVALID_SIDE;
    if (tif !== GTC && tif !== IOC && tif !== FOK) return Status.INVALID_TIF;
    if (this.ids.get(id) !== ID_UNSEEN) return Status.DUPLICATE_ID;
    const crosses = side === BUY ? this.askPx <= price : this.bidPx >= price;
    if (postOnly && crosses) return Status.POST_ONLY_WOULD_CROSS;
    if (tif === FOK && this.fillable(side, price, qty, owner) < qty) return Status.FOK_NOT_FILLABLE;
    this.takerStopped = false;
    const left = crosses ? this.match(side, price, qty, owner) : qty;
    r.filled = qty - left;
    if (left === 0 || tif !== GTC || this.takerStopped) {
      this.ids.set(id, ID_FINISHED);
      r.cancelled = left;
      return Status.OK;
    }

    // The rest goes to the back of its price level's queue.
    let off = price - this.pageBase;
    let page = this.cachedPage;
    if (off < 0 || off >= PAGE) {
      page = this.usePage(price);
      off = price - this.pageBase;
    }
    const l = page * PAGE + off;
    let o = this.freeOrder;
    if (o !== NO_ORDER) this.freeOrder = this.oNext[o];
    else {
      if (this.orderTop === this.oId.length) this.growOrders();
      o = this.orderTop++;
    }
    // Arrays are read after any growth above.
    const oNext = this.oNext;
    const lTail = this.lTail;
    this.oId[o] = id;
    this.oQty[o] = left;
    this.oOwner[o] = owner;
    this.oSide[o] = side;
    this.oLevel[o] = l;
    const tail = lTail[l];
    this.oPrev[o] = tail;
    oNext[o] = NO_ORDER;
    if (tail === NO_ORDER) {
      // The level was empty: it is in use now, and may be the new best.
      this.lHead[l] = o;
      this.bits[l >> 5] |= 1 << (l & 31);
      this.pageLevels[page]++;
      if (side === BUY) {
        this.nBids++;
        if (price > this.bidPx) {
          this.bidPx = price;
          this.bidLevel = l;
        }
      } else {
        this.nAsks++;
        if (price < this.askPx) {
          this.askPx = price;
          this.askLevel = l;
        }
      }
    } else oNext[tail] = o;
    lTail[l] = o;
    this.lQty[l] += left;
    this.lCount[l]++;
    this.liveOrders++;
    this.ids.set(id, o);
    r.resting = left;
    return Status.OK;
  }

  /** A market order: trades what it can, never rests; the rest is cancelled. */
  market(id: number, side: number, qty: number, owner = 0): StatusCode {
    const r = this.result;
    this.fills.count = 0;
    r.filled = 0;
    r.resting = 0;
    r.cancelled = 0;
    if (r.expired.length !== 0) r.expired.length = 0;
    if (!(id > 0 && qty > 0 && (id | 0) === id && (qty | 0) === qty)) {
      if (!isPosInt(id)) return Status.INVALID_ID;
      if (side !== BUY && side !== SELL) return Status.INVALID_SIDE;
      if (!isPosInt(qty)) return Status.INVALID_QTY;
    }
    if (side !== BUY && side !== SELL) return Status.INVALID_SIDE;
    if (this.ids.get(id) !== ID_UNSEEN) return Status.DUPLICATE_ID;
    this.ids.set(id, ID_FINISHED);
    // The loosest limits: every real price is <= MAX_SAFE and >= 1, the empty sides' are not.
    const left = this.match(side, side === BUY ? MAX_SAFE : 1, qty, owner);
    r.filled = qty - left;
    r.cancelled = left;
    return Status.OK;
  }

  /** Cancels the remaining lots of a live order. */
  cancel(id: number): StatusCode {
    const r = this.result;
    this.fills.count = 0;
    r.filled = 0;
    r.resting = 0;
    r.cancelled = 0;
    if (r.expired.length !== 0) r.expired.length = 0;
    const o = this.slotOf(id);
    if (o === NO_ORDER) return Status.UNKNOWN_ORDER;
    r.cancelled = this.oQty[o];
    this.unlink(o);
    return Status.OK;
  }

  /**
   * Changes a live order. `qty` is the new remaining quantity, `price` the new limit (either may
   * be undefined for "unchanged"). Same price and qty <= remaining: in place, keeping priority.
   * Anything else: the order leaves and re-enters as GTC with the same id, side and owner, at
   * the back of its level, trading first if it crosses.
   */
  modify(id: number, qty?: number, price?: number): StatusCode {
    const r = this.result;
    this.fills.count = 0;
    r.filled = 0;
    r.resting = 0;
    r.cancelled = 0;
    if (r.expired.length !== 0) r.expired.length = 0;
    const o = typeof id === 'number' ? this.slotOf(id) : NO_ORDER;
    if (o === NO_ORDER) return Status.UNKNOWN_ORDER;
    if (qty !== undefined && !isPosInt(qty)) return Status.INVALID_QTY;
    if (price !== undefined && !isPosInt(price)) return Status.INVALID_PRICE;
    const l = this.oLevel[o];
    const oldPrice = this.levelPrice(l);
    const oldQty = this.oQty[o];
    const newPrice = price ?? oldPrice;
    const newQty = qty ?? oldQty;
    if (newPrice === oldPrice && newQty <= oldQty) {
      const lq = this.lQty[l];
      this.oQty[o] = newQty;
      this.lQty[l] = lq > MAX_SAFE ? this.levelSum(l) : lq - (oldQty - newQty);
      r.resting = newQty;
      return Status.OK;
    }
    const side = this.oSide[o];
    const owner = this.oOwner[o];
    this.unlink(o);
    // Re-entry is a new GTC limit order under the same id, which the index must not see as taken.
    this.ids.set(id, ID_UNSEEN);
    return this.limit(id, side, newPrice, newQty, GTC, false, owner);
  }

  // ---------------------------------------------------------------- matching

  /** Lots an incoming order could fill within its limit, counting self-trade prevention; stops at `qty`. */
  private fillable(side: number, price: number, qty: number, owner: number): number {
    const isBuy = side === BUY;
    const stp = owner !== 0 ? this.stp : STP_NONE;
    let sum = 0;
    for (let l = isBuy ? this.askLevel : this.bidLevel; l !== NO_LEVEL && sum < qty; l = isBuy ? this.levelAbove(l) : this.levelBelow(l)) {
      const lp = this.levelPrice(l);
      if (isBuy ? lp > price : lp < price) break;
      if (stp === STP_NONE) {
        sum += this.lQty[l];
        continue;
      }
      for (let o = this.lHead[l]; o !== NO_ORDER && sum < qty; o = this.oNext[o]) {
        if (this.oOwner[o] === owner) {
          if (stp === STP_EXPIRE_TAKER) return sum;
          continue;
        }
        sum += this.oQty[o];
      }
    }
    return sum;
  }

  /**
   * Trades an incoming order against the opposite side, best level first, while the level's
   * price is within `limit`; returns the lots left. Makers leave from the head of each queue
   * (filled or expired), so the queue's head is written once per level.
   */
  private match(side: number, limit: number, qty: number, owner: number): number {
    this.takerStopped = false;
    const isBuy = side === BUY;
    const makerSide = isBuy ? SELL : BUY;
    const stp = owner !== 0 ? this.stp : STP_NONE;
    const oId = this.oId;
    const oQty = this.oQty;
    const oOwner = this.oOwner;
    const oNext = this.oNext;
    const lHead = this.lHead;
    const lQty = this.lQty;
    const lCount = this.lCount;
    const fills = this.fills;
    let l = isBuy ? this.askLevel : this.bidLevel;
    let px = isBuy ? this.askPx : this.bidPx;
    let left = qty;
    let volume = this.tradedVolume;
    let trades = this.tradeCount;
    let removed = 0;
    while (left > 0 && (isBuy ? px <= limit : px >= limit)) {
      let o = lHead[l];
      let count = lCount[l];
      let lq = lQty[l];
      // A total above 2^53 - 1 is rounded: it is summed afresh instead of subtracted from.
      const exact = lq <= MAX_SAFE;
      while (o !== NO_ORDER) {
        if (stp !== STP_NONE && oOwner[o] === owner) {
          if (stp === STP_EXPIRE_TAKER) {
            this.takerStopped = true;
            break;
          }
          this.result.expired.push(oId[o]);
          lq -= oQty[o];
        } else {
          const mq = oQty[o];
          trades++;
          if (mq > left) {
            // The maker keeps the rest and its place at the head.
            oQty[o] = mq - left;
            lq -= left;
            fills.push(oId[o], oOwner[o], px, left);
            volume += left;
            left = 0;
            break;
          }
          left -= mq;
          lq -= mq;
          fills.push(oId[o], oOwner[o], px, mq);
          volume += mq;
        }
        // Maker o leaves the head of the queue; its slot is freed.
        const next = oNext[o];
        this.ids.release(oId[o]);
        oId[o] = 0;
        oNext[o] = this.freeOrder;
        this.freeOrder = o;
        removed++;
        count--;
        o = next;
        if (left === 0) break;
      }
      lHead[l] = o;
      lCount[l] = count;
      if (o !== NO_ORDER) {
        this.oPrev[o] = NO_ORDER;
        lQty[l] = exact ? lq : this.levelSum(l);
        break;
      }
      this.lTail[l] = NO_ORDER;
      lQty[l] = 0;
      this.levelEmptied(l, makerSide);
      l = isBuy ? this.askLevel : this.bidLevel;
      px = isBuy ? this.askPx : this.bidPx;
    }
    this.tradedVolume = volume;
    this.tradeCount = trades;
    this.liveOrders -= removed;
    return left;
  }

  // ---------------------------------------------------------------- queues

  /** Takes a resting order out of the book (cancel or modify). */
  private unlink(o: number): void {
    const l = this.oLevel[o];
    const prev = this.oPrev[o];
    const next = this.oNext[o];
    if (prev === NO_ORDER) this.lHead[l] = next;
    else this.oNext[prev] = next;
    if (next === NO_ORDER) this.lTail[l] = prev;
    else this.oPrev[next] = prev;
    const count = --this.lCount[l];
    const lq = this.lQty[l];
    this.lQty[l] = count === 0 ? 0 : lq > MAX_SAFE ? this.levelSum(l) : lq - this.oQty[o];
    const side = this.oSide[o];
    this.ids.release(this.oId[o]);
    this.oId[o] = 0;
    this.oNext[o] = this.freeOrder;
    this.freeOrder = o;
    this.liveOrders--;
    if (count === 0) this.levelEmptied(l, side);
  }

  /**
   * A level's total summed afresh from its queue. Totals are kept incrementally and are exact
   * while they stay within 2^53 - 1; a total above that is rounded, so a subtraction from it
   * would leave an error behind. Those (rare) subtractions recompute instead.
   */
  private levelSum(l: number): number {
    let q = 0;
    for (let o = this.lHead[l]; o !== NO_ORDER; o = this.oNext[o]) q += this.oQty[o];
    return q;
  }

  // ---------------------------------------------------------------- ladder

  /** Price of level l (its page must be in use). */
  private levelPrice(l: number): number {
    return this.pageKey[l >> PAGE_BITS] * PAGE + (l & (PAGE - 1));
  }

  /** Level l (on `side`) has just lost its last order; its data are already zero. */
  private levelEmptied(l: number, side: number): void {
    this.bits[l >> 5] &= ~(1 << (l & 31));
    const page = l >> PAGE_BITS;
    if (--this.pageLevels[page] === 0) this.releasePage(page);
    if (side === BUY) {
      this.nBids--;
      if (l === this.bidLevel) {
        const next = this.levelBelow(l);
        this.bidLevel = next;
        this.bidPx = next === NO_LEVEL ? NO_BID : this.levelPrice(next);
      }
    } else {
      this.nAsks--;
      if (l === this.askLevel) {
        const next = this.levelAbove(l);
        this.askLevel = next;
        this.askPx = next === NO_LEVEL ? NO_ASK : this.levelPrice(next);
      }
    }
  }

  /** The next level of a side after l, going away from the touch, or NO_LEVEL. */
  private awayFromTouch(side: number, l: number): number {
    return side === BUY ? this.levelBelow(l) : this.levelAbove(l);
  }

  /** The lowest non-empty level priced above level l, or NO_LEVEL. */
  private levelAbove(l: number): number {
    const bits = this.bits;
    let w = l >> 5;
    let m = bits[w] & (-2 << (l & 31));
    const end = (w | (PAGE_WORDS - 1)) + 1;
    while (m === 0) {
      if (++w === end) return this.firstLevelAfter(l >> PAGE_BITS);
      m = bits[w];
    }
    return (w << 5) + lowestBit(m);
  }

  /** The highest non-empty level priced below level l, or NO_LEVEL. */
  private levelBelow(l: number): number {
    const bits = this.bits;
    let w = l >> 5;
    let m = bits[w] & ~(-1 << (l & 31));
    const start = w & ~(PAGE_WORDS - 1);
    while (m === 0) {
      if (w-- === start) return this.lastLevelBefore(l >> PAGE_BITS);
      m = bits[w];
    }
    return (w << 5) + highestBit(m);
  }

  /** The lowest non-empty level in the pages priced above page `page`'s, or NO_LEVEL. */
  private firstLevelAfter(page: number): number {
    const bits = this.bits;
    for (let i = this.dirSearch(this.pageKey[page] + 1); i < this.nDir; i++) {
      const start = this.dirPage[i] * PAGE_WORDS;
      for (let w = start; w < start + PAGE_WORDS; w++) if (bits[w] !== 0) return (w << 5) + lowestBit(bits[w]);
    }
    return NO_LEVEL;
  }

  /** The highest non-empty level in the pages priced below page `page`'s, or NO_LEVEL. */
  private lastLevelBefore(page: number): number {
    const bits = this.bits;
    for (let i = this.dirSearch(this.pageKey[page]) - 1; i >= 0; i--) {
      const start = this.dirPage[i] * PAGE_WORDS;
      for (let w = start + PAGE_WORDS - 1; w >= start; w--) if (bits[w] !== 0) return (w << 5) + highestBit(bits[w]);
    }
    return NO_LEVEL;
  }

  /** Position of the first directory entry with key >= `key`. */
  private dirSearch(key: number): number {
    const keys = this.dirKey;
    let lo = 0;
    let hi = this.nDir;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The page slot for `price`'s page, taking a page into use if needed; caches it. */
  private usePage(price: number): number {
    const key = Math.floor(price / PAGE);
    const i = this.dirSearch(key);
    let page: number;
    if (i < this.nDir && this.dirKey[i] === key) page = this.dirPage[i];
    else {
      if (this.nFreePages > 0) page = this.freePages[--this.nFreePages];
      else {
        if (this.pageTop === this.pageKey.length) this.growPages();
        page = this.pageTop++;
      }
      this.pageKey[page] = key;
      if (this.nDir === this.dirKey.length) {
        this.dirKey = growF64(this.dirKey, 2 * this.nDir);
        this.dirPage = growI32(this.dirPage, 2 * this.nDir);
      }
      this.dirKey.copyWithin(i + 1, i, this.nDir);
      this.dirPage.copyWithin(i + 1, i, this.nDir);
      this.dirKey[i] = key;
      this.dirPage[i] = page;
      this.nDir++;
    }
    this.pageBase = key * PAGE;
    this.cachedPage = page;
    return page;
  }

  /** Gives back a page whose levels are all empty. */
  private releasePage(page: number): void {
    const key = this.pageKey[page];
    const i = this.dirSearch(key);
    this.dirKey.copyWithin(i, i + 1, this.nDir);
    this.dirPage.copyWithin(i, i + 1, this.nDir);
    this.nDir--;
    this.freePages[this.nFreePages++] = page;
    if (this.pageBase === key * PAGE) this.pageBase = NO_PAGE_BASE;
  }

  // ---------------------------------------------------------------- growth

  private growOrders(): void {
    const cap = this.oId.length * 2;
    growZeros(this.oId, cap);
    growZeros(this.oQty, cap);
    growZeros(this.oOwner, cap);
    this.oNext = growI32(this.oNext, cap);
    this.oPrev = growI32(this.oPrev, cap);
    this.oLevel = growI32(this.oLevel, cap);
    const s = new Uint8Array(cap);
    s.set(this.oSide);
    this.oSide = s;
  }

  private growPages(): void {
    const pages = this.pageKey.length * 2;
    this.lHead = growI32(this.lHead, pages * PAGE);
    this.lTail = growI32(this.lTail, pages * PAGE);
    growZeros(this.lQty, pages * PAGE);
    this.lCount = growI32(this.lCount, pages * PAGE);
    this.bits = growI32(this.bits, pages * PAGE_WORDS);
    growZeros(this.pageKey, pages);
    this.pageLevels = growI32(this.pageLevels, pages);
    this.freePages = growI32(this.freePages, pages);
  }
}

/** A packed array of n zeros (plain, so small integers are stored unboxed; see the header). */
function zeros(n: number): number[] {
  const a: number[] = [];
  growZeros(a, n);
  return a;
}

/** Appends zeros to `a` up to length n (keeping it packed). */
function growZeros(a: number[], n: number): void {
  for (let i = a.length; i < n; i++) a.push(0);
}

function growF64(a: Float64Array, cap: number): Float64Array {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}

function growI32(a: Int32Array, cap: number): Int32Array {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/** A new, empty book. */
export function createOrderBook(options: OrderBookOptions = {}): OrderBook {
  return new OrderBook(options);
}

export { ID_FINISHED, ID_UNSEEN };
