// The messages agents and the exchange exchange, as kinds and field layouts over the kernel's
// message pool (fields a..f). One table here so both ends agree.
//
//   to the exchange                       a        b        c        d        e          f
//   LIMIT                                 symbol   side     price    qty      order id   flags
//   MARKET                                symbol   side     -        qty      order id   flags
//   CANCEL                                symbol   -        -        -        order id   flags
//   MODIFY                                symbol   -        price|0  qty|0    order id   flags
//   from the exchange
//   ACCEPTED                              symbol   filled   resting  cancelled order id  -
//   REJECTED                              symbol   status   -        -        order id   -
//   FILL                                  symbol   side     price    qty      order id   1 maker, 0 taker, 2 auction
//   EXPIRED                               symbol   side     -        qty      order id   reason
//   NEWS (from the news feed)             event    -        -        -        -          -
//   IMBALANCE (to subscribers)            symbol   stage    side     imbalance -         -
//     (stage 0 START, 1 FINISH; side the heavier one, 0 bids, 1 asks; imbalance.ts)
//
// flags: bits 0-1 time in force (0 GTC, 1 IOC, 2 FOK), bit 2 post-only, bit 3 on-close (a
// LIMIT with it is a limit-on-close order, a MARKET a market-on-close order: both wait for the
// closing auction), bit 4 acknowledge (FLAG_ACK). CANCEL and MODIFY read only bit 4.
//
// Acknowledgements are opt-in: the exchange answers a LIMIT, MARKET, CANCEL or MODIFY it
// accepts with ACCEPTED only when the message carries FLAG_ACK. REJECTED, FILL and EXPIRED are
// always sent. Without ACCEPTED a sender learns that an order has ended from its fills, a
// REJECTED or an EXPIRED; what it does not learn is an order that ends on entry without trading
// its whole size (an IOC or market remainder cancelled, or a taker's remainder cancelled by
// self-trade prevention) or the size a cancel removed: a sender
// that needs those sets FLAG_ACK (Trader.requestAcks does it for every message of an agent).
//
// REJECTED status: a book Status code (src/book/codes.ts, 1-9) or one of the exchange's
// REJECT_* codes below. EXPIRED reason: 0 self-trade prevention (qty 0), 1 the unfilled
// remainder of a market or IOC order after an opening or reopening auction, 2 end of day (every
// order still live at the close). ACCEPTED for an order held for an auction reports its whole
// size as resting.

/**
 * A participant that acts on none of the exchange's replies (a noise trader: its rule never reads
 * its fills, rejections or expiries, and it asks for no acknowledgements). The exchange settles
 * it at once - books each fill into its account, counts each rejection - instead of sending
 * messages it would ignore (outbox.ts): the same account at the end of every event, a third fewer
 * kernel events in a noise-heavy run. Only when `settlesAtExchange` is true.
 */
export interface SettledAccount {
  readonly settlesAtExchange: boolean;
  /** One fill of `qty` lots at `price` ticks on `side` (0 buy, 1 sell). */
  settleFill(symbol: number, side: number, price: number, qty: number): void;
  /** One order, cancel or modify refused. */
  settleRejected(): void;
}

/**
 * A participant whose fill handler reads only the lots filled and the order id (not the price of
 * each fill) may set `fillsInBatches`: when one of its orders takes liquidity, the exchange sends
 * one MSG_FILLS for the whole sweep (outbox.ts) instead of a MSG_FILL per trade. MSG_FILLS: a =
 * symbol, b = side, c = notional (sum of price x qty, tick-lots), d = lots, e = order id, f =
 * fills in the batch. The batch takes the place of the sweep's first FILL in the event order, and
 * fill handlers send nothing and draw nothing, so the tape is the same either way; the account
 * ends the event where it would have.
 */
export interface BatchedFills {
  readonly fillsInBatches: boolean;
}

export const MSG_LIMIT = 1;
export const MSG_MARKET = 2;
export const MSG_CANCEL = 3;
export const MSG_MODIFY = 4;
export const MSG_ACCEPTED = 10;
export const MSG_REJECTED = 11;
export const MSG_FILL = 12;
export const MSG_EXPIRED = 13;
/** The taker fills of one order in one sweep, for a participant with `fillsInBatches` (BatchedFills). */
export const MSG_FILLS = 14;
export const MSG_NEWS = 20;
export const MSG_IMBALANCE = 21;

export const IMBALANCE_START = 0;
export const IMBALANCE_FINISH = 1;

export const FILL_TAKER = 0;
export const FILL_MAKER = 1;
export const FILL_AUCTION = 2;

export const EXPIRED_STP = 0;
export const EXPIRED_AUCTION_REMAINDER = 1;
export const EXPIRED_END_OF_DAY = 2;

/** The market is closed for the symbol (after the close, before the pre-open). */
export const REJECT_MARKET_CLOSED = 32;
/** An on-close order, or a cancel or change of one, after the on-close cutoff. */
export const REJECT_ON_CLOSE_CUTOFF = 33;
/** An on-close order on an exchange without a day schedule (continuous-only). */
export const REJECT_NO_CLOSING_AUCTION = 34;
/** Not allowed in this session state: FOK outside continuous trading, or a change other than a size reduction while orders are being collected. */
export const REJECT_NOT_IN_STATE = 35;

export const FLAG_POST_ONLY = 4;
export const FLAG_ON_CLOSE = 8;
/** Ask for an ACCEPTED reply (orders, cancels and modifies). */
export const FLAG_ACK = 16;

/**
 * Receives every trade the exchange prints (the recorder implements it). An auction print has
 * no aggressor: it comes with takerSide = 2, the seller as makerAgent and the buyer as takerAgent.
 */
export interface TradeSink {
  trade(time: number, symbol: number, price: number, qty: number, makerAgent: number, takerAgent: number, takerSide: number): void;
}

/** Auction prints' takerSide. */
export const TAKER_SIDE_AUCTION = 2;

/** Receives level-1 changes (best bid and ask, their sizes; 0 for an empty side), if set. */
export interface QuoteSink {
  quote(time: number, symbol: number, bid: number, bidQty: number, ask: number, askQty: number): void;
}
