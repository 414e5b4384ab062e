// Daily bars in, a shock's moments out (calibration's --bars input): NVDA's own file gives the
// record's figures for 27 Jan 2025, and every malformed file is refused in one line naming the
// line, the field, the value and what is allowed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BarsError, parseDailyBars, shockMoments } from '../../src/index.ts';

const NVDA = readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'nvda-daily.csv'), 'utf8');
const HEAD = 'date,open,high,low,close,volume';
const row = (date: string, o = 100, h = 110, l = 90, c = 105, v = 1000) => `${date},${o},${h},${l},${c},${v}`;

describe('shock moments from daily bars', () => {
  it("gives the record's 27 Jan 2025 from NVDA's daily file", () => {
    const m = shockMoments(parseDailyBars(NVDA, 'nvda-daily.csv'), '2025-01-27');
    expect(m.eventReturn).toBeCloseTo(-0.1697, 3); // targets.md: -16.97%
    expect(m.openGap).toBeCloseTo(-0.125, 2); // -12.5% gap
    expect(m.lowReturn).toBeCloseTo(-0.182, 2); // low -18.2%
    expect(m.nextDayReturn).toBeCloseTo(0.0893, 3); // 28 Jan +8.93%
    expect(m.volumeMultiple).toBeGreaterThan(3);
    expect(m.volumeMultiple).toBeLessThan(5);
  });

  it('reads decimals and CRLF, and gives no next day on the last row', () => {
    const days = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08', '2025-01-10'];
    const bars = parseDailyBars([HEAD, ...days.map((d, i) => row(d, 100, 110, 90, 100 + i, 1000.5))].join('\r\n') + '\r\n');
    expect(bars.length).toBe(6);
    const m = shockMoments(bars, '2025-01-10', 5);
    expect(m.eventReturn).toBeCloseTo(105 / 104 - 1, 12);
    expect(m.volumeMultiple).toBe(1);
    expect(m.nextDayReturn).toBeNull();
  });

  const bad: [string, string, RegExp][] = [
    ['header', 'date,close\n2025-01-02,1', /line 1: header must be "date,open,high,low,close,volume"/],
    ['a non-number', `${HEAD}\n2025-01-02,100,110,90,abc,5`, /line 2: close must be a number \(got "abc"\)/],
    ['NaN', `${HEAD}\n2025-01-02,NaN,110,90,100,5`, /line 2: open must be a number/],
    ['a zero price', `${HEAD}\n${row('2025-01-02', 0, 110, 0, 100)}`, /line 2: open must be > 0 \(got 0\)/],
    ['a negative volume', `${HEAD}\n${row('2025-01-02', 100, 110, 90, 100, -1)}`, /line 2: volume must be >= 0 \(got -1\)/],
    ['low above the open', `${HEAD}\n${row('2025-01-02', 100, 110, 101, 105)}`, /line 2: low must be <= min\(open, close\) = 100 \(got 101\)/],
    ['high below the close', `${HEAD}\n${row('2025-01-02', 100, 104, 90, 105)}`, /line 2: high must be >= max\(open, close\) = 105 \(got 104\)/],
    ['a weekend', `${HEAD}\n${row('2025-01-04')}`, /line 2: date 2025-01-04 is not a NYSE trading day/],
    ['a holiday', `${HEAD}\n${row('2025-01-09')}`, /date 2025-01-09 is not a NYSE trading day/],
    ['dates out of order', `${HEAD}\n${row('2025-01-03')}\n${row('2025-01-02')}`, /line 3: dates must ascend without repeats \(got 2025-01-02 after 2025-01-03\)/],
    ['a missing trading day', `${HEAD}\n${row('2025-01-02')}\n${row('2025-01-07')}`, /line 3: trading day 2025-01-03 is missing between 2025-01-02 and 2025-01-07/],
    ['a bad date', `${HEAD}\n${row('2025-02-30')}`, /line 2: date must be a real date YYYY-MM-DD \(got "2025-02-30"\)/],
  ];
  for (const [what, text, message] of bad) {
    it(`refuses ${what} in one line`, () => {
      expect(() => parseDailyBars(text, 'my.csv')).toThrow(BarsError);
      expect(() => parseDailyBars(text, 'my.csv')).toThrow(message);
      try {
        parseDailyBars(text, 'my.csv');
      } catch (e) {
        expect((e as Error).message).not.toContain('\n');
        expect((e as Error).message.startsWith('my.csv')).toBe(true);
      }
    });
  }

  it('refuses an event without 20 sessions before it, or not in the file', () => {
    const bars = parseDailyBars(NVDA);
    expect(() => shockMoments(bars, bars[10].date)).toThrow(/needs at least 20 sessions before it in the bars \(got 10\)/);
    expect(() => shockMoments(bars, '2025-01-25')).toThrow(/2025-01-25 is not a row of the bars/);
  });
});
