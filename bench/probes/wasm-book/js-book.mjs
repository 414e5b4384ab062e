// The same probe book as book.ts (AssemblyScript), in plain JS over typed arrays (32-bit bitmap words); not part of the product (README.md).
const NIL = -1;
export class JsBook {
  constructor(maxId, maxP) {
    this.maxPrice = maxP + 2;
    const M = this.maxPrice;
    this.next = new Int32Array(maxId + 1); this.prev = new Int32Array(maxId + 1); this.qty = new Int32Array(maxId + 1);
    this.px = new Int32Array(maxId + 1); this.side = new Uint8Array(maxId + 1);
    this.head = new Int32Array(M).fill(NIL); this.tail = new Int32Array(M).fill(NIL);
    this.lqty = new Float64Array(M); this.bits = new Int32Array((M >> 5) + 1);
    this.bidPx = 0; this.askPx = M; this.traded = 0; this.trades = 0;
  }
  below(p) { const bits = this.bits; let w = p >> 5; let m = bits[w] & ((1 << (p & 31)) - 1); if ((p & 31) === 31) m = bits[w] & 0x7fffffff; while (m === 0) { if (w === 0) return 0; w--; m = bits[w]; } return (w << 5) + 31 - Math.clz32(m); }
  above(p) { const bits = this.bits; let w = p >> 5; const sh = (p & 31) + 1; let m = sh === 32 ? 0 : bits[w] & (-1 << sh); const last = this.maxPrice >> 5; while (m === 0) { if (w >= last) return this.maxPrice; w++; m = bits[w]; } const r = (w << 5) + (31 - Math.clz32(m & -m)); return r < this.maxPrice ? r : this.maxPrice; }
  levelEmpty(p, side) { this.bits[p >> 5] &= ~(1 << (p & 31)); if (side === 0) { if (p === this.bidPx) this.bidPx = this.below(p); } else if (p === this.askPx) this.askPx = this.above(p); }
  take(side, limit, qty) {
    let left = qty; const head = this.head, qtyA = this.qty, nextA = this.next, lqty = this.lqty;
    if (side === 0) {
      while (left > 0 && this.askPx <= limit) {
        const p = this.askPx; let o = head[p];
        while (o !== NIL && left > 0) { const mq = qtyA[o]; this.trades++; if (mq > left) { qtyA[o] = mq - left; this.traded += left; lqty[p] -= left; left = 0; break; } left -= mq; this.traded += mq; lqty[p] -= mq; qtyA[o] = 0; o = nextA[o]; }
        head[p] = o; if (o === NIL) { this.tail[p] = NIL; this.levelEmpty(p, 1); } else this.prev[o] = NIL;
      }
    } else {
      while (left > 0 && this.bidPx >= limit && this.bidPx > 0) {
        const p = this.bidPx; let o = head[p];
        while (o !== NIL && left > 0) { const mq = qtyA[o]; this.trades++; if (mq > left) { qtyA[o] = mq - left; this.traded += left; lqty[p] -= left; left = 0; break; } left -= mq; this.traded += mq; lqty[p] -= mq; qtyA[o] = 0; o = nextA[o]; }
        head[p] = o; if (o === NIL) { this.tail[p] = NIL; this.levelEmpty(p, 0); } else this.prev[o] = NIL;
      }
    }
    return left;
  }
  limit(id, side, price, qty) {
    if (id <= 0 || qty <= 0 || price <= 0 || price >= this.maxPrice - 1) return 1;
    const crosses = side === 0 ? this.askPx <= price : this.bidPx >= price;
    const left = crosses ? this.take(side, price, qty) : qty;
    if (left === 0) return 0;
    const t = this.tail[price];
    this.qty[id] = left; this.px[id] = price; this.side[id] = side; this.prev[id] = t; this.next[id] = NIL;
    if (t === NIL) { this.head[price] = id; this.bits[price >> 5] |= 1 << (price & 31); if (side === 0) { if (price > this.bidPx) this.bidPx = price; } else if (price < this.askPx) this.askPx = price; }
    else this.next[t] = id;
    this.tail[price] = id; this.lqty[price] += left; return 0;
  }
  market(side, qty) { this.take(side, side === 0 ? this.maxPrice - 1 : 1, qty); return 0; }
  cancel(id) {
    const q = this.qty[id]; if (q === 0) return 2;
    const p = this.px[id], pr = this.prev[id], nx = this.next[id];
    if (pr === NIL) this.head[p] = nx; else this.next[pr] = nx;
    if (nx === NIL) this.tail[p] = pr; else this.prev[nx] = pr;
    this.lqty[p] -= q; this.qty[id] = 0;
    if (this.head[p] === NIL) this.levelEmpty(p, this.side[id]);
    return 0;
  }
}
