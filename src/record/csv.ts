// The CSV files of a recording, as text (browser-safe; src/record/node writes them to disk), and
// a reader for bars.csv, the file the stylized-facts command analyses.
//
//   trades.csv  time_ns,symbol,price,qty,maker,taker,taker_side        one row per trade
//   quotes.csv  time_ns,symbol,bid,ask,mid                              one row per sample and symbol
//   bars.csv    day,minute,symbol,open,high,low,close,mid,volume_lots,volume_shares,trades,value_cents
//               one row per minute and symbol; `minute` counts from the day's start; a row with
//               trades = 0 is a carried-forward minute (OHLC = previous close)
//   flows.csv   day,minute,symbol,class,net_lots,net_cents,net_shares,net_real_cents
//               one row per minute, symbol and class that traded in the run
// Prices are in ticks, a missing value (an empty side of the book) is an empty field, and
// shares / real cents are lots / cents times the symbol's real shares per lot (recorder.sharesPerLot).

import type { Recorder } from './recorder.ts';

const num = (x: number): string => (Number.isNaN(x) ? '' : String(x));

/** Rows per chunk of the chunked CSV writers (keeps each string small for long runs). */
const CHUNK_ROWS = 50_000;

/** trades.csv in chunks of text (header first), for writers that stream. */
export function* tradesCsvChunks(r: Recorder): Generator<string> {
  yield 'time_ns,symbol,price,qty,maker,taker,taker_side\n';
  for (let start = 0; start < r.count; start += CHUNK_ROWS) {
    const out: string[] = [];
    const end = Math.min(r.count, start + CHUNK_ROWS);
    for (let i = start; i < end; i++) out.push(`${r.time[i]},${r.symbols[r.symbol[i]]},${r.price[i]},${r.qty[i]},${r.maker[i]},${r.taker[i]},${r.side[i]}\n`);
    yield out.join('');
  }
}

export function tradesCsv(r: Recorder): string {
  return [...tradesCsvChunks(r)].join('');
}

/** quotes.csv in chunks of text (header first). */
export function* quotesCsvChunks(r: Recorder): Generator<string> {
  const q = r.quotes;
  yield 'time_ns,symbol,bid,ask,mid\n';
  for (let start = 0; start < q.count; start += CHUNK_ROWS) {
    const out: string[] = [];
    const end = Math.min(q.count, start + CHUNK_ROWS);
    for (let i = start; i < end; i++) out.push(`${q.time[i]},${r.symbols[q.symbol[i]]},${num(q.bid[i])},${num(q.ask[i])},${num(q.mid[i])}\n`);
    yield out.join('');
  }
}

export function quotesCsv(r: Recorder): string {
  return [...quotesCsvChunks(r)].join('');
}

export const BARS_HEADER = ['day', 'minute', 'symbol', 'open', 'high', 'low', 'close', 'mid', 'volume_lots', 'volume_shares', 'trades', 'value_cents'] as const;

export function barsCsv(r: Recorder): string {
  const b = r.bars;
  const S = b.symbols;
  const f = r.sharesPerLot;
  const out: string[] = [BARS_HEADER.join(',') + '\n'];
  for (let m = 0; m < b.minutes; m++) {
    for (let s = 0; s < S; s++) {
      const i = m * S + s;
      out.push(`${r.dayOf(m)},${r.minuteOfDay(m)},${r.symbols[s]},${b.open[i]},${b.high[i]},${b.low[i]},${b.close[i]},${num(b.mid[i])},${b.volume[i]},${b.volume[i] * f[s]},${b.trades[i]},${b.value[i]}\n`);
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
  const out: string[] = ['day,minute,symbol,class,net_lots,net_cents,net_shares,net_real_cents\n'];
  for (let m = 0; m < fl.minutes; m++) {
    for (let s = 0; s < S; s++) {
      for (let c = 0; c < C; c++) {
        if (!active[s * C + c]) continue;
        const i = (m * S + s) * C + c;
        const lots = fl.minuteLots[i];
        const cents = fl.minuteCents[i];
        out.push(`${r.dayOf(m)},${r.minuteOfDay(m)},${r.symbols[s]},${r.classNames[c]},${lots},${cents},${lots * f[s]},${cents * f[s]}\n`);
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
  mid: number[];
  close: number[];
  volumeLots: number[];
}

/** Parses bars.csv text; `source` names it in errors. Needs the day, minute, symbol, mid, close and volume_lots columns. */
export function parseBarsCsv(text: string, source = 'bars.csv'): BarsTable {
  const lines = text.split(/\r?\n/);
  const header = lines[0].split(',');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new CsvError(`${source}: no '${name}' column in the header (expected ${BARS_HEADER.join(',')})`);
    return i;
  };
  const iDay = col('day');
  const iMinute = col('minute');
  const iSymbol = col('symbol');
  const iMid = col('mid');
  const iClose = col('close');
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
    t.mid.push(read(iMid, 'mid', true));
    t.close.push(read(iClose, 'close'));
    t.volumeLots.push(read(iVolume, 'volume_lots'));
  }
  return t;
}
