// The probe book of book.ts (AssemblyScript) in plain TypeScript over typed arrays, 32-bit bitmap
// words: the same algorithm, to time JavaScript against WebAssembly. Not part of the product
// (README.md).
const NIL = -1;

export class JsBook {
  readonly maxPrice: number;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly qty: Int32Array;
  private readonly px: Int32Array;
  private readonly side: Uint8Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  readonly lqty: Float64Array;
  private readonly bits: Int32Array;
  bidPx = 0;
  askPx: number;
  traded = 0;
  trades = 0;

  /** A book for ids 1..maxId and prices 1..maxP, made before the clock. */
  constructor(maxId: number, maxP: number) {
    this.maxPrice = maxP + 2;
    const m = this.maxPrice;
    this.next = new Int32Array(maxId + 1);
    this.prev = new Int32Array(maxId + 1);
    this.qty = new Int32Array(maxId + 1);
    this.px = new Int32Array(maxId + 1);
    this.side = new Uint8Array(maxId + 1);
    this.head = new Int32Array(m).fill(NIL);
    this.tail = new Int32Array(m).fill(NIL);
    this.lqty = new Float64Array(m);
    this.bits = new Int32Array((m >> 5) + 1);
    this.askPx = m;
  }

  /** Highest non-empty level strictly below p, or 0. */
  below(p: number): number {
    const bits = this.bits;
    let w = p >> 5;
    let m = bits[w] & ((1 << (p & 31)) - 1); // at p & 31 = 31: -2^31 - 1, which & reads as 0x7fffffff
    while (m === 0) {
      if (w === 0) return 0;
      m = bits[--w];
    }
    return (w << 5) + 31 - Math.clz32(m);
  }

  /** Lowest non-empty level strictly above p, or maxPrice. */
  above(p: number): number {
    const bits = this.bits;
    let w = p >> 5;
    const sh = (p & 31) + 1;
    let m = sh === 32 ? 0 : bits[w] & (-1 << sh);
    const last = this.maxPrice >> 5;
    while (m === 0) {
      if (w >= last) return this.maxPrice;
      m = bits[++w];
    }
    const r = (w << 5) + 31 - Math.clz32(m & -m);
    return r < this.maxPrice ? r : this.maxPrice;
  }

  private levelEmpty(p: number, side: number): void {
    this.bits[p >> 5] &= ~(1 << (p & 31));
    if (side === 0) {
      if (p === this.bidPx) this.bidPx = this.below(p);
    } else if (p === this.askPx) this.askPx = this.above(p);
  }

  private take(side: number, limit: number, qty: number): number {
    const { head, qty: qtyA, next: nextA, lqty } = this;
    let left = qty;
    while (left > 0 && (side === 0 ? this.askPx <= limit : this.bidPx >= limit && this.bidPx > 0)) {
      const p = side === 0 ? this.askPx : this.bidPx;
      let o = head[p];
      while (o !== NIL && left > 0) {
        const mq = qtyA[o];
        this.trades++;
        if (mq > left) {
          qtyA[o] = mq - left;
          this.traded += left;
          lqty[p] -= left;
          left = 0;
          break;
        }
        left -= mq;
        this.traded += mq;
        lqty[p] -= mq;
        qtyA[o] = 0;
        o = nextA[o];
      }
      head[p] = o;
      if (o === NIL) {
        this.tail[p] = NIL;
        this.levelEmpty(p, 1 - side);
      } else this.prev[o] = NIL;
    }
    return left;
  }

  limit(id: number, side: number, price: number, qty: number): number {
    if (id <= 0 || qty <= 0 || price <= 0 || price >= this.maxPrice - 1) return 1;
    const crosses = side === 0 ? this.askPx <= price : this.bidPx >= price;
    const left = crosses ? this.take(side, price, qty) : qty;
    if (left === 0) return 0;
    const t = this.tail[price];
    this.qty[id] = left;
    this.px[id] = price;
    this.side[id] = side;
    this.prev[id] = t;
    this.next[id] = NIL;
    if (t === NIL) {
      this.head[price] = id;
      this.bits[price >> 5] |= 1 << (price & 31);
      if (side === 0) {
        if (price > this.bidPx) this.bidPx = price;
      } else if (price < this.askPx) this.askPx = price;
    } else this.next[t] = id;
    this.tail[price] = id;
    this.lqty[price] += left;
    return 0;
  }

  market(side: number, qty: number): number {
    this.take(side, side === 0 ? this.maxPrice - 1 : 1, qty);
    return 0;
  }

  cancel(id: number): number {
    const q = this.qty[id];
    if (q === 0) return 2;
    const p = this.px[id];
    const pr = this.prev[id];
    const nx = this.next[id];
    if (pr === NIL) this.head[p] = nx;
    else this.next[pr] = nx;
    if (nx === NIL) this.tail[p] = pr;
    else this.prev[nx] = pr;
    this.lqty[p] -= q;
    this.qty[id] = 0;
    if (this.head[p] === NIL) this.levelEmpty(p, this.side[id]);
    return 0;
  }
}
