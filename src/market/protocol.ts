// The messages agents and the exchange exchange, as kinds and field layouts over the kernel's
// message pool (fields a..f). One table here so both ends agree.
//
//   to the exchange                       a        b        c        d        e          f
//   LIMIT                                 symbol   side     price    qty      order id   flags
//   MARKET                                symbol   side     -        qty      order id   flags
//   CANCEL                                symbol   -        -        -        order id   -
//   MODIFY                                symbol   -        price|0  qty|0    order id   -
//   from the exchange
//   ACCEPTED                              symbol   filled   resting  cancelled order id  -
//   REJECTED                              symbol   status   -        -        order id   -
//   FILL                                  symbol   side     price    qty      order id   1 maker, 0 taker
//   EXPIRED (self-trade prevention)       symbol   side     -        qty      order id   -
//   NEWS (from the news feed)             event    -        -        -        -          -
//
// flags: bits 0-1 time in force (0 GTC, 1 IOC, 2 FOK), bit 2 post-only, bit 3 on-close (a
// LIMIT with it is a limit-on-close order, a MARKET a market-on-close order: both wait for the
// closing auction).

export const MSG_LIMIT = 1;
export const MSG_MARKET = 2;
export const MSG_CANCEL = 3;
export const MSG_MODIFY = 4;
export const MSG_ACCEPTED = 10;
export const MSG_REJECTED = 11;
export const MSG_FILL = 12;
export const MSG_EXPIRED = 13;
export const MSG_NEWS = 20;

export const FLAG_POST_ONLY = 4;
export const FLAG_ON_CLOSE = 8;

/** Receives every trade the exchange prints (the recorder implements it). */
export interface TradeSink {
  trade(time: number, symbol: number, price: number, qty: number, makerAgent: number, takerAgent: number, takerSide: number): void;
}
