// The record layer: columnar recording of a run and its tape hash (browser-safe; Node file
// sinks live in ./node).
export { TradeTape } from './trade-tape.ts';
export { grown, grownFilled } from './columns.ts';
export { MinuteBars } from './bars.ts';
export { ClassFlows } from './flows.ts';
export { QuoteSeries } from './quotes.ts';
export { classHoldings, snapshotHoldings, type ClassHoldings, type ClassPnl, type ClassPosition, type Holder, type HoldingsSnapshot } from './holdings.ts';
export { daySummaries, type DaySummary } from './day-summary.ts';
export { Recorder, NO_CLASS, agentClassMap, type QuoteSource, type RecorderOptions, type SessionHours, type RecordingSummary, type FlowTotal } from './recorder.ts';
export { barsCsv, flowsCsv, quotesCsv, tradesCsv, quotesCsvChunks, tradesCsvChunks, parseBarsCsv, CsvError, BARS_HEADER, TRADES_HEADER, QUOTES_HEADER, FLOWS_HEADER, TAKER_SIDE_NAMES, type BarsTable } from './csv.ts';
export { ticksToUsd } from './dollars.ts';
