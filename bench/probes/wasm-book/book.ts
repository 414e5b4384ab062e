// Probe (not part of the product). AssemblyScript, not TypeScript: tsconfig.json excludes this file.
// A price-time book in AssemblyScript (dense ladder, bitmap of levels, FIFO per level,
// links in id-indexed arrays), to time a WebAssembly book cold against the native C++ one.
const NIL: i32 = -1;
let maxPrice: i32 = 0;
let nextA: StaticArray<i32> = new StaticArray<i32>(1);
let prevA: StaticArray<i32> = new StaticArray<i32>(1);
let qtyA: StaticArray<i32> = new StaticArray<i32>(1);
let pxA: StaticArray<i32> = new StaticArray<i32>(1);
let sideA: StaticArray<u8> = new StaticArray<u8>(1);
let head: StaticArray<i32> = new StaticArray<i32>(1);
let tail: StaticArray<i32> = new StaticArray<i32>(1);
let lqty: StaticArray<i64> = new StaticArray<i64>(1);
let bits: StaticArray<u64> = new StaticArray<u64>(1);
let bidPx: i32 = 0;
let askPx: i32 = 0;
export let traded: i64 = 0;
export let trades: i32 = 0;

export function init(maxId: i32, maxP: i32): void {
  maxPrice = maxP + 2;
  nextA = new StaticArray<i32>(maxId + 1);
  prevA = new StaticArray<i32>(maxId + 1);
  qtyA = new StaticArray<i32>(maxId + 1);
  pxA = new StaticArray<i32>(maxId + 1);
  sideA = new StaticArray<u8>(maxId + 1);
  head = new StaticArray<i32>(maxPrice);
  tail = new StaticArray<i32>(maxPrice);
  lqty = new StaticArray<i64>(maxPrice);
  bits = new StaticArray<u64>((maxPrice >> 6) + 1);
  for (let i = 0; i < maxPrice; i++) { unchecked(head[i] = NIL); unchecked(tail[i] = NIL); }
  bidPx = 0;
  askPx = maxPrice;
}

function setBit(p: i32): void { unchecked(bits[p >> 6] |= (<u64>1) << <u64>(p & 63)); }
function clearBit(p: i32): void { unchecked(bits[p >> 6] &= ~((<u64>1) << <u64>(p & 63))); }

/** Highest non-empty level strictly below p, or 0. */
function below(p: i32): i32 {
  let w = p >> 6;
  let m: u64 = unchecked(bits[w]) & (((<u64>1) << <u64>(p & 63)) - 1);
  while (m == 0) {
    if (w == 0) return 0;
    w--;
    m = unchecked(bits[w]);
  }
  return (w << 6) + 63 - <i32>clz(m);
}
/** Lowest non-empty level strictly above p, or maxPrice. */
function above(p: i32): i32 {
  let w = p >> 6;
  const sh = (p & 63) + 1;
  let m: u64 = sh == 64 ? 0 : unchecked(bits[w]) & (~(<u64>0) << <u64>sh);
  const last = (maxPrice >> 6);
  while (m == 0) {
    if (w >= last) return maxPrice;
    w++;
    m = unchecked(bits[w]);
  }
  const r = (w << 6) + <i32>ctz(m);
  return r < maxPrice ? r : maxPrice;
}

function levelEmpty(p: i32, side: i32): void {
  clearBit(p);
  if (side == 0) { if (p == bidPx) bidPx = below(p); }
  else if (p == askPx) askPx = above(p);
}

/** Trades `qty` lots of a `side` (0 buy, 1 sell) taker against the other side up to `limit`; the lots left. */
function take(side: i32, limit: i32, qty: i32): i32 {
  let left = qty;
  while (left > 0 && (side == 0 ? askPx <= limit : bidPx >= limit && bidPx > 0)) {
    const p = side == 0 ? askPx : bidPx;
    let o = unchecked(head[p]);
    while (o != NIL && left > 0) {
      const mq = unchecked(qtyA[o]);
      trades++;
      if (mq > left) {
        unchecked((qtyA[o] = mq - left));
        traded += left;
        unchecked((lqty[p] -= left));
        left = 0;
        break;
      }
      left -= mq;
      traded += mq;
      unchecked((lqty[p] -= mq));
      unchecked((qtyA[o] = 0));
      o = unchecked(nextA[o]);
    }
    unchecked((head[p] = o));
    if (o == NIL) {
      unchecked((tail[p] = NIL));
      levelEmpty(p, 1 - side);
    } else unchecked((prevA[o] = NIL));
  }
  return left;
}

export function limit(id: i32, side: i32, price: i32, qty: i32): i32 {
  if (id <= 0 || qty <= 0 || price <= 0 || price >= maxPrice - 1) return 1;
  const crosses = side == 0 ? askPx <= price : bidPx >= price;
  const left = crosses ? take(side, price, qty) : qty;
  if (left == 0) return 0;
  const t = unchecked(tail[price]);
  unchecked(qtyA[id] = left);
  unchecked(pxA[id] = price);
  unchecked(sideA[id] = <u8>side);
  unchecked(prevA[id] = t);
  unchecked(nextA[id] = NIL);
  if (t == NIL) {
    unchecked(head[price] = id);
    setBit(price);
    if (side == 0) { if (price > bidPx) bidPx = price; } else if (price < askPx) askPx = price;
  } else unchecked(nextA[t] = id);
  unchecked(tail[price] = id);
  unchecked(lqty[price] += left);
  return 0;
}

export function market(side: i32, qty: i32): i32 {
  take(side, side == 0 ? maxPrice - 1 : 1, qty);
  return 0;
}

export function cancel(id: i32): i32 {
  const q = unchecked(qtyA[id]);
  if (q == 0) return 2;
  const p = unchecked(pxA[id]);
  const pr = unchecked(prevA[id]);
  const nx = unchecked(nextA[id]);
  if (pr == NIL) unchecked(head[p] = nx); else unchecked(nextA[pr] = nx);
  if (nx == NIL) unchecked(tail[p] = pr); else unchecked(prevA[nx] = pr);
  unchecked(lqty[p] -= q);
  unchecked(qtyA[id] = 0);
  if (unchecked(head[p]) == NIL) levelEmpty(p, <i32>unchecked(sideA[id]));
  return 0;
}

export function bestBid(): i32 { return bidPx; }
export function bestAsk(): i32 { return askPx >= maxPrice ? 0 : askPx; }
export function levelQty(p: i32): i64 { return unchecked(lqty[p]); }
export function nextBelow(p: i32): i32 { return below(p); }
export function nextAbove(p: i32): i32 { return above(p); }
export function tradedVolume(): f64 { return <f64>traded; }
