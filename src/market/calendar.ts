// The trading calendar: which calendar days have a session and where each session's day starts
// on the run's clock. Every module that needs "when does session d start" asks a Calendar
// instead of multiplying by 86,400 s.
//
// The run's clock is exchange-local wall time (US Eastern for the US equity calendar) in integer
// ns from midnight of the first session's date; every calendar day is exactly 86,400 s on it
// (the hour lost or gained at a daylight-saving change is not modelled; instants given with a UTC
// offset are converted with the offset in force that day, so 09:30 is always the open).
// Between two sessions the clock runs on with the exchange closed (a weekend is 2 days of
// closed market), so news that arrives then acts on the next opening auction.
//
// Two calendars:
//   - `everyDayCalendar(n)`: no dates, every day trades (continuous research runs, calm-day);
//   - `usEquityCalendar(startDate, n)`: NYSE sessions from an ISO date: weekends and the NYSE
//     full-day closures of 2024-2026 (including the unscheduled closure of 9 Jan 2025, the day of
//     mourning for President Carter) are skipped. Early closes (13:00) are not modelled.
import { NS_PER_SECOND } from '../core/units.ts';
import { NS_PER_DAY, US_EQUITY_DAY, type DaySchedule } from './schedule.ts';
const MS_PER_DAY = 86_400_000;

/** NYSE full-day closures (weekdays), 2024-2026. Source: NYSE holiday calendar; 2025-01-09 by NYSE notice. */
export const NYSE_CLOSURES: readonly string[] = [
  '2024-01-01', '2024-01-15', '2024-02-19', '2024-03-29', '2024-05-27', '2024-06-19', '2024-07-04', '2024-09-02', '2024-11-28', '2024-12-25',
  '2025-01-01', '2025-01-09', '2025-01-20', '2025-02-17', '2025-04-18', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-11-27', '2025-12-25',
  '2026-01-01', '2026-01-19', '2026-02-16', '2026-04-03', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25',
];
/** The years the US equity calendar knows. */
export const US_CALENDAR_YEARS = { first: 2024, last: 2026 } as const;

export interface Calendar {
  /** Sessions in the run. */
  readonly sessions: number;
  /** Clock times of a session's day. */
  readonly day: Readonly<DaySchedule>;
  /** Midnight of session d's day, ns on the run's clock (defined for d < sessions + 2). */
  midnight(d: number): number;
  /** Session d's date "YYYY-MM-DD", or null for a calendar without dates. */
  date(d: number): string | null;
  /** The session held on the calendar day containing t (ns), or -1 when that day has none. */
  sessionOn(t: number): number;
  /** The first session whose close is after t (sessions when none is). */
  sessionAfter(t: number): number;
}

/** A date "YYYY-MM-DD" as days since 1970-01-01, or NaN when it is not a real date. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return NaN;
  return ms / MS_PER_DAY;
}

/** Days since 1970-01-01 as "YYYY-MM-DD". */
export function dateOf(dayNum: number): string {
  return new Date(dayNum * MS_PER_DAY).toISOString().slice(0, 10);
}

const CLOSED_DAYS = new Set(NYSE_CLOSURES.map(dayNumber));

/** True when NYSE holds a session on this date (a weekday that is not a full-day closure). */
export function isUsTradingDay(date: string): boolean {
  const n = dayNumber(date);
  if (Number.isNaN(n)) return false;
  const weekday = (n + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  return weekday !== 0 && weekday !== 6 && !CLOSED_DAYS.has(n);
}

/** Why a date cannot start a US equity run, or null when it can. */
export function usStartDateProblem(date: string): string | null {
  const n = dayNumber(date);
  if (Number.isNaN(n)) return 'must be a date YYYY-MM-DD';
  const year = Number(date.slice(0, 4));
  if (year < US_CALENDAR_YEARS.first || year > US_CALENDAR_YEARS.last) return `must be within ${US_CALENDAR_YEARS.first}-${US_CALENDAR_YEARS.last} (the years the calendar knows)`;
  if (!isUsTradingDay(date)) return 'is not a NYSE trading day (weekend or full-day closure)';
  return null;
}

class TableCalendar implements Calendar {
  constructor(
    readonly sessions: number,
    readonly day: Readonly<DaySchedule>,
    /** Calendar-day offset of each session from the first (length sessions + 2). */
    private readonly offsets: Int32Array,
    /** Session index per calendar-day offset (-1 = none). */
    private readonly byDay: Int32Array,
    private readonly dates: readonly string[],
  ) {}

  midnight(d: number): number {
    return d < this.offsets.length ? this.offsets[d] * NS_PER_DAY : Infinity;
  }

  date(d: number): string | null {
    return this.dates[d] ?? null;
  }

  sessionOn(t: number): number {
    const day = Math.floor(t / NS_PER_DAY);
    return day >= 0 && day < this.byDay.length ? this.byDay[day] : -1;
  }

  sessionAfter(t: number): number {
    let d = 0;
    while (d < this.sessions && this.midnight(d) + this.day.close <= t) d++;
    return d;
  }
}

/** Every calendar day has a session (and the clock goes on past `sessions`): session d starts at d x 86,400 s. */
class EveryDayCalendar implements Calendar {
  constructor(
    readonly sessions: number,
    readonly day: Readonly<DaySchedule>,
  ) {}

  midnight(d: number): number {
    return d * NS_PER_DAY;
  }

  date(): null {
    return null;
  }

  sessionOn(t: number): number {
    return t < 0 ? -1 : Math.floor(t / NS_PER_DAY);
  }

  sessionAfter(t: number): number {
    const d = Math.floor(t / NS_PER_DAY);
    return t - d * NS_PER_DAY < this.day.close ? Math.max(0, d) : d + 1;
  }
}

function checkSessions(sessions: number): void {
  if (!Number.isSafeInteger(sessions) || sessions < 1) throw new RangeError(`sessions must be an integer >= 1, got ${sessions}`);
}

/** Every day has a session; session d starts at d x 86,400 s. */
export function everyDayCalendar(sessions: number, day: Readonly<DaySchedule> = US_EQUITY_DAY): Calendar {
  checkSessions(sessions);
  return new EveryDayCalendar(sessions, day);
}

/**
 * Next time >= t inside a session's trading hours widened by `leadNs` before the open
 * ([open - lead, close)); t itself when it is inside; Infinity when no session follows.
 */
export function nextTradingTime(cal: Calendar, t: number, leadNs = 0): number {
  const start = cal.day.open - leadNs;
  const d = cal.sessionOn(t);
  if (d >= 0) {
    const tod = t - cal.midnight(d);
    if (tod >= start && tod < cal.day.close) return t;
    if (tod < start) return cal.midnight(d) + start;
  }
  return cal.midnight(cal.sessionAfter(t)) + start;
}

/** Time of day of t within its session day (ns after midnight), or -1 on a day without a session. */
export function sessionTimeOfDay(cal: Calendar, t: number): number {
  const d = cal.sessionOn(t);
  return d < 0 ? -1 : t - cal.midnight(d);
}

/** NYSE sessions from `startDate` (itself a trading day), `sessions` of them. */
export function usEquityCalendar(startDate: string, sessions: number, day: Readonly<DaySchedule> = US_EQUITY_DAY): Calendar {
  checkSessions(sessions);
  const problem = usStartDateProblem(startDate);
  if (problem !== null) throw new RangeError(`startDate ${JSON.stringify(startDate)} ${problem}`);
  const first = dayNumber(startDate);
  const offsets = new Int32Array(sessions + 2);
  const dates: string[] = [];
  let n = first;
  for (let d = 0; d < sessions + 2; d++) {
    while (!isUsTradingDay(dateOf(n))) {
      n++;
      if (n - first > 3 * 366) throw new RangeError(`startDate ${startDate} with ${sessions} sessions runs past ${US_CALENDAR_YEARS.last}, the last year the calendar knows`);
    }
    offsets[d] = n - first;
    dates.push(dateOf(n));
    n++;
  }
  if (Number(dates[sessions - 1].slice(0, 4)) > US_CALENDAR_YEARS.last) throw new RangeError(`startDate ${startDate} with ${sessions} sessions runs past ${US_CALENDAR_YEARS.last}, the last year the calendar knows`);
  const byDay = new Int32Array(offsets[sessions + 1] + 1).fill(-1);
  for (let d = 0; d < sessions; d++) byDay[offsets[d]] = d;
  return new TableCalendar(sessions, day, offsets, byDay, dates);
}

/** US Eastern offset from UTC in hours on a date: -4 in daylight-saving time (2nd Sunday of March to 1st Sunday of November), else -5. */
export function easternOffsetHours(dayNum: number): number {
  const d = new Date(dayNum * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const nthSunday = (month: number, nth: number) => {
    const firstDay = Date.UTC(y, month, 1) / MS_PER_DAY;
    const weekday = (firstDay + 4) % 7;
    return firstDay + ((7 - weekday) % 7) + 7 * (nth - 1);
  };
  return dayNum >= nthSunday(2, 2) && dayNum < nthSunday(10, 1) ? -4 : -5;
}

/**
 * An exchange-local date-time "YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)" as ns on the clock of a
 * run whose first session is on `startDate`, or a string saying what is wrong with it.
 */
export function localTimeNs(text: string, startDate: string): number | string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!m) return 'must be a date-time like 2025-01-25T09:00-05:00';
  const day = dayNumber(m[1]);
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (Number.isNaN(day) || h > 23 || min > 59 || s > 59) return 'is not a valid date-time';
  const offsetMin = m[5] === 'Z' ? 0 : (m[5][0] === '-' ? -1 : 1) * (Number(m[5].slice(1, 3)) * 60 + Number(m[5].slice(4, 6)));
  const utcMs = day * MS_PER_DAY + ((h * 60 + min - offsetMin) * 60 + s) * 1000;
  // Exchange-local wall clock: UTC plus the Eastern offset in force on that UTC day.
  const localMs = utcMs + easternOffsetHours(Math.floor(utcMs / MS_PER_DAY)) * 3_600_000;
  return Math.round((localMs - dayNumber(startDate) * MS_PER_DAY) / 1000) * NS_PER_SECOND;
}
