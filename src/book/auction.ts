// Call auction uncross: the single-price match of an opening, closing or reopening auction.
// Pure, numbers in and numbers out, no time and no I/O. Prices are integer ticks, sizes integer
// lots; an order's time priority is its row in the collection (the order it was added in).
//
// Clearing price. Candidates are the distinct limit prices of the orders plus the reference
// price. At a candidate p the eligible demand D(p) is every market buy plus every limit buy
// priced >= p, the eligible supply S(p) every market sell plus every limit sell priced <= p,
// and the executable volume min(D(p), S(p)). The clearing price is the candidate with
//   1. the largest executable volume, then
//   2. the smallest imbalance |D(p) - S(p)|, then
//   3. the smallest distance |p - reference|, then
//   4. the lower price (a deterministic last resort).
// When the largest volume is 0 nothing trades and the price is reported as 0. With a collar
// [lo, hi] (optional) only candidates inside it count, and lo and hi are candidates too: the
// price stays within the collar and the side in excess is filled only in part.
//
// Allocation. Each side is ranked once: market orders first (in arrival order), then limit
// orders by price (buys high to low, sells low to high), then arrival. The executable volume
// is handed out down each ranking; the last order reached may be partly filled.
//
// Fills. An auction has no maker and no taker: each fill pairs one buy row with one sell row
// (walking both rankings together) for a quantity at the clearing price. The caller reads ids
// and owners from the collection by row; per row, `filled` gives the lots executed, and the
// unfilled remainder is qty - filled.
//
// Cost: the clearing price is found by ClearingCurve in O(n + range of ticks) (a histogram of
// lots per tick) or, for candidates spread wider than a few ticks per order, O(n log n) over
// their sorted distinct prices; the allocation ranks each side with one numeric sort, only when
// something trades. A handful of typed arrays per call, nothing per order.

import { BUY, SELL } from './codes.ts';

/** The price a market order carries in an AuctionOrders collection. */
export const AUCTION_MARKET = 0;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function isPosInt(x: number): boolean {
  return x > 0 && x <= MAX_SAFE && Math.floor(x) === x;
}

/**
 * The orders of one auction, in arrival order, as growable columns. `tag` is the caller's own
 * number per order (the exchange stores time in force and where the order came from). An order
 * removed or reduced keeps its row (and so its priority); a removed one has qty 0.
 */
export class AuctionOrders {
  id: Float64Array;
  side: Uint8Array;
  /** Limit price in ticks, or AUCTION_MARKET (0) for a market order. */
  price: Float64Array;
  qty: Float64Array;
  owner: Float64Array;
  tag: Float64Array;
  count = 0;
  /** Row of each live order by id; null for a collection built without an index. */
  private readonly rows: Map<number, number> | null;

  /**
   * `indexed` false: a collection gathered from orders already checked and unique (an auction's
   * snapshot of the book and the held orders): `add` skips the checks and the id index, and the
   * by-id methods (rowOf, remove, reduce) are refused. One map entry per order is most of the
   * cost of gathering the few thousand orders of a pre-open, which the indicative price does at
   * every look.
   */
  constructor(capacity = 64, indexed = true) {
    this.rows = indexed ? new Map<number, number>() : null;
    const cap = Math.max(4, capacity | 0);
    this.id = new Float64Array(cap);
    this.side = new Uint8Array(cap);
    this.price = new Float64Array(cap);
    this.qty = new Float64Array(cap);
    this.owner = new Float64Array(cap);
    this.tag = new Float64Array(cap);
  }

  /** Orders with lots left (not removed). */
  get size(): number {
    return this.index().size;
  }

  /** Adds an order and returns its row. Throws on a malformed order or a duplicate id. */
  add(id: number, side: number, price: number, qty: number, owner = 0, tag = 0): number {
    const rows = this.rows;
    if (rows !== null) this.check(rows, id, side, price, qty);
    const i = this.count;
    if (i === this.id.length) this.grow();
    this.id[i] = id;
    this.side[i] = side;
    this.price[i] = price;
    this.qty[i] = qty;
    this.owner[i] = owner;
    this.tag[i] = tag;
    if (rows !== null) rows.set(id, i);
    this.count = i + 1;
    return i;
  }

  private check(rows: Map<number, number>, id: number, side: number, price: number, qty: number): void {
    if (!isPosInt(id)) throw new RangeError(`auction order id must be a positive integer, got ${id}`);
    if (side !== BUY && side !== SELL) throw new RangeError(`auction order side must be 0 or 1, got ${side}`);
    if (price !== AUCTION_MARKET && !isPosInt(price)) throw new RangeError(`auction order price must be a positive integer or 0 (market), got ${price}`);
    if (!isPosInt(qty)) throw new RangeError(`auction order qty must be a positive integer, got ${qty}`);
    if (rows.has(id)) throw new RangeError(`duplicate auction order id ${id}`);
  }

  private index(): Map<number, number> {
    if (this.rows === null) throw new Error('this auction collection has no id index (built with indexed = false)');
    return this.rows;
  }

  /** Row of a live order, or -1. */
  rowOf(id: number): number {
    return this.index().get(id) ?? -1;
  }

  /** Removes an order; returns the lots it had left (0 if it was not here). */
  remove(id: number): number {
    const rows = this.index();
    const r = rows.get(id);
    if (r === undefined) return 0;
    const q = this.qty[r];
    this.qty[r] = 0;
    rows.delete(id);
    return q;
  }

  /** Lowers a live order's size in place (keeping its priority); false if not live or not a reduction. */
  reduce(id: number, qty: number): boolean {
    const r = this.index().get(id);
    if (r === undefined || !isPosInt(qty) || qty > this.qty[r]) return false;
    this.qty[r] = qty;
    return true;
  }

  clear(): void {
    this.count = 0;
    this.rows?.clear();
  }

  private grow(): void {
    const cap = this.id.length * 2;
    const f = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.id = f(this.id);
    this.price = f(this.price);
    this.qty = f(this.qty);
    this.owner = f(this.owner);
    this.tag = f(this.tag);
    const s = new Uint8Array(cap);
    s.set(this.side);
    this.side = s;
  }
}

/** The outcome of an uncross. */
export interface AuctionResult {
  /** Clearing price in ticks, or 0 when nothing trades. */
  price: number;
  /** Lots executed (each lot once, not once per side). */
  volume: number;
  /** Eligible demand D and supply S at the clearing price (0 when nothing trades). */
  buyVolume: number;
  sellVolume: number;
  /** D - S at the clearing price: positive = unmatched buying. */
  imbalance: number;
  /** Lots executed per row of the collection. */
  filled: Float64Array;
  /** The fills: buy row, sell row and lots, `count` of them, in allocation order. */
  buyRow: Int32Array;
  sellRow: Int32Array;
  qty: Float64Array;
  count: number;
}

/** Ranks one side's live rows: market first, then price (buys descending, sells ascending), then row. */
function rank(o: AuctionOrders, side: number): Int32Array {
  const px = o.price;
  const qy = o.qty;
  const sd = o.side;
  let n = 0;
  let lo = Infinity;
  let hi = 0;
  for (let i = 0; i < o.count; i++) {
    if (sd[i] !== side || !(qy[i] > 0)) continue;
    n++;
    const p = px[i];
    if (p !== AUCTION_MARKET) {
      if (p < lo) lo = p;
      if (p > hi) hi = p;
    }
  }
  const rows = new Int32Array(n);
  if (n === 0) return rows;
  // One number per row, rank x M + row (M = o.count > any row), sorted by the engine's numeric
  // sort: the rank is 0 for a market order, else 1 + the price's distance from the best end of
  // the side's price range. The same order as the comparator below, without calling a function
  // per comparison; it falls back to that comparator when the keys would pass 2^53.
  const M = o.count;
  const span = hi >= lo ? hi - lo + 2 : 1;
  if (span * M <= MAX_SAFE) {
    const keys = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < o.count; i++) {
      if (sd[i] !== side || !(qy[i] > 0)) continue;
      const p = px[i];
      const r = p === AUCTION_MARKET ? 0 : side === BUY ? hi - p + 1 : p - lo + 1;
      keys[k++] = r * M + i;
    }
    keys.sort();
    for (let j = 0; j < n; j++) {
      rows[j] = keys[j] % M;
    }
    return rows;
  }
  n = 0;
  for (let i = 0; i < o.count; i++) if (sd[i] === side && qy[i] > 0) rows[n++] = i;
  const sign = side === BUY ? -1 : 1;
  rows.sort((a, b) => {
    const pa = px[a];
    const pb = px[b];
    if (pa !== pb) {
      if (pa === AUCTION_MARKET) return -1;
      if (pb === AUCTION_MARKET) return 1;
      return sign * (pa - pb);
    }
    return a - b;
  });
  return rows;
}

/** The clearing price of an auction and the volumes at it (price 0 and volumes 0 when nothing trades). */
export interface ClearingPrice {
  price: number;
  volume: number;
  buyVolume: number;
  sellVolume: number;
  imbalance: number;
}

/**
 * The clearing rule of the header on aggregated demand and supply: add each order's side, price
 * (AUCTION_MARKET for market) and lots, then `clear`. Who sent what and in which order does not
 * change the price, so the exchange's indicative price adds the book's levels as they are. The
 * candidates are scanned upwards over a histogram of lots per tick when the candidates' range is
 * at most a few times the number of orders, else over their sorted distinct prices: O(n + range)
 * or O(n log n). Scratch arrays are kept between calls: nothing is allocated once they have grown.
 */
export class ClearingCurve {
  private price = new Float64Array(64);
  private qty = new Float64Array(64);
  private side = new Uint8Array(64);
  private n = 0;
  private marketBuy = 0;
  private marketSell = 0;
  private buyAt = new Float64Array(64);
  private sellAt = new Float64Array(64);
  private isCand = new Uint8Array(64);
  private keys = new Float64Array(64);

  /** Forgets every order added. */
  reset(): this {
    this.n = 0;
    this.marketBuy = 0;
    this.marketSell = 0;
    return this;
  }

  /** Adds `qty` lots (> 0) to buy (side 0) or sell at `price` ticks, or at market (AUCTION_MARKET). */
  add(side: number, price: number, qty: number): void {
    if (price === AUCTION_MARKET) {
      if (side === BUY) this.marketBuy += qty;
      else this.marketSell += qty;
      return;
    }
    const i = this.n;
    if (i === this.price.length) {
      this.price = grown(this.price, 2 * i);
      this.qty = grown(this.qty, 2 * i);
      const sd = new Uint8Array(2 * i);
      sd.set(this.side);
      this.side = sd;
    }
    this.price[i] = price;
    this.qty[i] = qty;
    this.side[i] = side;
    this.n = i + 1;
  }

  /** The clearing price at `referencePrice`, within [collarLo, collarHi] (checked by the caller). */
  clear(referencePrice: number, collarLo = 1, collarHi = MAX_SAFE): ClearingPrice {
    const n = this.n;
    const px = this.price;
    const qy = this.qty;
    const sd = this.side;
    // Candidates: the limit prices inside the collar, the reference and the collar's ends.
    let cmin = referencePrice;
    let cmax = referencePrice;
    let nCand = 1;
    for (let i = 0; i < n; i++) {
      const p = px[i];
      if (p < collarLo || p > collarHi) continue;
      nCand++;
      if (p < cmin) cmin = p;
      else if (p > cmax) cmax = p;
    }
    if (collarLo > 1) cmin = Math.min(cmin, collarLo);
    if (collarHi < MAX_SAFE) cmax = Math.max(cmax, collarHi);
    // Lots that count at every candidate: market orders, buys above the range, sells below it.
    let totalBuy = this.marketBuy;
    let totalSell = this.marketSell;
    let alwaysBuy = this.marketBuy;
    let alwaysSell = this.marketSell;
    for (let i = 0; i < n; i++) {
      const p = px[i];
      if (sd[i] === BUY) {
        totalBuy += qy[i];
        if (p > cmax) alwaysBuy += qy[i];
      } else {
        totalSell += qy[i];
        if (p < cmin) alwaysSell += qy[i];
      }
    }
    if (totalBuy > MAX_SAFE || totalSell > MAX_SAFE) throw new RangeError('auction side totals must stay within 2^53 - 1 lots');
    // Slot of each candidate: its distance from cmin (dense), or its rank among the distinct candidates.
    const range = cmax - cmin + 1;
    const dense = range <= Math.max(1024, 4 * nCand);
    let slots: number;
    let keys = this.keys;
    if (dense) slots = range;
    else {
      if (keys.length < nCand + 2) keys = this.keys = new Float64Array(2 * (nCand + 2));
      let k = 0;
      for (let i = 0; i < n; i++) if (px[i] >= collarLo && px[i] <= collarHi) keys[k++] = px[i];
      keys[k++] = referencePrice;
      if (collarLo > 1) keys[k++] = collarLo;
      if (collarHi < MAX_SAFE) keys[k++] = collarHi;
      const sorted = keys.subarray(0, k).sort();
      slots = 0;
      for (let i = 0; i < k; i++) if (slots === 0 || sorted[slots - 1] !== sorted[i]) sorted[slots++] = sorted[i];
    }
    if (this.buyAt.length < slots) {
      this.buyAt = new Float64Array(2 * slots);
      this.sellAt = new Float64Array(2 * slots);
      this.isCand = new Uint8Array(2 * slots);
    }
    const buyAt = this.buyAt;
    const sellAt = this.sellAt;
    const isCand = this.isCand;
    buyAt.fill(0, 0, slots);
    sellAt.fill(0, 0, slots);
    isCand.fill(dense ? 0 : 1, 0, slots);
    const slotOf = (p: number): number => (dense ? p - cmin : lowerBound(keys, slots, p));
    if (dense) {
      isCand[referencePrice - cmin] = 1;
      if (collarLo > 1) isCand[collarLo - cmin] = 1;
      if (collarHi < MAX_SAFE) isCand[collarHi - cmin] = 1;
    }
    for (let i = 0; i < n; i++) {
      const p = px[i];
      if (p < cmin || p > cmax) continue;
      const j = slotOf(p);
      if (sd[i] === BUY) buyAt[j] += qy[i];
      else sellAt[j] += qy[i];
      isCand[j] = 1;
    }
    // Scan upwards: D(p) = totalBuy - buys priced below p, S(p) = sells priced at or below p.
    let below = totalBuy - alwaysBuy; // every in-range buy is counted below p until p passes it
    for (let j = 0; j < slots; j++) below -= buyAt[j];
    let supply = alwaysSell;
    let first = true;
    let bestP = 0;
    let bestV = 0;
    let bestImb = 0;
    let bestDist = 0;
    let bestD = 0;
    let bestS = 0;
    for (let j = 0; j < slots; j++) {
      supply += sellAt[j];
      if (isCand[j] !== 0) {
        const p = dense ? cmin + j : keys[j];
        const demand = totalBuy - below;
        const v = demand < supply ? demand : supply;
        const imb = Math.abs(demand - supply);
        const dist = Math.abs(p - referencePrice);
        if (first || v > bestV || (v === bestV && (imb < bestImb || (imb === bestImb && dist < bestDist)))) {
          first = false;
          bestP = p;
          bestV = v;
          bestImb = imb;
          bestDist = dist;
          bestD = demand;
          bestS = supply;
        }
      }
      below += buyAt[j];
    }
    if (bestV === 0) return { price: 0, volume: 0, buyVolume: 0, sellVolume: 0, imbalance: 0 };
    return { price: bestP, volume: bestV, buyVolume: bestD, sellVolume: bestS, imbalance: bestD - bestS };
  }
}

function grown(a: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

/** Index of `x` in the first `n` (ascending, distinct) entries of `a`, which hold it. */
function lowerBound(a: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Uncrosses the collection at one price (see the header). Does not change `orders`. */
export function uncross(orders: AuctionOrders, referencePrice: number, collarLo = 1, collarHi = MAX_SAFE, curve = new ClearingCurve()): AuctionResult {
  if (!isPosInt(referencePrice)) throw new RangeError(`auction reference price must be a positive integer of ticks, got ${referencePrice}`);
  if (!isPosInt(collarLo) || !isPosInt(collarHi) || collarLo > referencePrice || collarHi < referencePrice) throw new RangeError(`auction collar must be integer ticks with lo <= reference <= hi, got [${collarLo}, ${collarHi}] around ${referencePrice}`);
  const qy = orders.qty;
  curve.reset();
  for (let i = 0; i < orders.count; i++) if (qy[i] > 0) curve.add(orders.side[i], orders.price[i], qy[i]);
  const { price: bestP, volume: bestV, buyVolume: bestD, sellVolume: bestS } = curve.clear(referencePrice, collarLo, collarHi);

  const filled = new Float64Array(orders.count);
  if (bestV === 0) {
    return { price: 0, volume: 0, buyVolume: 0, sellVolume: 0, imbalance: 0, filled, buyRow: new Int32Array(0), sellRow: new Int32Array(0), qty: new Float64Array(0), count: 0 };
  }
  const buys = rank(orders, BUY);
  const sells = rank(orders, SELL);
  const allocate = (rows: Int32Array): number => {
    let left = bestV;
    let k = 0;
    while (left > 0) {
      const r = rows[k++];
      const q = qy[r] < left ? qy[r] : left;
      filled[r] = q;
      left -= q;
    }
    return k;
  };
  const nb = allocate(buys);
  const ns = allocate(sells);
  const cap = nb + ns;
  const buyRow = new Int32Array(cap);
  const sellRow = new Int32Array(cap);
  const qty = new Float64Array(cap);
  let count = 0;
  let i = 0;
  let j = 0;
  let bLeft = filled[buys[0]];
  let sLeft = filled[sells[0]];
  while (i < nb && j < ns) {
    const q = bLeft < sLeft ? bLeft : sLeft;
    buyRow[count] = buys[i];
    sellRow[count] = sells[j];
    qty[count] = q;
    count++;
    bLeft -= q;
    sLeft -= q;
    if (bLeft === 0 && ++i < nb) bLeft = filled[buys[i]];
    if (sLeft === 0 && ++j < ns) sLeft = filled[sells[j]];
  }
  return { price: bestP, volume: bestV, buyVolume: bestD, sellVolume: bestS, imbalance: bestD - bestS, filled, buyRow, sellRow, qty, count };
}
