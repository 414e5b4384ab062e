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
// Cost: one sort per side and one of the candidate prices, O(n log n); a handful of typed
// arrays per call, nothing per order.

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
  private readonly rows = new Map<number, number>();

  constructor(capacity = 64) {
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
    return this.rows.size;
  }

  /** Adds an order and returns its row. Throws on a malformed order or a duplicate id. */
  add(id: number, side: number, price: number, qty: number, owner = 0, tag = 0): number {
    if (!isPosInt(id)) throw new RangeError(`auction order id must be a positive integer, got ${id}`);
    if (side !== BUY && side !== SELL) throw new RangeError(`auction order side must be 0 or 1, got ${side}`);
    if (price !== AUCTION_MARKET && !isPosInt(price)) throw new RangeError(`auction order price must be a positive integer or 0 (market), got ${price}`);
    if (!isPosInt(qty)) throw new RangeError(`auction order qty must be a positive integer, got ${qty}`);
    if (this.rows.has(id)) throw new RangeError(`duplicate auction order id ${id}`);
    const i = this.count;
    if (i === this.id.length) this.grow();
    this.id[i] = id;
    this.side[i] = side;
    this.price[i] = price;
    this.qty[i] = qty;
    this.owner[i] = owner;
    this.tag[i] = tag;
    this.rows.set(id, i);
    this.count = i + 1;
    return i;
  }

  /** Row of a live order, or -1. */
  rowOf(id: number): number {
    return this.rows.get(id) ?? -1;
  }

  /** Removes an order; returns the lots it had left (0 if it was not here). */
  remove(id: number): number {
    const r = this.rows.get(id);
    if (r === undefined) return 0;
    const q = this.qty[r];
    this.qty[r] = 0;
    this.rows.delete(id);
    return q;
  }

  /** Lowers a live order's size in place (keeping its priority); false if not live or not a reduction. */
  reduce(id: number, qty: number): boolean {
    const r = this.rows.get(id);
    if (r === undefined || !isPosInt(qty) || qty > this.qty[r]) return false;
    this.qty[r] = qty;
    return true;
  }

  clear(): void {
    this.count = 0;
    this.rows.clear();
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
  let n = 0;
  for (let i = 0; i < o.count; i++) if (o.side[i] === side && o.qty[i] > 0) n++;
  const rows = new Int32Array(n);
  n = 0;
  for (let i = 0; i < o.count; i++) if (o.side[i] === side && o.qty[i] > 0) rows[n++] = i;
  const px = o.price;
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

/** Uncrosses the collection at one price (see the header). Does not change `orders`. */
export function uncross(orders: AuctionOrders, referencePrice: number, collarLo = 1, collarHi = MAX_SAFE): AuctionResult {
  if (!isPosInt(referencePrice)) throw new RangeError(`auction reference price must be a positive integer of ticks, got ${referencePrice}`);
  if (!isPosInt(collarLo) || !isPosInt(collarHi) || collarLo > referencePrice || collarHi < referencePrice) throw new RangeError(`auction collar must be integer ticks with lo <= reference <= hi, got [${collarLo}, ${collarHi}] around ${referencePrice}`);
  const px = orders.price;
  const qy = orders.qty;
  const buys = rank(orders, BUY);
  const sells = rank(orders, SELL);

  let totalBuy = 0;
  for (let i = 0; i < buys.length; i++) totalBuy += qy[buys[i]];
  let marketSell = 0;
  let nMarketSell = 0;
  let totalSell = 0;
  for (let i = 0; i < sells.length; i++) {
    totalSell += qy[sells[i]];
    if (px[sells[i]] === AUCTION_MARKET) {
      marketSell += qy[sells[i]];
      nMarketSell++;
    }
  }
  if (totalBuy > MAX_SAFE || totalSell > MAX_SAFE) throw new RangeError('auction side totals must stay within 2^53 - 1 lots');

  // Candidate prices, ascending and distinct.
  const cand = new Float64Array(buys.length + sells.length + 3);
  let nc = 0;
  for (let i = 0; i < orders.count; i++) if (qy[i] > 0 && px[i] !== AUCTION_MARKET && px[i] >= collarLo && px[i] <= collarHi) cand[nc++] = px[i];
  cand[nc++] = referencePrice;
  if (collarLo > 1) cand[nc++] = collarLo;
  if (collarHi < MAX_SAFE) cand[nc++] = collarHi;
  const sorted = cand.subarray(0, nc).sort();
  let nu = 0;
  for (let i = 0; i < nc; i++) if (nu === 0 || sorted[nu - 1] !== sorted[i]) sorted[nu++] = sorted[i];

  // Scan candidates upwards: D falls as limit buys below p drop out (walk buys from the lowest
  // price, the end of their ranking), S rises as limit sells at or below p come in.
  let bi = buys.length - 1;
  let below = 0; // limit buy lots priced < p
  let si = nMarketSell;
  let supply = marketSell;
  let bestP = 0;
  let bestV = 0;
  let bestImb = 0;
  let bestDist = 0;
  let bestD = 0;
  let bestS = 0;
  for (let c = 0; c < nu; c++) {
    const p = sorted[c];
    while (bi >= 0 && px[buys[bi]] !== AUCTION_MARKET && px[buys[bi]] < p) below += qy[buys[bi--]];
    while (si < sells.length && px[sells[si]] <= p) supply += qy[sells[si++]];
    const demand = totalBuy - below;
    const v = demand < supply ? demand : supply;
    const imb = Math.abs(demand - supply);
    const dist = Math.abs(p - referencePrice);
    if (c === 0 || v > bestV || (v === bestV && (imb < bestImb || (imb === bestImb && dist < bestDist)))) {
      bestP = p;
      bestV = v;
      bestImb = imb;
      bestDist = dist;
      bestD = demand;
      bestS = supply;
    }
  }

  const filled = new Float64Array(orders.count);
  if (bestV === 0) {
    return { price: 0, volume: 0, buyVolume: 0, sellVolume: 0, imbalance: 0, filled, buyRow: new Int32Array(0), sellRow: new Int32Array(0), qty: new Float64Array(0), count: 0 };
  }
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
