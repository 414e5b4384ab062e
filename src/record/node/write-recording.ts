// Writes a finished recording to a run directory, all or nothing:
//   <dir>/trades.csv  quotes.csv  bars.csv  flows.csv  summary.json  trades.parquet  bars.parquet
//   (+ beliefs.csv  news.csv for runs with news readers: src/record/beliefs.ts)
// (formats in src/record/csv.ts and parquet.ts). For several seeds the convention read by
// `shocklab facts` is one such directory per seed: <run>/seed-<n>/.

import { barsCsv, flowsCsv, quotesCsvChunks, tradesCsvChunks } from '../csv.ts';
import type { Recorder } from '../recorder.ts';
import { beliefSamplerOf } from '../beliefs.ts';
import { barsParquet, loadParquetWriter, tradesParquet } from './parquet.ts';
import { writeDirAtomic, type OutputFile } from './write-dir.ts';

export interface WriteRecordingOptions {
  /** Also write trades.parquet and bars.parquet (default true). */
  parquet?: boolean;
  /**
   * Largest trade count written to trades.parquet (built in memory); longer tapes are in
   * trades.csv only and summary.json says so. Default 5,000,000.
   */
  maxParquetTrades?: number;
  /** Write the trade tape (trades.csv, trades.parquet); default true. Without it summary.json says so. */
  trades?: boolean;
  /** Replace an existing directory. */
  overwrite?: boolean;
  /** Extra fields merged into summary.json (scenario name, seed, ...). */
  meta?: Record<string, unknown>;
}

/** The files `writeRecording` writes, built lazily (for callers with their own sink). */
export function recordingFiles(r: Recorder, options: WriteRecordingOptions = {}): OutputFile[] {
  const withTrades = (options.trades ?? true) && r.keepRows;
  const files: OutputFile[] = [
    ...(withTrades ? [{ name: 'trades.csv', data: () => tradesCsvChunks(r) }] : []),
    { name: 'quotes.csv', data: () => quotesCsvChunks(r) },
    { name: 'bars.csv', data: () => barsCsv(r) },
    { name: 'flows.csv', data: () => flowsCsv(r) },
  ];
  const beliefs = beliefSamplerOf(r); // runs with news readers: beliefs.csv and news.csv (src/record/beliefs.ts)
  if (beliefs) files.push({ name: 'beliefs.csv', data: () => beliefs.beliefsCsv() }, { name: 'news.csv', data: () => beliefs.newsCsv() });
  const maxTrades = options.maxParquetTrades ?? 5_000_000;
  const parquetTrades = withTrades && (options.parquet ?? true) && r.count <= maxTrades;
  // Why trades are missing: not asked for (a run that keeps no rows then, e.g. the demo's week), or
  // asked for but the scenario kept no rows.
  const note = !(options.trades ?? true) ? { tradesNote: `not written (${r.count} trades); shocklab run --out writes the tape` } : !r.keepRows ? { tradesNote: `not written (${r.count} trades): the scenario sets recording.tradeRows to false` } : (options.parquet ?? true) && !parquetTrades ? { tradesParquetNote: `not written: ${r.count} trades > ${maxTrades}; trades.csv has them` } : {};
  files.push({ name: 'summary.json', data: () => JSON.stringify({ ...options.meta, ...note, ...r.summary() }, null, 2) + '\n' });
  if (options.parquet ?? true) {
    if (parquetTrades) files.push({ name: 'trades.parquet', data: () => tradesParquet(r) });
    files.push({ name: 'bars.parquet', data: () => barsParquet(r) });
  }
  return files;
}

/** Writes the recording's files into `dir`, all or nothing (importing the Parquet writer first when Parquet files are asked for). */
export async function writeRecording(dir: string, r: Recorder, options: WriteRecordingOptions = {}): Promise<void> {
  if (options.parquet ?? true) await loadParquetWriter();
  writeDirAtomic(dir, recordingFiles(r, options), { overwrite: options.overwrite });
}
