// The CSV files of a recording, as text (browser-safe; src/record/node writes them to disk), and
// a reader for bars.csv, the file the stylized-facts command analyses. Every column's unit is in
// its name (docs/output.md lists them):
//
//   trades.csv  TRADES_HEADER   one row per trade; taker_side is buy (the taker bought from the
//               maker), sell (the taker sold to the maker) or auction (a call-auction print:
//               maker is the seller, taker the buyer)
//   quotes.csv  QUOTES_HEADER   one row per sample and symbol
//   bars.csv    BARS_HEADER     one row per minute and symbol; `minute` counts from the day's
//               start; a row with trades = 0 is a carried-forward minute (OHLC = previous close)
//   flows.csv   FLOWS_HEADER    one row per minute, symbol and class that traded in the run
// Prices are in ticks and in real dollars a share (Recorder.priceUsd); a missing value (an empty
// side of the book) is an empty field; shares / real cents are lots / cents times the symbol's
// real shares per lot (recorder.sharesPerLot); value_cents and net_cents are ticks x lots x
// cents per tick (a lot priced as one share), net_real_cents the same times shares per lot.

import type { Recorder } from './recorder.ts';

const num = (x: number): string => (Number.isNaN(x) ? '' : String(x));

/** Rows per chunk of the chunked CSV writers (keeps each string small for long runs). */
const CHUNK_ROWS = 50_000;

export const TRADES_HEADER = ['time_ns', 'symbol', 'price_ticks', 'price_usd', 'qty_lots', 'qty_shares', 'maker', 'taker', 'taker_side'] as const;
export const QUOTES_HEADER = ['time_ns', 'symbol', 'bid_ticks', 'ask_ticks', 'mid_ticks', 'bid_usd', 'ask_usd', 'mid_usd'] as const;
export const BARS_HEADER = ['day', 'minute', 'symbol', 'open_ticks', 'high_ticks', 'low_ticks', 'close_ticks', 'mid_ticks', 'open_usd', 'high_usd', 'low_usd', 'close_usd', 'mid_usd', 'volume_lots', 'volume_shares', 'trades', 'value_cents'] as const;
export const FLOWS_HEADER = ['day', 'minute', 'symbol', 'class', 'net_lots', 'net_shares', 'net_cents', 'net_real_cents'] as const;

/** The tape's taker-side code (0 buy, 1 sell, 2 auction; src/record/recorder.ts) as the word the files write. */
export const TAKER_SIDE_NAMES: readonly string[] = ['buy', 'sell', 'auction'];

/** trades.csv in chunks of text (header first), for writers that stream. */
export function* tradesCsvChunks(r: Recorder): Generator<string> {
  yield TRADES_HEADER.join(',') + '\n';
  const f = r.sharesPerLot;
  for (let start = 0; start < r.count; start += CHUNK_ROWS) {
    const out: string[] = [];
    const end = Math.min(r.count, start + CHUNK_ROWS);
    for (let i = start; i < end; i++) {
      const s = r.symbol[i];
      out.push(`${r.time[i]},${r.symbols[s]},${r.price[i]},${r.priceUsd(s, r.price[i])},${r.qty[i]},${r.qty[i] * f[s]},${r.maker[i]},${r.taker[i]},${TAKER_SIDE_NAMES[r.side[i]]}\n`);
    }
    yield out.join('');
  }
}

export function tradesCsv(r: Recorder): string {
  return [...tradesCsvChunks(r)].join('');
}

/** quotes.csv in chunks of text (header first). */
export function* quotesCsvChunks(r: Recorder): Generator<string> {
  const q = r.quotes;
  yield QUOTES_HEADER.join(',') + '\n';
  for (let start = 0; start < q.count; start += CHUNK_ROWS) {
    const out: string[] = [];
    const end = Math.min(q.count, start + CHUNK_ROWS);
    for (let i = start; i < end; i++) {
      const s = q.symbol[i];
      out.push(`${q.time[i]},${r.symbols[s]},${num(q.bid[i])},${num(q.ask[i])},${num(q.mid[i])},${num(r.priceUsd(s, q.bid[i]))},${num(r.priceUsd(s, q.ask[i]))},${num(r.priceUsd(s, q.mid[i]))}\n`);
    }
    yield out.join('');
  }
}

export function quotesCsv(r: Recorder): string {
  return [...quotesCsvChunks(r)].join('');
}

export function barsCsv(r: Recorder): string {
  const b = r.bars;
  const S = b.symbols;
  const f = r.sharesPerLot;
  const out: string[] = [BARS_HEADER.join(',') + '\n'];
  for (let m = 0; m < b.minutes; m++) {
    for (let s = 0; s < S; s++) {
      const i = m * S + s;
      const usd = (ticks: number) => num(r.priceUsd(s, ticks));
      out.push(
        `${r.dayOf(m)},${r.minuteOfDay(m)},${r.symbols[s]},${b.open[i]},${b.high[i]},${b.low[i]},${b.close[i]},${num(b.mid[i])},` +
          `${usd(b.open[i])},${usd(b.high[i])},${usd(b.low[i])},${usd(b.close[i])},${usd(b.mid[i])},${b.volume[i]},${b.volume[i] * f[s]},${b.trades[i]},${b.value[i]}\n`,
      );
    }
  }
  return out.join('');
}

export function flowsCsv(r: Recorder): string {
  const fl = r.flows;
  const S = fl.symbols;
  const C = fl.classes;
  const f = r.sharesPerLot;
  const active: boolean[] = [];
  for (let s = 0; s < S; s++) for (let c = 0; c < C; c++) active.push(fl.buyLots[s * C + c] + fl.sellLots[s * C + c] > 0);
  const out: string[] = [FLOWS_HEADER.join(',') + '\n'];
  for (let m = 0; m < fl.minutes; m++) {
    for (let s = 0; s < S; s++) {
      for (let c = 0; c < C; c++) {
        if (!active[s * C + c]) continue;
        const i = (m * S + s) * C + c;
        const lots = fl.minuteLots[i];
        const cents = fl.minuteCents[i];
        out.push(`${r.dayOf(m)},${r.minuteOfDay(m)},${r.symbols[s]},${r.classNames[c]},${lots},${lots * f[s]},${cents},${cents * f[s]}\n`);
      }
    }
  }
  return out.join('');
}

/** A malformed CSV file: the message names the source and line. */
export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvError';
  }
}

/** The columns of bars.csv the analysis reads. */
export interface BarsTable {
  day: number[];
  minute: number[];
  symbol: string[];
  /** mid_ticks (NaN where empty). */
  mid: number[];
  /** close_ticks. */
  close: number[];
  volumeLots: number[];
}

/**
 * Parses bars.csv text; `source` names it in errors. Needs the day, minute, symbol, mid_ticks,
 * close_ticks and volume_lots columns (files written before the columns named their unit, with
 * `mid` and `close`, are read too).
 */
export function parseBarsCsv(text: string, source = 'bars.csv'): BarsTable {
  const lines = text.split(/\r?\n/);
  const header = lines[0].split(',');
  const col = (name: string, older?: string): number => {
    const i = header.indexOf(name);
    if (i >= 0) return i;
    if (older !== undefined && header.includes(older)) return header.indexOf(older);
    throw new CsvError(`${source}: no '${name}' column in the header (expected ${BARS_HEADER.join(',')})`);
  };
  const iDay = col('day');
  const iMinute = col('minute');
  const iSymbol = col('symbol');
  const iMid = col('mid_ticks', 'mid');
  const iClose = col('close_ticks', 'close');
  const iVolume = col('volume_lots');
  const t: BarsTable = { day: [], minute: [], symbol: [], mid: [], close: [], volumeLots: [] };
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n];
    if (line === '') continue;
    const f = line.split(',');
    if (f.length !== header.length) throw new CsvError(`${source}:${n + 1}: ${f.length} fields, the header has ${header.length}`);
    const read = (i: number, name: string, allowEmpty = false): number => {
      if (f[i] === '' && allowEmpty) return Number.NaN;
      const x = Number(f[i]);
      if (f[i] === '' || !Number.isFinite(x)) throw new CsvError(`${source}:${n + 1}: ${name} is not a number: ${JSON.stringify(f[i])}`);
      return x;
    };
    t.day.push(read(iDay, 'day'));
    t.minute.push(read(iMinute, 'minute'));
    t.symbol.push(f[iSymbol]);
    t.mid.push(read(iMid, header[iMid], true));
    t.close.push(read(iClose, header[iClose]));
    t.volumeLots.push(read(iVolume, 'volume_lots'));
  }
  return t;
}
