// Book-imbalance events, as ABIDES's exchange publishes them to subscribers (abides-markets
// order_book.py get_imbalance, exchange_agent.py BookImbalanceDataSubscription). Over all resting
// volume, with B lots bid and A lots offered,
//   imbalance = 0 when B = A, else 1 - min(B, A) / max(B, A)   (1 when one side is empty),
// and the heavier side. After every order or cancel the exchange applies to a symbol, each
// subscriber's event state moves: above its threshold and not in an event -> START; in an event
// and no longer above -> FINISH; in an event, still above, but the other side now heavier ->
// FINISH then START. Each is an IMBALANCE message (protocol.ts) with the link latencies. Only
// symbols someone watches are measured, so other runs pay one array read per message. The
// totals B and A are kept from what each operation did (lots rested on its side, lots filled
// from the other, lots cancelled) and summed afresh from the book's levels only after an
// operation whose effect is not known here (a modify, a self-trade expiry, an auction).
import { BUY, SELL } from '../book/codes.ts';
import type { OrderBook } from '../book/order-book.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Outbox } from './outbox.ts';
import { IMBALANCE_FINISH, IMBALANCE_START, MSG_IMBALANCE } from './protocol.ts';

interface Subscription {
  agent: number;
  symbol: number;
  threshold: number;
  inEvent: boolean;
  /** The heavier side of the event in progress: BUY, SELL, or -1. */
  side: number;
}

/** Imbalance of resting volume B (bids) and A (asks): 0 when equal, else 1 - min / max. */
export function bookImbalance(b: number, a: number): number {
  if (b === a) return 0;
  return b < a ? 1 - b / a : 1 - a / b;
}

/** The heavier side of resting volume B (bids) and A (asks): BUY, SELL, or -1 when equal. */
export function heavierSide(b: number, a: number): number {
  return b === a ? -1 : b > a ? BUY : SELL;
}

export class ImbalanceWatch {
  /** Per symbol: 1 when someone subscribed. */
  readonly watched: Uint8Array;
  private readonly subs: Subscription[] = [];
  /** Resting lots per symbol: bids at [2 symbol], asks at [2 symbol + 1]; `known` 0 = sum them afresh. */
  private readonly resting: Float64Array;
  private readonly known: Uint8Array;

  constructor(
    private readonly books: readonly OrderBook[],
    private readonly out: Outbox,
  ) {
    this.watched = new Uint8Array(books.length);
    this.resting = new Float64Array(2 * books.length);
    this.known = new Uint8Array(books.length);
  }

  /** An operation on `symbol` rested `added` lots on `side` and filled `filled` lots from the other side. */
  moved(symbol: number, side: number, added: number, filled: number): void {
    this.resting[2 * symbol + side] += added;
    this.resting[2 * symbol + 1 - side] -= filled;
  }

  /** A cancel removed `lots` lots from `side`. */
  cancelled(symbol: number, side: number, lots: number): void {
    this.resting[2 * symbol + side] -= lots;
  }

  /** Something changed `symbol`'s book in a way not reported here: sum its levels at the next check. */
  forget(symbol: number): void {
    this.known[symbol] = 0;
  }

  /** Resting lots on a side of `symbol`, as the watch has them. */
  restingLots(symbol: number, side: number): number {
    if (this.known[symbol] === 0) this.recount(symbol);
    return this.resting[2 * symbol + side];
  }

  private recount(symbol: number): void {
    const book = this.books[symbol];
    this.resting[2 * symbol] = book.depthQty(BUY, book.levels(BUY));
    this.resting[2 * symbol + 1] = book.depthQty(SELL, book.levels(SELL));
    this.known[symbol] = 1;
  }

  /** Agent `agent` hears of imbalance above `threshold` (0..1) on `symbol`. */
  subscribe(agent: number, symbol: number, threshold: number): void {
    if (this.books[symbol] === undefined) throw new RangeError(`no symbol ${symbol} to watch`);
    if (!(threshold >= 0 && threshold < 1)) throw new RangeError(`imbalance threshold must be in [0, 1), got ${threshold}`);
    this.subs.push({ agent, symbol, threshold, inEvent: false, side: -1 });
    this.watched[symbol] = 1;
  }

  /** Measures `symbol`'s book after a change and sends the events it causes. */
  check(k: Kernel, symbol: number): void {
    const b = this.restingLots(symbol, BUY);
    const a = this.restingLots(symbol, SELL);
    const imbalance = bookImbalance(b, a);
    const side = heavierSide(b, a);
    for (const s of this.subs) {
      if (s.symbol !== symbol) continue;
      const above = imbalance > s.threshold;
      if (s.inEvent && (!above || side !== s.side)) {
        this.out.reply(k, s.agent, MSG_IMBALANCE, symbol, IMBALANCE_FINISH, s.side, imbalance, 0);
        s.inEvent = false;
        s.side = -1;
      }
      if (!s.inEvent && above) {
        s.inEvent = true;
        s.side = side;
        this.out.reply(k, s.agent, MSG_IMBALANCE, symbol, IMBALANCE_START, side, imbalance, 0);
      }
    }
  }
}
