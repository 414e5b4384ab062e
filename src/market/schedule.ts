// The exchange's trading day: session times as clock times of a day, in integer ns, and the
// session states a symbol can be in. Which days have a session, and where each starts on the
// run's clock, is the calendar's business (calendar.ts).

import { NS_PER_HOUR, NS_PER_MINUTE, NS_PER_SECOND } from '../core/units.ts';

export const NS_PER_DAY = 24 * NS_PER_HOUR;

/** Clock times of one trading day, each in ns after that day's midnight. */
export interface DaySchedule {
  /** Order entry for the opening auction opens (default 04:00). */
  preOpen: number;
  /** Opening auction, then continuous trading (default 09:30). */
  open: number;
  /** Last moment market- and limit-on-close orders are accepted or cancelled (default 15:50). */
  onCloseCutoff: number;
  /** Closing auction; nothing trades after it until the next day's pre-open (default 16:00). */
  close: number;
}

/** Clock time h:m:s as ns after midnight. */
export function clock(h: number, m = 0, s = 0): number {
  return h * NS_PER_HOUR + m * NS_PER_MINUTE + s * NS_PER_SECOND;
}

/** The US equity day: pre-open 04:00, open 09:30, on-close cutoff 15:50, close 16:00. */
export const US_EQUITY_DAY: Readonly<DaySchedule> = Object.freeze({ preOpen: clock(4), open: clock(9, 30), onCloseCutoff: clock(15, 50), close: clock(16) });

/** Throws unless 0 <= preOpen <= open <= onCloseCutoff <= close < 24 h, all integers. */
export function checkSchedule(s: DaySchedule): void {
  const xs = [s.preOpen, s.open, s.onCloseCutoff, s.close];
  for (const x of xs) if (!Number.isSafeInteger(x) || x < 0 || x >= NS_PER_DAY) throw new RangeError(`schedule times must be integer ns within a day, got ${x}`);
  if (!(s.preOpen <= s.open && s.open <= s.onCloseCutoff && s.onCloseCutoff <= s.close)) throw new RangeError('schedule must satisfy preOpen <= open <= onCloseCutoff <= close');
}

// Session states. CONTINUOUS is 0: the exchange's hot path is one compare against it.
export const CONTINUOUS = 0;
/** Continuous trading with limit up-limit down bands checked (slow path; reported as 'continuous'). */
export const CONTINUOUS_BANDED = 1;
export const CLOSED = 2;
export const PRE_OPEN = 3;
export const LIMIT_STATE = 4;
export const PAUSED = 5;

export type SessionState = 'continuous' | 'closed' | 'pre-open' | 'limit-state' | 'paused';
export const SESSION_STATE_NAMES: readonly SessionState[] = ['continuous', 'continuous', 'closed', 'pre-open', 'limit-state', 'paused'];
