// The trading calendar (market/calendar.ts): NYSE sessions against the record's own dates, the
// 9 Jan 2025 closure, the week of the DeepSeek shock, exchange-local times across a weekend and a
// daylight-saving change, and the next trading time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { everyDayCalendar, isUsTradingDay, localTimeNs, nextTradingTime, usEquityCalendar, usStartDateProblem } from '../../src/market/calendar.ts';
import { NS_PER_DAY, US_EQUITY_DAY, clock } from '../../src/market/schedule.ts';

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');
const H = 3_600_000_000_000;

describe('usEquityCalendar', () => {
  it('has exactly the sessions of the NVDA daily data, 2024-08-01 to 2025-03-31 (166 rows)', () => {
    const dates = readFileSync(join(SHARED, 'data', 'nvda-daily.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(dates).toHaveLength(166);
    const cal = usEquityCalendar(dates[0], dates.length);
    expect(Array.from({ length: cal.sessions }, (_, d) => cal.date(d))).toEqual(dates);
  });

  it('skips weekends and the unscheduled closure of 9 Jan 2025', () => {
    expect(isUsTradingDay('2025-01-09')).toBe(false);
    expect(isUsTradingDay('2025-01-25')).toBe(false);
    expect(isUsTradingDay('2025-01-24')).toBe(true);
    const cal = usEquityCalendar('2025-01-08', 2);
    expect(cal.date(1)).toBe('2025-01-10');
    expect(usStartDateProblem('2025-01-26')).toMatch(/not a NYSE trading day/);
    expect(usStartDateProblem('2023-06-01')).toMatch(/2024-2026/);
    expect(usStartDateProblem('2025-02-30')).toMatch(/date/);
  });

  it('puts the DeepSeek week on a clock where the weekend passes closed', () => {
    const cal = usEquityCalendar('2025-01-24', 6);
    expect([0, 1, 2, 3, 4, 5].map((d) => cal.date(d))).toEqual(['2025-01-24', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
    expect(cal.midnight(1)).toBe(3 * NS_PER_DAY);
    expect(cal.sessionOn(2 * NS_PER_DAY)).toBe(-1); // Sunday
    expect(cal.sessionOn(3 * NS_PER_DAY + clock(10))).toBe(1);
    // Friday after the close: the next trading time is Monday's pre-open
    expect(nextTradingTime(cal, clock(17), US_EQUITY_DAY.open - US_EQUITY_DAY.preOpen)).toBe(3 * NS_PER_DAY + US_EQUITY_DAY.preOpen);
    expect(nextTradingTime(cal, clock(12))).toBe(clock(12));
  });

  it('reads exchange-local date-times, whatever offset they are written in', () => {
    expect(localTimeNs('2025-01-25T09:00-05:00', '2025-01-24')).toBe(33 * H);
    expect(localTimeNs('2025-01-25T14:00Z', '2025-01-24')).toBe(33 * H);
    // after the switch to daylight-saving time (9 Mar 2025), 13:30Z is 09:30 at the exchange
    expect(localTimeNs('2025-03-10T13:30Z', '2025-03-10')).toBe(clock(9, 30));
    expect(localTimeNs('2025-01-25 09:00', '2025-01-24')).toMatch(/date-time/);
  });
});

describe('everyDayCalendar', () => {
  it('has a session every day, session d at d x 24 h, without dates', () => {
    const cal = everyDayCalendar(3);
    expect(cal.midnight(2)).toBe(2 * NS_PER_DAY);
    expect(cal.date(0)).toBeNull();
    expect(cal.sessionAfter(clock(16, 30))).toBe(1);
  });
});
