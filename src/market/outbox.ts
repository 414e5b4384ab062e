// What the exchange sends out: replies to agents (kernel messages from the exchange's id),
// trades to the TradeSink (keeping each symbol's last price and volume) and level-1 changes to
// the QuoteSink. Each loop that turns fills into FILL messages is written here once:
// `bookFills` for the result of a book operation (continuous trading, banded or not: FILL to the
// maker and the taker of every trade, EXPIRED for orders removed by self-trade prevention, then
// the ACCEPTED acknowledgement if asked for) and `auctionFills` for an uncross (FILL with f = 2
// to buyer and seller, the seller as maker in the print). The exchange (exchange.ts) and the
// auctions (auctions.ts) share one Outbox. Nothing here allocates per message. A participant that
// settles at the exchange (protocol.ts SettledAccount) gets no messages: its fills are booked
// into its account and its rejections counted at once.

import type { AuctionOrders, AuctionResult } from '../book/auction.ts';
import { BUY, SELL } from '../book/codes.ts';
import type { OrderBook } from '../book/order-book.ts';
import type { Agent, Kernel } from '../kernel/kernel.ts';
import { FILL_AUCTION, FLAG_ACK, MSG_ACCEPTED, MSG_EXPIRED, MSG_FILL, MSG_FILLS, MSG_REJECTED, TAKER_SIDE_AUCTION, type BatchedFills, type QuoteSink, type SettledAccount, type TradeSink } from './protocol.ts';

const NO_BATCH = -1;
const BATCH_NOT_SENT = -2;

export class Outbox {
  /** Level 1 last told to the quote sink: bid, bid size, ask, ask size per symbol. */
  private readonly l1: Float64Array;

  constructor(
    /** The sender (the exchange); its id is read at each send. */
    private readonly exchange: Agent,
    private readonly books: readonly OrderBook[],
    private readonly last: Float64Array,
    private readonly volume: Float64Array,
    /** Lots bought [2 symbol] and sold [2 symbol + 1] by incoming orders in continuous trading. */
    private readonly takerVolume: Float64Array,
    private readonly sink: TradeSink | undefined,
    private readonly quotes: QuoteSink | undefined,
  ) {
    this.l1 = new Float64Array(4 * books.length);
  }

  /** Per agent id: the account the exchange settles directly, or null (it gets messages). */
  private settled: (SettledAccount | null)[] = [];

  /** Per agent id: 1 when its taker fills go out as one MSG_FILLS per sweep (protocol.ts BatchedFills). */
  private batched = new Uint8Array(0);

  /** Notes which of the kernel's agents settle at the exchange or take fills in batches (call once, when the run starts). */
  bindAccounts(agents: readonly Agent[]): void {
    this.settled = agents.map((a) => ((a as Partial<SettledAccount>).settlesAtExchange === true ? (a as unknown as SettledAccount) : null));
    this.batched = Uint8Array.from(agents, (a, i) => ((a as Partial<BatchedFills>).fillsInBatches === true && this.settled[i] === null ? 1 : 0));
  }

  /**
   * One message to agent `to` (none when `to` < 0: an order without an owner). For an agent that
   * settles at the exchange a FILL is booked and a REJECTED counted at once, and nothing is sent.
   */
  reply(k: Kernel, to: number, kind: number, a: number, b: number, c: number, d: number, e: number, f = 0): void {
    if (to < 0) return;
    const account = this.settled[to];
    if (account != null) {
      if (kind === MSG_FILL) account.settleFill(a, b, c, d);
      else if (kind === MSG_REJECTED) account.settleRejected();
      return;
    }
    const slot = k.send(this.exchange.id, to, kind);
    const m = k.msgs;
    m.a[slot] = a;
    m.b[slot] = b;
    m.c[slot] = c;
    m.d[slot] = d;
    m.e[slot] = e;
    m.f[slot] = f;
  }

  /** ACCEPTED for the message in `slot`, if it asked for one (FLAG_ACK). */
  ack(k: Kernel, slot: number, to: number, symbol: number, filled: number, resting: number, cancelled: number, orderId: number): void {
    if ((k.msgs.f[slot] & FLAG_ACK) !== 0) this.reply(k, to, MSG_ACCEPTED, symbol, filled, resting, cancelled, orderId);
  }

  /**
   * The replies to a book operation that succeeded (the book's `fills` and `result`): per fill a
   * FILL to the maker (f = 1) and to the taker `from` (f = 0) and a print to the sink, then the
   * symbol's last price (a taker with `fillsInBatches` gets one MSG_FILLS in the place of its
   * first FILL, summing them all); EXPIRED (reason 0) for each order self-trade prevention removed; and
   * ACCEPTED (filled, resting, cancelled lots) when `ack`.
   */
  bookFills(k: Kernel, book: OrderBook, symbol: number, side: number, from: number, orderId: number, ack: boolean): void {
    const fills = book.fills;
    const n = fills.count;
    if (n > 0) {
      const now = k.now;
      const m = k.msgs;
      // The taker's batch: NO_BATCH (a FILL per trade), BATCH_NOT_SENT, or the slot of its MSG_FILLS.
      let batch = from >= 0 && this.batched[from] === 1 ? BATCH_NOT_SENT : NO_BATCH;
      for (let i = 0; i < n; i++) {
        const price = fills.price[i];
        const qty = fills.qty[i];
        const maker = fills.makerOwner[i] - 1;
        this.reply(k, maker, MSG_FILL, symbol, 1 - side, price, qty, fills.makerId[i], 1);
        if (batch === NO_BATCH) this.reply(k, from, MSG_FILL, symbol, side, price, qty, orderId, 0);
        else if (batch === BATCH_NOT_SENT) {
          batch = k.send(this.exchange.id, from, MSG_FILLS);
          m.a[batch] = symbol;
          m.b[batch] = side;
          m.c[batch] = price * qty;
          m.d[batch] = qty;
          m.e[batch] = orderId;
          m.f[batch] = 1;
        } else {
          m.c[batch] += price * qty;
          m.d[batch] += qty;
          m.f[batch] += 1;
        }
        if (this.sink !== undefined) this.sink.trade(now, symbol, price, qty, maker, from, side);
        this.volume[symbol] += qty;
        this.takerVolume[2 * symbol + side] += qty;
      }
      this.last[symbol] = fills.price[n - 1];
    }
    const r = book.result;
    for (let i = 0; i < r.expired.length; i++) this.reply(k, from, MSG_EXPIRED, symbol, side, 0, 0, r.expired[i]);
    if (ack) this.reply(k, from, MSG_ACCEPTED, symbol, r.filled, r.resting, r.cancelled, orderId);
  }

  /**
   * The fills of an auction `r` over the orders `a`: per fill a FILL (f = 2) to the buyer, then
   * to the seller, and a print with takerSide = 2 (seller as maker, buyer as taker); the
   * auction price becomes the last price if anything traded.
   */
  auctionFills(k: Kernel, symbol: number, a: AuctionOrders, r: AuctionResult): void {
    const now = k.now;
    for (let c = 0; c < r.count; c++) {
      const b = r.buyRow[c];
      const s = r.sellRow[c];
      const q = r.qty[c];
      const buyer = a.owner[b] - 1;
      const seller = a.owner[s] - 1;
      this.reply(k, buyer, MSG_FILL, symbol, BUY, r.price, q, a.id[b], FILL_AUCTION);
      this.reply(k, seller, MSG_FILL, symbol, SELL, r.price, q, a.id[s], FILL_AUCTION);
      if (this.sink !== undefined) this.sink.trade(now, symbol, r.price, q, seller, buyer, TAKER_SIDE_AUCTION);
      this.volume[symbol] += q;
    }
    if (r.volume > 0) this.last[symbol] = r.price;
  }

  /** Tells the quote sink if the symbol's level 1 changed since it was last told. */
  quoteAfter(now: number, symbol: number): void {
    const q = this.quotes;
    if (q === undefined) return;
    const b = this.books[symbol];
    const bid = b.bestBid() ?? 0;
    const ask = b.bestAsk() ?? 0;
    const bq = bid === 0 ? 0 : b.depthQty(BUY, 1);
    const aq = ask === 0 ? 0 : b.depthQty(SELL, 1);
    const l = this.l1;
    const j = 4 * symbol;
    if (l[j] === bid && l[j + 1] === bq && l[j + 2] === ask && l[j + 3] === aq) return;
    l[j] = bid;
    l[j + 1] = bq;
    l[j + 2] = ask;
    l[j + 3] = aq;
    q.quote(now, symbol, bid, bq, ask, aq);
  }
}
