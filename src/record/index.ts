// The record layer: columnar recording of a run and its tape hash (browser-safe).
export { TradeTape } from './trade-tape.ts';
