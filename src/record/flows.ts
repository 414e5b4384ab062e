// Net order flow per investor class and symbol: every trade credits the buyer's class with a
// buy and debits the seller's class with a sell, in lots and in cents (price x qty x
// centsPerTickLot). Totals over the run are kept per (symbol, class); net flows per minute are
// kept per (minute, symbol, class). Because every buy has a seller, net flows summed over the
// classes of a symbol are zero, in lots and in cents, in total and in every minute.
//
// Layout: totals at index symbol * classes + class; per-minute nets at index
// (minute * symbols + symbol) * classes + class.

import { grown } from './columns.ts';

export class ClassFlows {
  readonly symbols: number;
  readonly classes: number;
  /** Lots bought / sold, and cents paid / received, per (symbol, class) over the run. */
  readonly buyLots: Float64Array;
  readonly sellLots: Float64Array;
  readonly buyCents: Float64Array;
  readonly sellCents: Float64Array;
  /** Net lots bought (buys - sells) and net cents spent buying, per (minute, symbol, class). */
  minuteLots = new Float64Array(0);
  minuteCents = new Float64Array(0);
  /** Minutes covered by the per-minute arrays. */
  minutes = 0;

  constructor(symbols: number, classes: number) {
    this.symbols = symbols;
    this.classes = classes;
    const n = symbols * classes;
    this.buyLots = new Float64Array(n);
    this.sellLots = new Float64Array(n);
    this.buyCents = new Float64Array(n);
    this.sellCents = new Float64Array(n);
  }

  /** Adds one trade of `qty` lots worth `cents` from `sellerClass` to `buyerClass`. */
  trade(minute: number, symbol: number, qty: number, cents: number, buyerClass: number, sellerClass: number): void {
    const C = this.classes;
    const b = symbol * C + buyerClass;
    const s = symbol * C + sellerClass;
    this.buyLots[b] += qty;
    this.buyCents[b] += cents;
    this.sellLots[s] += qty;
    this.sellCents[s] += cents;
    if (minute >= this.minutes) this.advance(minute);
    const base = (minute * this.symbols + symbol) * C;
    this.minuteLots[base + buyerClass] += qty;
    this.minuteCents[base + buyerClass] += cents;
    this.minuteLots[base + sellerClass] -= qty;
    this.minuteCents[base + sellerClass] -= cents;
  }

  /** Net lots and cents of one class on one symbol over minutes [from, to) (exact integers). */
  netBetween(symbol: number, cls: number, from: number, to: number): { lots: number; cents: number } {
    const S = this.symbols;
    const C = this.classes;
    let lots = 0;
    let cents = 0;
    const end = to < this.minutes ? to : this.minutes;
    for (let m = from < 0 ? 0 : from; m < end; m++) {
      const i = (m * S + symbol) * C + cls;
      lots += this.minuteLots[i];
      cents += this.minuteCents[i];
    }
    return { lots, cents };
  }

  /** Makes minutes up to and including `minute` exist (zero flow). */
  advance(minute: number): void {
    if (minute < this.minutes) return;
    const need = (minute + 1) * this.symbols * this.classes;
    if (need > this.minuteLots.length) {
      this.minuteLots = grown(this.minuteLots, need);
      this.minuteCents = grown(this.minuteCents, need);
    }
    this.minutes = minute + 1;
  }

  /** Net lots (buys - sells) of `cls` in `symbol` over the run. */
  netLots(symbol: number, cls: number): number {
    const i = symbol * this.classes + cls;
    return this.buyLots[i] - this.sellLots[i];
  }

  /** Net cents (paid buying - received selling) of `cls` in `symbol` over the run. */
  netCents(symbol: number, cls: number): number {
    const i = symbol * this.classes + cls;
    return this.buyCents[i] - this.sellCents[i];
  }
}
