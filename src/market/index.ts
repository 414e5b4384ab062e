// The market layer: the exchange (where book meets kernel), its message protocol, the trading
// day's sessions and the limit up-limit down bands.
export { Exchange, type ExchangeOptions, type Halt, type DayPrices, type AuctionSummary } from './exchange.ts';
export * from './protocol.ts';
export { US_EQUITY_DAY, NS_PER_DAY, clock, checkSchedule, SESSION_STATE_NAMES, type DaySchedule, type SessionState } from './schedule.ts';
export { LULD_TIER1, PriceBand, type LuldParams } from './luld.ts';
export { everyDayCalendar, usEquityCalendar, nextTradingTime, sessionTimeOfDay, localTimeNs, isUsTradingDay, usStartDateProblem, NYSE_CLOSURES, type Calendar } from './calendar.ts';
