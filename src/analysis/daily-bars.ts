// A user's daily bars, checked, and the moments of a shock they show (the `--bars` input of
// calibration, issue 10). The file is CSV with the header `date,open,high,low,close,volume`:
// dates YYYY-MM-DD, ascending and unique, prices > 0 with low <= min(open, close) and
// max(open, close) <= high, volume >= 0 (it may be written as a decimal). Where the NYSE calendar
// knows the year (2024-2026) every row must be a trading day and no trading day between two rows
// may be missing; in other years rows must be weekdays and gaps are not checked (holidays unknown).
// For an event date with at least `window` (20) sessions before it, the moments are, with C0 the
// previous close: the event day's return C / C0 - 1, its open gap O / C0 - 1, its low L / C0 - 1,
// its volume over the mean of the `window` sessions before, and the next day's return (null on
// the last row). A bad file is refused with one line naming the line, field, value and the
// allowed range (BarsError).
import { dayNumber, isUsTradingDay, US_CALENDAR_YEARS } from '../market/calendar.ts';
import type { ObservedBar } from '../scenario/record-2025.ts';

/** One session's bar: the same shape as the record's observed bars. */
export type DailyBar = ObservedBar;

export interface ShockMoments {
  eventDate: string;
  /** C / C0 - 1, O / C0 - 1, L / C0 - 1 on the event day (C0 the previous close). */
  eventReturn: number;
  openGap: number;
  lowReturn: number;
  /** Event-day volume / mean volume of the `window` sessions before it. */
  volumeMultiple: number;
  /** The next session's return, or null when the event is the last row. */
  nextDayReturn: number | null;
  /** Sessions averaged for the volume multiple. */
  window: number;
}

export class BarsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BarsError';
  }
}

const HEADER = 'date,open,high,low,close,volume';
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parses and checks daily bars; `source` names the file in errors. */
export function parseDailyBars(text: string, source = 'bars'): DailyBar[] {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0 || lines[0].trim() !== HEADER) throw new BarsError(`${source} line 1: header must be "${HEADER}" (got ${JSON.stringify(lines[0] ?? '')})`);
  const bars: DailyBar[] = [];
  for (let i = 1; i < lines.length; i++) {
    const at = `${source} line ${i + 1}`;
    const cells = lines[i].split(',').map((c) => c.trim());
    if (cells.length !== 6) throw new BarsError(`${at}: expected 6 fields (${HEADER}), got ${cells.length}`);
    const [date, ...rest] = cells;
    const day = dayNumber(date);
    if (Number.isNaN(day)) throw new BarsError(`${at}: date must be a real date YYYY-MM-DD (got ${JSON.stringify(date)})`);
    const year = Number(date.slice(0, 4));
    const known = year >= US_CALENDAR_YEARS.first && year <= US_CALENDAR_YEARS.last;
    const weekday = (day + 4) % 7;
    if (known ? !isUsTradingDay(date) : weekday === 0 || weekday === 6) throw new BarsError(`${at}: date ${date} is not a NYSE trading day`);
    const [open, high, low, close, volume] = rest.map((c, j) => {
      const name = HEADER.split(',')[j + 1];
      if (!NUMBER.test(c)) throw new BarsError(`${at}: ${name} must be a number (got ${JSON.stringify(c)})`);
      return Number(c);
    });
    for (const [name, v] of [['open', open], ['high', high], ['low', low], ['close', close]] as const) {
      if (!(v > 0) || !Number.isFinite(v)) throw new BarsError(`${at}: ${name} must be > 0 (got ${v})`);
    }
    if (!(volume >= 0) || !Number.isFinite(volume)) throw new BarsError(`${at}: volume must be >= 0 (got ${volume})`);
    if (low > Math.min(open, close)) throw new BarsError(`${at}: low must be <= min(open, close) = ${Math.min(open, close)} (got ${low})`);
    if (high < Math.max(open, close)) throw new BarsError(`${at}: high must be >= max(open, close) = ${Math.max(open, close)} (got ${high})`);
    const prev = bars[bars.length - 1];
    if (prev !== undefined) {
      if (date <= prev.date) throw new BarsError(`${at}: dates must ascend without repeats (got ${date} after ${prev.date})`);
      if (known) {
        for (let d = dayNumber(prev.date) + 1; d < day; d++) {
          const missing = new Date(d * 86_400_000).toISOString().slice(0, 10);
          if (isUsTradingDay(missing)) throw new BarsError(`${at}: trading day ${missing} is missing between ${prev.date} and ${date}`);
        }
      }
    }
    bars.push({ date, open, high, low, close, volume });
  }
  if (bars.length === 0) throw new BarsError(`${source}: no rows after the header`);
  return bars;
}

/** The shock's moments on `eventDate` (which must be a row with at least `window` rows before it). */
export function shockMoments(bars: readonly DailyBar[], eventDate: string, window = 20): ShockMoments {
  const i = bars.findIndex((b) => b.date === eventDate);
  if (i < 0) throw new BarsError(`--event: ${eventDate} is not a row of the bars (they run ${bars[0]?.date} to ${bars[bars.length - 1]?.date})`);
  if (i < window) throw new BarsError(`--event: ${eventDate} needs at least ${window} sessions before it in the bars (got ${i})`);
  const c0 = bars[i - 1].close;
  const e = bars[i];
  let sum = 0;
  for (let j = i - window; j < i; j++) sum += bars[j].volume;
  const mean = sum / window;
  if (!(mean > 0)) throw new BarsError(`bars: the ${window} sessions before ${eventDate} have no volume (a volume multiple needs some)`);
  return {
    eventDate,
    eventReturn: e.close / c0 - 1,
    openGap: e.open / c0 - 1,
    lowReturn: e.low / c0 - 1,
    volumeMultiple: e.volume / mean,
    nextDayReturn: i + 1 < bars.length ? bars[i + 1].close / e.close - 1 : null,
    window,
  };
}
