// One-minute bars per symbol, built as trades and quote samples arrive: open, high, low and
// close of the trades in the minute, volume in lots, trade count, traded value in cents, and the
// last sampled mid-price of the minute (the stylized facts use mid-price returns).
//
// Layout: bar (minute m, symbol s) is row m * symbols + s of every column. Minutes are counted
// from the recorder's start time; every minute up to the latest one seen exists for every
// symbol. An empty minute (no trade) is carried forward: open = high = low = close = the
// previous minute's close, volume 0, trades 0 (the `trades` column marks it). A minute with no
// quote sample carries the previous minute's mid. Before the first minute the previous close
// and mid are the reference prices (the previous session's close).

import { grown, grownFilled } from './columns.ts';

export class MinuteBars {
  readonly symbols: number;
  /** Minutes materialised so far (rows = minutes * symbols). */
  minutes = 0;
  open = new Float64Array(0);
  high = new Float64Array(0);
  low = new Float64Array(0);
  close = new Float64Array(0);
  /** Lots traded. */
  volume = new Float64Array(0);
  /** Trades printed (0 marks a carried-forward minute). */
  trades = new Int32Array(0);
  /** Traded value in cents (price x qty x centsPerTickLot). */
  value = new Float64Array(0);
  /** Last sampled mid-price of the minute (ticks; may be a half tick). */
  mid = new Float64Array(0);
  private readonly refClose: Float64Array;
  private readonly refMid: Float64Array;

  constructor(referencePrices: ArrayLike<number>) {
    this.symbols = referencePrices.length;
    this.refClose = Float64Array.from(referencePrices);
    this.refMid = Float64Array.from(referencePrices);
    this.reserve(64);
  }

  /** Makes minutes up to and including `minute` exist, carrying closes and mids forward. */
  advance(minute: number): void {
    if (minute < this.minutes) return;
    const S = this.symbols;
    this.reserve(minute + 1);
    for (let m = this.minutes; m <= minute; m++) {
      for (let s = 0; s < S; s++) {
        const row = m * S + s;
        const c = m === 0 ? this.refClose[s] : this.close[row - S];
        this.open[row] = c;
        this.high[row] = c;
        this.low[row] = c;
        this.close[row] = c;
        this.volume[row] = 0;
        this.trades[row] = 0;
        this.value[row] = 0;
        this.mid[row] = m === 0 ? this.refMid[s] : this.mid[row - S];
      }
    }
    this.minutes = minute + 1;
  }

  /** Adds one trade to minute `minute` of `symbol`. */
  trade(minute: number, symbol: number, price: number, qty: number, valueCents: number): void {
    if (minute >= this.minutes) this.advance(minute);
    const row = minute * this.symbols + symbol;
    if (this.trades[row] === 0) {
      this.open[row] = price;
      this.high[row] = price;
      this.low[row] = price;
    } else {
      if (price > this.high[row]) this.high[row] = price;
      if (price < this.low[row]) this.low[row] = price;
    }
    this.close[row] = price;
    this.volume[row] += qty;
    this.trades[row]++;
    this.value[row] += valueCents;
  }

  /** Records a mid-price sample taken in minute `minute`. */
  sampleMid(minute: number, symbol: number, mid: number): void {
    if (minute >= this.minutes) this.advance(minute);
    this.mid[minute * this.symbols + symbol] = mid;
  }

  /** Drops minutes from `minutes` on, if none of them holds a trade (a boundary sample only). */
  trimTo(minutes: number): void {
    if (minutes >= this.minutes) return;
    for (let r = minutes * this.symbols; r < this.minutes * this.symbols; r++) if (this.trades[r] !== 0) return;
    this.minutes = minutes;
  }

  /** The column `col` of one symbol as a plain array, minute by minute. */
  series(col: Float64Array | Int32Array, symbol: number): number[] {
    const out = new Array<number>(this.minutes);
    for (let m = 0; m < this.minutes; m++) out[m] = col[m * this.symbols + symbol];
    return out;
  }

  private reserve(minutes: number): void {
    const need = minutes * this.symbols;
    if (need <= this.open.length) return;
    this.open = grown(this.open, need);
    this.high = grown(this.high, need);
    this.low = grown(this.low, need);
    this.close = grown(this.close, need);
    this.volume = grown(this.volume, need);
    this.trades = grown(this.trades, need);
    this.value = grown(this.value, need);
    this.mid = grownFilled(this.mid, need, Number.NaN);
  }
}
