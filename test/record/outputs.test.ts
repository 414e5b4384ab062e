// Writing a recording: CSV and summary.json round-trip against the recorder's columns (every
// column named with its unit, prices also in dollars), the Parquet files read back with hyparquet
// under the same column names, and the all-or-nothing directory write.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBarsCsv } from '../../src/record/csv.ts';
import { writeDirAtomic, writeRecording } from '../../src/record/node/index.ts';
import { simulate } from './sim.ts';

const tmp = mkdtempSync(join(tmpdir(), 'record-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const csvRows = (text: string) => text.trimEnd().split('\n').map((l) => l.split(','));
const toArrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('writeRecording', () => {
  // 3 real shares a lot and 5 cents a tick, so shares and dollars differ from lots and ticks.
  const sim = simulate(5, 300, { realSharesPerLot: 3, centsPerTickLot: [5] });
  const r = sim.recorder;
  const dir = join(tmp, 'run', 'seed-5');
  beforeAll(() => writeRecording(dir, r, { meta: { seed: 5 } }));

  it('writes every file, and nothing else, in the target directory', () => {
    expect(readdirSync(dir).sort()).toEqual(['bars.csv', 'bars.parquet', 'flows.csv', 'quotes.csv', 'summary.json', 'trades.csv', 'trades.parquet']);
    expect(readdirSync(join(tmp, 'run'))).toEqual(['seed-5']);
  });

  it('round-trips trades.csv, quotes.csv, bars.csv, flows.csv and summary.json, every column with its unit', () => {
    const trades = csvRows(readFileSync(join(dir, 'trades.csv'), 'utf8'));
    expect(trades[0]).toEqual(['time_ns', 'symbol', 'price_ticks', 'price_usd', 'qty_lots', 'qty_shares', 'maker', 'taker', 'taker_side']);
    expect(trades).toHaveLength(r.count + 1);
    for (const i of [0, Math.floor(r.count / 2), r.count - 1]) {
      const side = ['buy', 'sell', 'auction'][r.side[i]];
      expect(trades[i + 1]).toEqual([r.time[i], 'ZI', r.price[i], (r.price[i] * 5) / 100, r.qty[i], r.qty[i] * 3, r.maker[i], r.taker[i], side].map(String));
    }
    expect(new Set(trades.slice(1).map((t) => t[8]))).toEqual(new Set(['buy', 'sell']));
    const quotes = csvRows(readFileSync(join(dir, 'quotes.csv'), 'utf8'));
    expect(quotes[0]).toEqual(['time_ns', 'symbol', 'bid_ticks', 'ask_ticks', 'mid_ticks', 'bid_usd', 'ask_usd', 'mid_usd']);
    expect(quotes).toHaveLength(r.quotes.count + 1);
    expect(Number(quotes[5][4])).toBe(r.quotes.mid[4]);
    expect(Number(quotes[5][7])).toBe((r.quotes.mid[4] * 5) / 100);
    expect(Number(quotes[5][5])).toBe((r.quotes.bid[4] * 5) / 100);
    const bars = parseBarsCsv(readFileSync(join(dir, 'bars.csv'), 'utf8'));
    expect(bars.mid).toEqual(r.bars.series(r.bars.mid, 0));
    expect(bars.close).toEqual(r.bars.series(r.bars.close, 0));
    expect(bars.volumeLots).toEqual(r.bars.series(r.bars.volume, 0));
    expect(bars.minute).toEqual([0, 1, 2, 3, 4]);
    const barRows = csvRows(readFileSync(join(dir, 'bars.csv'), 'utf8'));
    expect(barRows[0].join(',')).toBe('day,minute,symbol,open_ticks,high_ticks,low_ticks,close_ticks,mid_ticks,open_usd,high_usd,low_usd,close_usd,mid_usd,volume_lots,volume_shares,trades,value_cents');
    const col = (name: string) => barRows.slice(1).map((x) => Number(x[barRows[0].indexOf(name)]));
    expect(col('volume_shares')).toEqual(bars.volumeLots.map((v) => v * 3));
    for (const p of ['open', 'high', 'low', 'close', 'mid']) expect(col(`${p}_usd`)).toEqual(col(`${p}_ticks`).map((t) => (t * 5) / 100));
    // the dollars agree with the run report's formula (ticks x cents per tick / 100) and the recorder's own conversion
    expect(col('close_usd')[4]).toBe(r.priceUsd(0, r.bars.close[4]));
    const flows = csvRows(readFileSync(join(dir, 'flows.csv'), 'utf8'));
    expect(flows[0]).toEqual(['day', 'minute', 'symbol', 'class', 'net_lots', 'net_shares', 'net_cents', 'net_real_cents']);
    const perClass = new Map<string, number>();
    for (const row of flows.slice(1)) {
      perClass.set(row[3], (perClass.get(row[3]) ?? 0) + Number(row[4]));
      expect(Number(row[5])).toBe(Number(row[4]) * 3);
      expect(Number(row[7])).toBe(Number(row[6]) * 3);
    }
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.seed).toBe(5);
    expect(summary.tapeHash).toBe(r.hash());
    expect(summary.trades).toBe(r.count);
    for (const f of summary.flows) expect(perClass.get(f.class)).toBe(f.netLots);
    expect(summary.holdings.pnl.length).toBeGreaterThan(0);
  });

  it('reads bars.csv written before the columns named their unit (mid, close)', () => {
    const old = 'day,minute,symbol,open,high,low,close,mid,volume_lots,volume_shares,trades,value_cents\n0,0,X,10,11,9,10,10.5,3,3,1,30\n';
    expect(parseBarsCsv(old)).toEqual({ day: [0], minute: [0], symbol: ['X'], mid: [10.5], close: [10], volumeLots: [3] });
    expect(() => parseBarsCsv('day,minute,symbol,close_ticks,volume_lots\n')).toThrow(/no 'mid_ticks' column/);
  });

  it('writes Parquet that hyparquet reads back to the same columns', async () => {
    const trades = await parquetReadObjects({ file: toArrayBuffer(readFileSync(join(dir, 'trades.parquet'))) });
    expect(trades).toHaveLength(r.count);
    const i = r.count - 1;
    expect(Object.keys(trades[i])).toEqual(csvRows(readFileSync(join(dir, 'trades.csv'), 'utf8'))[0]);
    expect(trades[i]).toEqual({ time_ns: BigInt(r.time[i]), symbol: 'ZI', price_ticks: r.price[i], price_usd: (r.price[i] * 5) / 100, qty_lots: r.qty[i], qty_shares: r.qty[i] * 3, maker: r.maker[i], taker: r.taker[i], taker_side: ['buy', 'sell', 'auction'][r.side[i]] });
    const bars = await parquetReadObjects({ file: toArrayBuffer(readFileSync(join(dir, 'bars.parquet'))) });
    expect(Object.keys(bars[0])).toEqual(csvRows(readFileSync(join(dir, 'bars.csv'), 'utf8'))[0]);
    expect(bars.map((b) => b.mid_ticks)).toEqual(r.bars.series(r.bars.mid, 0));
    expect(bars.map((b) => b.mid_usd)).toEqual(r.bars.series(r.bars.mid, 0).map((t) => (t * 5) / 100));
    expect(bars.map((b) => b.volume_lots)).toEqual(r.bars.series(r.bars.volume, 0));
    expect(bars.map((b) => b.volume_shares)).toEqual(r.bars.series(r.bars.volume, 0).map((v) => v * 3));
    expect(bars.map((b) => b.trades)).toEqual(r.bars.series(r.bars.trades, 0));
    expect(bars[2]).toMatchObject({ day: 0, minute: 2, symbol: 'ZI', open_ticks: r.bars.open[2], high_ticks: r.bars.high[2], low_ticks: r.bars.low[2], close_ticks: r.bars.close[2], close_usd: (r.bars.close[2] * 5) / 100 });
  });

  it('refuses to write over an existing directory unless asked, and then replaces it whole', async () => {
    await expect(writeRecording(dir, r)).rejects.toThrow(/already exists/);
    await writeRecording(dir, r, { parquet: false, overwrite: true });
    expect(readdirSync(dir).sort()).toEqual(['bars.csv', 'flows.csv', 'quotes.csv', 'summary.json', 'trades.csv']);
    expect(readdirSync(join(tmp, 'run'))).toEqual(['seed-5']);
  });
});

describe('writeDirAtomic', () => {
  it('leaves no target and no temporary directory when a write fails part-way', () => {
    const parent = join(tmp, 'atomic');
    const target = join(parent, 'out');
    const files = [
      { name: 'a.csv', data: 'x\n' },
      { name: 'b.csv', data: () => 'y\n' },
      {
        name: 'c.parquet',
        data: (): string => {
          throw new Error('encoder failed');
        },
      },
    ];
    expect(() => writeDirAtomic(target, files)).toThrow(/encoder failed/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
    expect(() => writeDirAtomic(target, [{ name: 'a.csv', data: 'x' }, { name: 'missing/b.csv', data: 'y' }])).toThrow(/ENOENT/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('keeps an existing target untouched when the replacement fails', () => {
    const target = join(tmp, 'keep');
    writeDirAtomic(target, [{ name: 'old.txt', data: 'old' }]);
    expect(() =>
      writeDirAtomic(target, [{ name: 'new.txt', data: () => { throw new Error('no'); } }], { overwrite: true }),
    ).toThrow(/no/);
    expect(readdirSync(target)).toEqual(['old.txt']);
    writeFileSync(join(target, 'extra'), '');
    writeDirAtomic(target, [{ name: 'new.txt', data: 'new' }], { overwrite: true });
    expect(readdirSync(target)).toEqual(['new.txt']);
  });
});
