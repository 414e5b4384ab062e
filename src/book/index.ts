// The book layer: one price-time order book per symbol, numbers in and numbers out.
export * from './codes.ts';
export { Fills } from './fills.ts';
export { OrderBook, createOrderBook, type OrderBookOptions, type OpResult, type LevelView } from './order-book.ts';
