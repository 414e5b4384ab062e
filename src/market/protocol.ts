// The messages agents and the exchange exchange, as kinds and field layouts over the kernel's
// message pool (fields a..f). One table here so both ends agree.
//
//   to the exchange                       a        b        c        d        e          f
//   LIMIT                                 symbol   side     price    qty      order id   tif | postOnly << 2
//   MARKET                                symbol   side     -        qty      order id   -
//   CANCEL                                symbol   -        -        -        order id   -
//   MODIFY                                symbol   -        price|0  qty|0    order id   -
//   from the exchange
//   ACCEPTED                              symbol   filled   resting  cancelled order id  -
//   REJECTED                              symbol   status   -        -        order id   -
//   FILL                                  symbol   side     price    qty      order id   1 maker, 0 taker
//   EXPIRED (self-trade prevention)       symbol   side     -        qty      order id   -

export const MSG_LIMIT = 1;
export const MSG_MARKET = 2;
export const MSG_CANCEL = 3;
export const MSG_MODIFY = 4;
export const MSG_ACCEPTED = 10;
export const MSG_REJECTED = 11;
export const MSG_FILL = 12;
export const MSG_EXPIRED = 13;

/** Receives every trade the exchange prints (the recorder implements it). */
export interface TradeSink {
  trade(time: number, symbol: number, price: number, qty: number, makerAgent: number, takerAgent: number, takerSide: number): void;
}
