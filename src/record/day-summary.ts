// The per-day summary of each symbol, computed from the one-minute bars: open (first trade of
// the day), high, low, close (last trade), return (close over the previous close - 1; the
// previous close of day 0 is the reference price), volume in lots, trades, traded value in
// cents and the closing mid. A day with no trade has open = high = low = close = the previous
// close and return 0.

import type { MinuteBars } from './bars.ts';

export interface DaySummary {
  day: number;
  symbol: string;
  open: number;
  high: number;
  low: number;
  close: number;
  previousClose: number;
  return: number;
  volumeLots: number;
  trades: number;
  valueCents: number;
  closeMid: number;
}

/** Summaries by day, then symbol; day d covers minutes [d * minutesPerDay, (d + 1) * minutesPerDay). */
export function daySummaries(bars: MinuteBars, symbolNames: readonly string[], referencePrices: ArrayLike<number>, minutesPerDay: number): DaySummary[] {
  const S = bars.symbols;
  const M = bars.minutes;
  const days = M === 0 ? 0 : Number.isFinite(minutesPerDay) ? Math.ceil(M / minutesPerDay) : 1;
  const per = Number.isFinite(minutesPerDay) ? minutesPerDay : M;
  const out: DaySummary[] = [];
  const prev = Float64Array.from(referencePrices);
  for (let d = 0; d < days; d++) {
    for (let s = 0; s < S; s++) {
      let open = Number.NaN;
      let high = -Infinity;
      let low = Infinity;
      let close = prev[s];
      let volume = 0;
      let trades = 0;
      let value = 0;
      let mid = Number.NaN;
      const end = Math.min(M, (d + 1) * per);
      for (let m = d * per; m < end; m++) {
        const r = m * S + s;
        mid = bars.mid[r];
        if (bars.trades[r] === 0) continue;
        if (trades === 0) open = bars.open[r];
        if (bars.high[r] > high) high = bars.high[r];
        if (bars.low[r] < low) low = bars.low[r];
        close = bars.close[r];
        volume += bars.volume[r];
        trades += bars.trades[r];
        value += bars.value[r];
      }
      if (trades === 0) open = high = low = close;
      out.push({ day: d, symbol: symbolNames[s], open, high, low, close, previousClose: prev[s], return: close / prev[s] - 1, volumeLots: volume, trades, valueCents: value, closeMid: mid });
      prev[s] = close;
    }
  }
  return out;
}
