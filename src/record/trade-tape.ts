// The trade tape: every trade the exchange prints, in growable columns (time, symbol, price,
// qty, maker agent, taker agent, taker side), and a running FNV-1a hash over them. Two runs
// print the same trades exactly when their tape hashes match. Runs in Node and in a browser.
// With `keepRows` false only the count and the hash are kept (a run whose tape is not written:
// 24M trades of a 100,000-agent day are ~1 GB of columns).

import { FNV_OFFSET, fnv1aWord, hex32 } from '../core/hash.ts';
import type { TradeSink } from '../market/protocol.ts';

export class TradeTape implements TradeSink {
  time = new Float64Array(1024);
  symbol = new Int32Array(1024);
  price = new Float64Array(1024);
  qty = new Float64Array(1024);
  maker = new Int32Array(1024);
  taker = new Int32Array(1024);
  side = new Uint8Array(1024);
  count = 0;
  private h = FNV_OFFSET;

  /** `keepRows`: keep every trade's columns (default); false keeps only the count and the hash. */
  constructor(readonly keepRows = true) {}

  trade(time: number, symbol: number, price: number, qty: number, makerAgent: number, takerAgent: number, takerSide: number): void {
    const i = this.count;
    if (this.keepRows) {
      if (i === this.time.length) this.grow();
      this.time[i] = time;
      this.symbol[i] = symbol;
      this.price[i] = price;
      this.qty[i] = qty;
      this.maker[i] = makerAgent;
      this.taker[i] = takerAgent;
      this.side[i] = takerSide;
    }
    this.count = i + 1;
    let h = this.h;
    h = foldSafeInt(time, h);
    h = fnv1aWord(symbol, h);
    h = foldSafeInt(price, h);
    h = foldSafeInt(qty, h);
    h = fnv1aWord(makerAgent, h);
    h = fnv1aWord(takerAgent, h);
    h = fnv1aWord(takerSide, h);
    this.h = h;
  }

  /** The tape hash so far, 8 hex digits. */
  hash(): string {
    return hex32(this.h);
  }

  private grow(): void {
    const n = this.time.length * 2;
    const g = <T extends Float64Array | Int32Array | Uint8Array>(x: T): T => {
      const y = new (x.constructor as new (n: number) => T)(n);
      y.set(x as never);
      return y;
    };
    this.time = g(this.time);
    this.symbol = g(this.symbol);
    this.price = g(this.price);
    this.qty = g(this.qty);
    this.maker = g(this.maker);
    this.taker = g(this.taker);
    this.side = g(this.side);
  }
}

/** Folds a safe integer (up to 2^53) as two 32-bit words, low then high. */
function foldSafeInt(x: number, h: number): number {
  // x mod 2^32 (the remainder keeps x's sign); for x >= 0 that is ToUint32(x), which is cheaper
  // than a floating-point remainder.
  const lo = x >= 0 ? x >>> 0 : x % 4294967296;
  const hi = (x - lo) / 4294967296;
  return fnv1aWord(hi, fnv1aWord(lo, h));
}
