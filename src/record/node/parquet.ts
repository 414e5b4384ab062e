// Parquet files of a recording (trades and one-minute bars), written with hyparquet-writer.
// Columns are those of trades.csv and bars.csv, same names and order (src/record/csv.ts,
// docs/output.md): time_ns is INT64, symbols and taker_side strings, counts INT32, prices (ticks
// and dollars) and quantities DOUBLE (a mid may be a half tick; a missing mid is null).
// hyparquet-writer is imported only when a recording is about to be written
// (`loadParquetWriter`), not by every command that loads this module: a run that writes no files
// does not load it (with it loaded, rmsc04's cold 0.16 s run took ~25 ms longer).

import type * as Hyparquet from 'hyparquet-writer';
import { TAKER_SIDE_NAMES } from '../csv.ts';
import type { Recorder } from '../recorder.ts';

let hyparquet: typeof Hyparquet | null = null;

/** Imports hyparquet-writer (once); `tradesParquet` and `barsParquet` need it to have resolved. */
export async function loadParquetWriter(): Promise<void> {
  hyparquet ??= await import('hyparquet-writer');
}

function parquetWriteBuffer(options: Parameters<typeof Hyparquet.parquetWriteBuffer>[0]): ArrayBuffer {
  if (hyparquet === null) throw new Error('parquet files need `await loadParquetWriter()` first');
  return hyparquet.parquetWriteBuffer(options);
}

export function tradesParquet(r: Recorder): Uint8Array {
  const n = r.count;
  const time = new BigInt64Array(n);
  const symbol = new Array<string>(n);
  const usd = new Float64Array(n);
  const shares = new Float64Array(n);
  const side = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const s = r.symbol[i];
    time[i] = BigInt(r.time[i]);
    symbol[i] = r.symbols[s];
    usd[i] = r.priceUsd(s, r.price[i]);
    shares[i] = r.qty[i] * r.sharesPerLot[s];
    side[i] = TAKER_SIDE_NAMES[r.side[i]];
  }
  const buf = parquetWriteBuffer({
    columnData: [
      { name: 'time_ns', data: time, type: 'INT64', nullable: false },
      { name: 'symbol', data: symbol, type: 'STRING', nullable: false },
      { name: 'price_ticks', data: r.price.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'price_usd', data: usd, type: 'DOUBLE', nullable: false },
      { name: 'qty_lots', data: r.qty.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'qty_shares', data: shares, type: 'DOUBLE', nullable: false },
      { name: 'maker', data: r.maker.slice(0, n), type: 'INT32', nullable: false },
      { name: 'taker', data: r.taker.slice(0, n), type: 'INT32', nullable: false },
      { name: 'taker_side', data: side, type: 'STRING', nullable: false },
    ],
  });
  return new Uint8Array(buf);
}

export function barsParquet(r: Recorder): Uint8Array {
  const b = r.bars;
  const S = b.symbols;
  const n = b.minutes * S;
  const day = new Int32Array(n);
  const minute = new Int32Array(n);
  const symbol = new Array<string>(n);
  const mid = new Array<number | null>(n);
  const midUsd = new Array<number | null>(n);
  const usd = { open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n) };
  const shares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = Math.floor(i / S);
    const s = i % S;
    day[i] = r.dayOf(m);
    minute[i] = r.minuteOfDay(m);
    symbol[i] = r.symbols[s];
    mid[i] = Number.isNaN(b.mid[i]) ? null : b.mid[i];
    midUsd[i] = Number.isNaN(b.mid[i]) ? null : r.priceUsd(s, b.mid[i]);
    usd.open[i] = r.priceUsd(s, b.open[i]);
    usd.high[i] = r.priceUsd(s, b.high[i]);
    usd.low[i] = r.priceUsd(s, b.low[i]);
    usd.close[i] = r.priceUsd(s, b.close[i]);
    shares[i] = b.volume[i] * r.sharesPerLot[s];
  }
  const buf = parquetWriteBuffer({
    columnData: [
      { name: 'day', data: day, type: 'INT32', nullable: false },
      { name: 'minute', data: minute, type: 'INT32', nullable: false },
      { name: 'symbol', data: symbol, type: 'STRING', nullable: false },
      { name: 'open_ticks', data: b.open.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'high_ticks', data: b.high.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'low_ticks', data: b.low.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'close_ticks', data: b.close.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'mid_ticks', data: mid, type: 'DOUBLE' },
      { name: 'open_usd', data: usd.open, type: 'DOUBLE', nullable: false },
      { name: 'high_usd', data: usd.high, type: 'DOUBLE', nullable: false },
      { name: 'low_usd', data: usd.low, type: 'DOUBLE', nullable: false },
      { name: 'close_usd', data: usd.close, type: 'DOUBLE', nullable: false },
      { name: 'mid_usd', data: midUsd, type: 'DOUBLE' },
      { name: 'volume_lots', data: b.volume.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'volume_shares', data: shares, type: 'DOUBLE', nullable: false },
      { name: 'trades', data: b.trades.slice(0, n), type: 'INT32', nullable: false },
      { name: 'value_cents', data: b.value.slice(0, n), type: 'DOUBLE', nullable: false },
    ],
  });
  return new Uint8Array(buf);
}
