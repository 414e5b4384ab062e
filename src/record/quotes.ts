// Level-1 quote samples in columns: time, symbol, best bid, best ask and mid (ticks; the mid may
// be a half tick). An empty side of the book is NaN; the mid then falls back to the exchange's
// last trade price, as the exchange's own `mid` does.

import { grown, grownFilled } from './columns.ts';

export class QuoteSeries {
  time = new Float64Array(1024);
  symbol = new Int32Array(1024);
  bid = new Float64Array(1024);
  ask = new Float64Array(1024);
  mid = new Float64Array(1024);
  count = 0;

  add(time: number, symbol: number, bid: number, ask: number, mid: number): void {
    const i = this.count;
    if (i === this.time.length) this.grow();
    this.time[i] = time;
    this.symbol[i] = symbol;
    this.bid[i] = bid;
    this.ask[i] = ask;
    this.mid[i] = mid;
    this.count = i + 1;
  }

  private grow(): void {
    const n = this.time.length * 2;
    this.time = grown(this.time, n);
    this.symbol = grown(this.symbol, n);
    this.bid = grownFilled(this.bid, n, Number.NaN);
    this.ask = grownFilled(this.ask, n, Number.NaN);
    this.mid = grown(this.mid, n);
  }
}
