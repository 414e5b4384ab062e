// The simulated week beside the record: for each session of a symbol, the mean and spread over
// seeds of the daily return, the open gap (open / previous close - 1), the low (as a move from the
// previous close) and the volume multiple, next to the observed figure where there is one; and
// the two flow figures of 27 Jan the article's story turns on (retail's net dollars, the
// leveraged ETFs' rebalancing as a share of volume).
import type { DayRow, SeedReport } from '../scenario/report.ts';
import type { ObservedBar } from '../scenario/record-2025.ts';

/** Mean, sample standard deviation and count. */
export interface Spread {
  mean: number;
  sd: number;
  n: number;
}

export function spread(xs: readonly number[]): Spread {
  const n = xs.length;
  const mean = xs.reduce((a, x) => a + x, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)) : 0;
  return { mean, sd, n };
}

export interface SessionComparison {
  day: number;
  date: string | null;
  symbol: string;
  simulated: { return: Spread; openGap: Spread; low: Spread; volumeMultiple: Spread | null };
  /** The record for that date, or null (a forecast: no record, or none given). */
  observed: { return: number; openGap: number; low: number; volumeMultiple: number } | null;
}

function rowsOf(reports: readonly SeedReport[], symbol: string, day: number): DayRow[] {
  return reports.map((r) => r.days.find((d) => d.symbol === symbol && d.day === day)).filter((d): d is DayRow => d !== undefined);
}

/** One row per session of `symbol`; `record` holds the observed bars (with the session before the first), `averageVolume` the base of the multiple. */
export function compareWeek(reports: readonly SeedReport[], symbol: string, record: readonly ObservedBar[] = [], averageVolume?: number): SessionComparison[] {
  const days = [...new Set(reports[0]?.days.filter((d) => d.symbol === symbol).map((d) => d.day) ?? [])];
  return days.map((day) => {
    const rows = rowsOf(reports, symbol, day);
    const prevClose = (d: DayRow) => d.close / (1 + d.return);
    const date = rows[0].date;
    const i = date === null ? -1 : record.findIndex((b) => b.date === date);
    const bar = i > 0 ? record[i] : undefined;
    const prev = i > 0 ? record[i - 1] : undefined;
    const mult = rows.map((d) => d.volumeMultiple).filter((x): x is number => x !== null);
    return {
      day,
      date,
      symbol,
      simulated: {
        return: spread(rows.map((d) => d.return)),
        openGap: spread(rows.map((d) => d.open / prevClose(d) - 1)),
        low: spread(rows.map((d) => d.low / prevClose(d) - 1)),
        volumeMultiple: mult.length === rows.length ? spread(mult) : null,
      },
      observed:
        bar && prev
          ? { return: bar.close / prev.close - 1, openGap: bar.open / prev.close - 1, low: bar.low / prev.close - 1, volumeMultiple: averageVolume ? bar.volume / averageVolume : Number.NaN }
          : null,
    };
  });
}

/** Per seed: a class's net dollars on one session and symbol. */
export function classNetUsd(reports: readonly SeedReport[], symbol: string, day: number, cls: keyof DayRow['flows']): Spread {
  return spread(rowsOf(reports, symbol, day).map((d) => d.flows[cls].netUsd));
}

/** Per seed: |leveraged-ETF rebalancing| / volume on one session and symbol. */
export function letfRebalanceShare(reports: readonly SeedReport[], symbol: string, day: number): Spread {
  return spread(rowsOf(reports, symbol, day).map((d) => Math.abs(d.letf.rebalanceShares) / d.volumeShares));
}
