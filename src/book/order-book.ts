// A price-time priority limit order book for one symbol. Numbers in, numbers out: prices are
// integer ticks, sizes integer lots, ids positive integers, all safe integers handled exactly.
// Orders and price levels live in flat typed arrays (struct of arrays) with free lists, each
// level a doubly linked FIFO queue, so a cancel is O(1) and no operation allocates once the
// arrays have grown. The book knows nothing of time, agents or I/O.
//
// Each side keeps its levels in a sorted array with the best level at the end (bids ascending,
// asks descending), so matching pops levels off the end; a price's place is found from the
// bound its distance to the touch gives (levels have distinct integer prices), then bisection.

import { BUY, FOK, GTC, IOC, Status, STP_EXPIRE_MAKER, STP_EXPIRE_TAKER, STP_NONE, type StatusCode, type StpCode } from './codes.ts';
import { Fills } from './fills.ts';
import { ID_FINISHED, ID_UNSEEN, IdIndex } from './id-index.ts';

export interface OrderBookOptions {
  /** Self-trade prevention between orders of the same non-zero owner. Default none. */
  stp?: StpCode;
  /** Buffer the fills of each operation are written to; a new one is made when omitted. */
  fills?: Fills;
  /** Initial capacity in orders (grows as needed). */
  capacity?: number;
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

const NIL = -1;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** The limit of a market order in match(): prices are positive, so 0 can mean "none" (and, unlike Infinity, is a small integer the engine passes without boxing). */
const NO_LIMIT = 0;

/** A positive safe integer (false for NaN, non-numbers, fractions, 0 and anything above 2^53 - 1). */
function isPosInt(x: number): boolean {
  // Small integers (the common case) pass the first test without a floor.
  return (x | 0) === x ? x > 0 : x > 0 && x <= MAX_SAFE && Math.floor(x) === x;
}

export class OrderBook {
  readonly fills: Fills;
  readonly result: OpResult = { filled: 0, resting: 0, cancelled: 0, expired: [] };
  stp: StpCode;

  /** Lots traded over the book's lifetime, and the number of maker fills. */
  tradedVolume = 0;
  tradeCount = 0;
  liveOrders = 0;

  // Orders (slot-indexed).
  private oId: Float64Array;
  private oPrice: Float64Array;
  private oQty: Float64Array;
  private oOwner: Float64Array;
  private oNext: Int32Array;
  private oPrev: Int32Array;
  private oLevel: Int32Array;
  private oSide: Uint8Array;
  private freeOrder = NIL;
  private orderTop = 0;

  // Levels (slot-indexed).
  private lPrice: Float64Array;
  private lQty: Float64Array;
  private lCount: Int32Array;
  private lHead: Int32Array;
  private lTail: Int32Array;
  private freeLevel = NIL;
  private levelTop = 0;

  // Per side: level slots sorted with the best at the end.
  private bids: Int32Array;
  private asks: Int32Array;
  // The same levels' prices, kept in step, so searches read one contiguous array.
  private bidPx: Float64Array;
  private askPx: Float64Array;
  private nBids = 0;
  private nAsks = 0;

  private readonly ids = new IdIndex();

  constructor(options: OrderBookOptions = {}) {
    this.stp = options.stp ?? STP_NONE;
    this.fills = options.fills ?? new Fills();
    const cap = Math.max(16, options.capacity ?? 16_384);
    this.oId = new Float64Array(cap);
    this.oPrice = new Float64Array(cap);
    this.oQty = new Float64Array(cap);
    this.oOwner = new Float64Array(cap);
    this.oNext = new Int32Array(cap);
    this.oPrev = new Int32Array(cap);
    this.oLevel = new Int32Array(cap);
    this.oSide = new Uint8Array(cap);
    const lcap = 1024;
    this.lPrice = new Float64Array(lcap);
    this.lQty = new Float64Array(lcap);
    this.lCount = new Int32Array(lcap);
    this.lHead = new Int32Array(lcap);
    this.lTail = new Int32Array(lcap);
    this.bids = new Int32Array(lcap);
    this.asks = new Int32Array(lcap);
    this.bidPx = new Float64Array(lcap);
    this.askPx = new Float64Array(lcap);
  }

  // ---------------------------------------------------------------- queries

  bestBid(): number | null {
    return this.nBids === 0 ? null : this.bidPx[this.nBids - 1];
  }

  bestAsk(): number | null {
    return this.nAsks === 0 ? null : this.askPx[this.nAsks - 1];
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
    const arr = side === BUY ? this.bids : this.asks;
    const k = Math.max(0, Math.min(levels, n, Math.floor(out.length / 3)));
    for (let i = 0; i < k; i++) {
      const l = arr[n - 1 - i];
      out[3 * i] = this.lPrice[l];
      out[3 * i + 1] = this.lQty[l];
      out[3 * i + 2] = this.lCount[l];
    }
    return k;
  }

  /** Total resting lots on a side within `levels` levels of the touch. */
  depthQty(side: number, levels: number): number {
    const n = side === BUY ? this.nBids : this.nAsks;
    const arr = side === BUY ? this.bids : this.asks;
    let q = 0;
    for (let i = 0; i < levels && i < n; i++) q += this.lQty[arr[n - 1 - i]];
    return q;
  }

  /** Every level of a side, best first, with its orders in queue order (allocates; not for hot loops). */
  snapshot(side: number): LevelView[] {
    const n = side === BUY ? this.nBids : this.nAsks;
    const arr = side === BUY ? this.bids : this.asks;
    const out: LevelView[] = [];
    for (let i = n - 1; i >= 0; i--) {
      const l = arr[i];
      const orders: LevelView['orders'] = [];
      for (let o = this.lHead[l]; o !== NIL; o = this.oNext[o]) orders.push({ id: this.oId[o], qty: this.oQty[o], owner: this.oOwner[o] });
      out.push({ price: this.lPrice[l], qty: this.lQty[l], count: this.lCount[l], orders });
    }
    return out;
  }

  /** Whether an order with this id is resting in the book. */
  isLive(id: number): boolean {
    return this.slotOf(id) !== NIL;
  }

  /** Remaining lots of a live order, or 0. */
  remaining(id: number): number {
    const o = this.slotOf(id);
    return o !== NIL ? this.oQty[o] : 0;
  }

  /** Price of a live order, or null. */
  priceOf(id: number): number | null {
    const o = this.slotOf(id);
    return o !== NIL ? this.oPrice[o] : null;
  }

  /** Side of a live order (0 buy, 1 sell), or -1. */
  sideOf(id: number): number {
    const o = this.slotOf(id);
    return o !== NIL ? this.oSide[o] : -1;
  }

  /**
   * The slot of a live order, or NIL. The id index remembers the slot an order was put in and
   * is not written again when the order leaves (that would be a random write per fill): the
   * entry is current only while that slot is in use (oLevel set) by the same id.
   */
  private slotOf(id: number): number {
    const e = this.ids.get(id);
    if (e > 0) {
      const o = e - 1;
      if (this.oLevel[o] !== NIL && this.oId[o] === id) return o;
    }
    return NIL;
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
    if (!isPosInt(id)) return Status.INVALID_ID;
    if (side !== 0 && side !== 1) return Status.INVALID_SIDE;
    if (!isPosInt(price)) return Status.INVALID_PRICE;
    if (!isPosInt(qty)) return Status.INVALID_QTY;
    if (tif !== GTC && tif !== IOC && tif !== FOK) return Status.INVALID_TIF;
    if (this.ids.get(id) !== ID_UNSEEN) return Status.DUPLICATE_ID;
    if (postOnly && this.crosses(side, price)) return Status.POST_ONLY_WOULD_CROSS;
    if (tif === FOK && this.fillable(side, price, qty, owner) < qty) return Status.FOK_NOT_FILLABLE;
    this.takerStopped = false;
    const left = this.crosses(side, price) ? this.match(id, side, price, qty, owner) : qty;
    r.filled = qty - left;
    if (left > 0 && tif === GTC && !this.takerStopped) {
      this.rest(id, side, price, left, owner);
      r.resting = left;
    } else {
      this.ids.set(id, ID_FINISHED);
      r.cancelled = left;
    }
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
    if (!isPosInt(id)) return Status.INVALID_ID;
    if (side !== 0 && side !== 1) return Status.INVALID_SIDE;
    if (!isPosInt(qty)) return Status.INVALID_QTY;
    if (this.ids.get(id) !== ID_UNSEEN) return Status.DUPLICATE_ID;
    this.ids.set(id, ID_FINISHED);
    const left = this.match(id, side, NO_LIMIT, qty, owner);
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
    if (o === NIL) return Status.UNKNOWN_ORDER;
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
    const o = typeof id === 'number' ? this.slotOf(id) : NIL;
    if (o === NIL) return Status.UNKNOWN_ORDER;
    if (qty !== undefined && !isPosInt(qty)) return Status.INVALID_QTY;
    if (price !== undefined && !isPosInt(price)) return Status.INVALID_PRICE;
    const oldPrice = this.oPrice[o];
    const oldQty = this.oQty[o];
    const newPrice = price ?? oldPrice;
    const newQty = qty ?? oldQty;
    if (newPrice === oldPrice && newQty <= oldQty) {
      const l = this.oLevel[o];
      const lq = this.lQty[l];
      this.oQty[o] = newQty;
      this.lQty[l] = lq > MAX_SAFE ? this.levelSum(l) : lq - (oldQty - newQty);
      r.resting = newQty;
      return Status.OK;
    }
    const side = this.oSide[o];
    const owner = this.oOwner[o];
    this.unlink(o);
    const left = this.match(id, side, newPrice, newQty, owner);
    r.filled = newQty - left;
    if (left > 0) {
      if (!this.takerStopped) {
        this.rest(id, side, newPrice, left, owner);
        r.resting = left;
      } else {
        r.cancelled = left;
      }
    }
    return Status.OK;
  }

  // ---------------------------------------------------------------- internals

  /** Set by match() when self-trade prevention cancelled the taker's remainder. */
  private takerStopped = false;


  private crosses(side: number, price: number): boolean {
    if (side === BUY) return this.nAsks > 0 && this.askPx[this.nAsks - 1] <= price;
    return this.nBids > 0 && this.bidPx[this.nBids - 1] >= price;
  }

  /** Lots an incoming order could fill within its limit, counting self-trade prevention; stops at `qty`. */
  private fillable(side: number, price: number, qty: number, owner: number): number {
    const arr = side === BUY ? this.asks : this.bids;
    const n = side === BUY ? this.nAsks : this.nBids;
    const stp = owner !== 0 ? this.stp : STP_NONE;
    let sum = 0;
    for (let i = n - 1; i >= 0 && sum < qty; i--) {
      const l = arr[i];
      const lp = this.lPrice[l];
      if (side === BUY ? lp > price : lp < price) break;
      if (stp === STP_NONE) {
        sum += this.lQty[l];
        continue;
      }
      for (let o = this.lHead[l]; o !== NIL && sum < qty; o = this.oNext[o]) {
        if (this.oOwner[o] === owner) {
          if (stp === STP_EXPIRE_TAKER) return sum;
          continue;
        }
        sum += this.oQty[o];
      }
    }
    return sum;
  }

  /** Trades an incoming order against the opposite side up to `limit` (NO_LIMIT for a market order); returns lots left. */
  private match(takerId: number, side: number, limit: number, qty: number, owner: number): number {
    this.takerStopped = false;
    const isBuy = side === BUY;
    const arr = isBuy ? this.asks : this.bids;
    let n = isBuy ? this.nAsks : this.nBids;
    const stp = owner !== 0 ? this.stp : STP_NONE;
    const lPrice = this.lPrice;
    const lQty = this.lQty;
    const oQty = this.oQty;
    const oNext = this.oNext;
    const fills = this.fills;
    let left = qty;
    while (left > 0 && n > 0) {
      const l = arr[n - 1];
      const lp = lPrice[l];
      if (limit !== NO_LIMIT && (isBuy ? lp > limit : lp < limit)) break;
      let o = this.lHead[l];
      while (o !== NIL && left > 0) {
        const next = oNext[o];
        if (stp !== STP_NONE && this.oOwner[o] === owner) {
          if (stp === STP_EXPIRE_TAKER) {
            this.takerStopped = true;
            break;
          }
          this.result.expired.push(this.oId[o]);
          this.removeFromLevel(o, l);
          o = next;
          continue;
        }
        const mq = oQty[o];
        if (mq <= left) {
          left -= mq;
          fills.push(this.oId[o], this.oOwner[o], lp, mq);
          this.tradedVolume += mq;
          this.removeFromLevel(o, l);
        } else {
          oQty[o] = mq - left;
          const lq = lQty[l];
          lQty[l] = lq > MAX_SAFE ? this.levelSum(l) : lq - left;
          fills.push(this.oId[o], this.oOwner[o], lp, left);
          this.tradedVolume += left;
          left = 0;
        }
        this.tradeCount++;
        o = next;
      }
      if (this.lCount[l] === 0) {
        n--;
        this.freeLevelSlot(l);
      }
      if (this.takerStopped) break;
    }
    if (isBuy) this.nAsks = n;
    else this.nBids = n;
    return left;
  }

  /** Removes order o from level l's queue and frees its slot (the level may become empty). */
  private removeFromLevel(o: number, l: number): void {
    const prev = this.oPrev[o];
    const next = this.oNext[o];
    if (prev === NIL) this.lHead[l] = next;
    else this.oNext[prev] = next;
    if (next === NIL) this.lTail[l] = prev;
    else this.oPrev[next] = prev;
    const lq = this.lQty[l];
    this.lQty[l] = lq > MAX_SAFE ? this.levelSum(l) : lq - this.oQty[o];
    this.lCount[l]--;
    this.oLevel[o] = NIL;
    this.oNext[o] = this.freeOrder;
    this.freeOrder = o;
    this.liveOrders--;
  }

  /**
   * A level's total summed afresh from its queue. Totals are kept incrementally and are exact
   * while they stay within 2^53 - 1; a total above that is rounded, so a subtraction from it
   * would leave an error behind. Those (rare) subtractions recompute instead.
   */
  private levelSum(l: number): number {
    let q = 0;
    for (let o = this.lHead[l]; o !== NIL; o = this.oNext[o]) q += this.oQty[o];
    return q;
  }

  /** Takes a resting order out of the book entirely (cancel or modify), removing an emptied level. */
  private unlink(o: number): void {
    const l = this.oLevel[o];
    const side = this.oSide[o];
    this.removeFromLevel(o, l);
    if (this.lCount[l] === 0) {
      const i = this.findLevel(side, this.lPrice[l]);
      if (side === BUY) removeAt(this.bids, this.bidPx, i, this.nBids--);
      else removeAt(this.asks, this.askPx, i, this.nAsks--);
      this.freeLevelSlot(l);
    }
  }

  /**
   * Index in a side's sorted array of the level at `price`, or where it would go. Bids ascend
   * and asks descend, so along either array the key (price for bids, -price for asks) ascends;
   * the result i satisfies key(arr[i - 1]) < key(price) <= key(arr[i]).
   */
  private findLevel(side: number, price: number): number {
    return side === BUY ? this.findBid(price) : this.findAsk(price);
  }

  private findBid(price: number): number {
    const px = this.bidPx;
    const n = this.nBids;
    if (n === 0 || price > px[n - 1]) return n;
    // Levels hold distinct integer prices, so at most best - price + 1 of them lie in
    // [price, best]: the answer is at or after n - 1 - (best - price). Near the touch, where
    // levels are dense, that bound is usually the answer itself.
    const d = px[n - 1] - price;
    let lo = d < n - 1 ? n - 1 - d : 0;
    if (px[lo] >= price) return lo;
    let hi = n - 1;
    lo++;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (px[mid] < price) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private findAsk(price: number): number {
    const px = this.askPx;
    const n = this.nAsks;
    if (n === 0 || price < px[n - 1]) return n;
    const d = price - px[n - 1];
    let lo = d < n - 1 ? n - 1 - d : 0;
    if (px[lo] <= price) return lo;
    let hi = n - 1;
    lo++;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (px[mid] > price) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Appends a resting order at the back of its price level, creating the level if needed. */
  private rest(id: number, side: number, price: number, qty: number, owner: number): void {
    const isBuy = side === BUY;
    const n = isBuy ? this.nBids : this.nAsks;
    const i = isBuy ? this.findBid(price) : this.findAsk(price);
    let l: number;
    if (i < n && (isBuy ? this.bidPx[i] : this.askPx[i]) === price) {
      l = isBuy ? this.bids[i] : this.asks[i];
    } else {
      l = this.allocLevel(price);
      if (n === this.bids.length || n === this.asks.length) this.growSides();
      if (isBuy) insertAt(this.bids, this.bidPx, i, this.nBids++, l, price);
      else insertAt(this.asks, this.askPx, i, this.nAsks++, l, price);
    }
    let o = this.freeOrder;
    if (o !== NIL) this.freeOrder = this.oNext[o];
    else {
      if (this.orderTop === this.oId.length) this.growOrders();
      o = this.orderTop++;
    }
    // Arrays are read once, after any growth above.
    const oNext = this.oNext;
    const lTail = this.lTail;
    this.oId[o] = id;
    this.oPrice[o] = price;
    this.oQty[o] = qty;
    this.oOwner[o] = owner;
    this.oSide[o] = side;
    this.oLevel[o] = l;
    const tail = lTail[l];
    this.oPrev[o] = tail;
    oNext[o] = NIL;
    if (tail === NIL) this.lHead[l] = o;
    else oNext[tail] = o;
    lTail[l] = o;
    this.lQty[l] += qty;
    this.lCount[l]++;
    this.liveOrders++;
    this.ids.set(id, o + 1);
  }


  private allocOrder(): number {
    if (this.freeOrder !== NIL) {
      const o = this.freeOrder;
      this.freeOrder = this.oNext[o];
      return o;
    }
    if (this.orderTop === this.oId.length) this.growOrders();
    return this.orderTop++;
  }

  private allocLevel(price: number): number {
    let l: number;
    if (this.freeLevel !== NIL) {
      l = this.freeLevel;
      this.freeLevel = this.lHead[l];
    } else {
      if (this.levelTop === this.lPrice.length) this.growLevels();
      l = this.levelTop++;
    }
    this.lPrice[l] = price;
    this.lQty[l] = 0;
    this.lCount[l] = 0;
    this.lHead[l] = NIL;
    this.lTail[l] = NIL;
    return l;
  }

  private freeLevelSlot(l: number): void {
    this.lHead[l] = this.freeLevel;
    this.freeLevel = l;
  }

  private growOrders(): void {
    const cap = this.oId.length * 2;
    this.oId = growF64(this.oId, cap);
    this.oPrice = growF64(this.oPrice, cap);
    this.oQty = growF64(this.oQty, cap);
    this.oOwner = growF64(this.oOwner, cap);
    this.oNext = growI32(this.oNext, cap);
    this.oPrev = growI32(this.oPrev, cap);
    this.oLevel = growI32(this.oLevel, cap);
    const s = new Uint8Array(cap);
    s.set(this.oSide);
    this.oSide = s;
  }

  private growLevels(): void {
    const cap = this.lPrice.length * 2;
    this.lPrice = growF64(this.lPrice, cap);
    this.lQty = growF64(this.lQty, cap);
    this.lCount = growI32(this.lCount, cap);
    this.lHead = growI32(this.lHead, cap);
    this.lTail = growI32(this.lTail, cap);
  }

  private growSides(): void {
    const cap = Math.max(this.bids.length, this.asks.length) * 2;
    this.bids = growI32(this.bids, cap);
    this.asks = growI32(this.asks, cap);
    this.bidPx = growF64(this.bidPx, cap);
    this.askPx = growF64(this.askPx, cap);
  }
}

/** Removes entry i of a side's (level, price) arrays holding n entries. */
function removeAt(levels: Int32Array, px: Float64Array, i: number, n: number): void {
  for (let j = i + 1; j < n; j++) {
    levels[j - 1] = levels[j];
    px[j - 1] = px[j];
  }
}

/** Inserts (level, price) at i into a side's arrays holding n entries (capacity > n). */
function insertAt(levels: Int32Array, px: Float64Array, i: number, n: number, level: number, price: number): void {
  for (let j = n; j > i; j--) {
    levels[j] = levels[j - 1];
    px[j] = px[j - 1];
  }
  levels[i] = level;
  px[i] = price;
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
