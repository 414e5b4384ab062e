// Parquet files of a recording (trades and one-minute bars), written with hyparquet-writer.
// Columns mirror trades.csv and bars.csv: time_ns is INT64, symbols are strings, counts INT32,
// prices and quantities DOUBLE (a mid may be a half tick; a missing mid is null).

import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Recorder } from '../recorder.ts';

export function tradesParquet(r: Recorder): Uint8Array {
  const n = r.count;
  const time = new BigInt64Array(n);
  const symbol = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    time[i] = BigInt(r.time[i]);
    symbol[i] = r.symbols[r.symbol[i]];
  }
  const buf = parquetWriteBuffer({
    columnData: [
      { name: 'time_ns', data: time, type: 'INT64', nullable: false },
      { name: 'symbol', data: symbol, type: 'STRING', nullable: false },
      { name: 'price', data: r.price.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'qty', data: r.qty.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'maker', data: r.maker.slice(0, n), type: 'INT32', nullable: false },
      { name: 'taker', data: r.taker.slice(0, n), type: 'INT32', nullable: false },
      { name: 'taker_side', data: Int32Array.from(r.side.subarray(0, n)), type: 'INT32', nullable: false },
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
  const shares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = Math.floor(i / S);
    day[i] = r.dayOf(m);
    minute[i] = r.minuteOfDay(m);
    symbol[i] = r.symbols[i % S];
    mid[i] = Number.isNaN(b.mid[i]) ? null : b.mid[i];
    shares[i] = b.volume[i] * r.sharesPerLot[i % S];
  }
  const buf = parquetWriteBuffer({
    columnData: [
      { name: 'day', data: day, type: 'INT32', nullable: false },
      { name: 'minute', data: minute, type: 'INT32', nullable: false },
      { name: 'symbol', data: symbol, type: 'STRING', nullable: false },
      { name: 'open', data: b.open.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'high', data: b.high.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'low', data: b.low.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'close', data: b.close.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'mid', data: mid, type: 'DOUBLE' },
      { name: 'volume_lots', data: b.volume.slice(0, n), type: 'DOUBLE', nullable: false },
      { name: 'volume_shares', data: shares, type: 'DOUBLE', nullable: false },
      { name: 'trades', data: b.trades.slice(0, n), type: 'INT32', nullable: false },
      { name: 'value_cents', data: b.value.slice(0, n), type: 'DOUBLE', nullable: false },
    ],
  });
  return new Uint8Array(buf);
}
