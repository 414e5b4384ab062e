// The market layer: the exchange (where book meets kernel) and its message protocol.
export { Exchange, type ExchangeOptions } from './exchange.ts';
export * from './protocol.ts';
