// `shocklab run --out`: the files load in another tool (DuckDB reads the CSV and Parquet files
// and finds the trades and bars the run reported), and a bad scenario writes nothing.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { shocklab } from './helpers.ts';

describe('run outputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'run-out-'));

  it('writes per-seed CSV and Parquet files that DuckDB loads with the reported counts', async () => {
    const out = join(dir, 'zi');
    const r = shocklab(['run', '--preset', 'zi-smoke', '--seed', '4', '--seeds', '2', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    for (const s of report.seeds) {
      const seedDir = join(out, `seed-${s.seed}`);
      const q = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjects()[0];
      const parquet = await q(`select count(*)::INTEGER as n, sum(qty_lots)::BIGINT as v from read_parquet('${join(seedDir, 'trades.parquet')}')`);
      const csv = await q(`select count(*)::INTEGER as n from read_csv_auto('${join(seedDir, 'trades.csv')}')`);
      const bars = await q(`select sum(volume_lots)::BIGINT as v from read_parquet('${join(seedDir, 'bars.parquet')}')`);
      expect(parquet.n).toBe(s.trades);
      expect(csv.n).toBe(s.trades);
      expect(Number(parquet.v)).toBe(s.days[0].volumeLots);
      expect(Number(bars.v)).toBe(s.days[0].volumeLots);
    }
    db.closeSync();
  });

  it('writes nothing when the scenario is malformed or the directory is taken', () => {
    const out = join(dir, 'bad');
    const r = shocklab(['run', '--preset', 'zi-smoke', '--set', 'agents.zeroIntelligence.count=-1', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/agents\.zeroIntelligence\.count/);
    expect(existsSync(out)).toBe(false);
    const taken = shocklab(['run', '--preset', 'zi-smoke', '--out', join(dir, 'zi')]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/exists and is not empty/);
  });
});
