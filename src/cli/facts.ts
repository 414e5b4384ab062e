// `shocklab facts <run dir>... [--symbol NAME] [--min-seeds N] [--json]`: checks the stylized
// facts of targets.md on recorded runs and prints, per fact, the pooled estimate, the band, the
// seeds in band and PASS/FAIL (a table, or one JSON object with --json). Exit 0 when every fact
// passes, 1 when one fails, 2 (one line) for a missing or malformed directory. The pass rule asks
// for as many seeds as are given unless --min-seeds asks for more, and the output says which.
//
// Run-dir layout: a seed directory holds bars.csv as written by src/record/node
// (writeRecording); each argument is either a seed directory or a run directory whose
// subdirectories (e.g. seed-1/, seed-2/, ...) are seed directories. Each seed directory is one
// seed; the `day` column of its bars.csv splits it into days, and returns never span two days.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { stylizedFacts, type DaySeries, type FactsReport, type SeedSeries } from '../analysis/index.ts';
import { CsvError, parseBarsCsv, type BarsTable } from '../record/csv.ts';
import { joinNegativeValues, plainParseError, UsageError, wholeNumber } from './errors.ts';
import type { Io } from './io.ts';

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();
const natural = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/** The seed directories an argument stands for. */
export function seedDirs(arg: string): string[] {
  if (!isDir(arg)) throw new UsageError(`no such run directory: ${arg}`);
  if (existsSync(join(arg, 'bars.csv'))) return [arg];
  const subs = readdirSync(arg)
    .filter((n) => !n.startsWith('.') && existsSync(join(arg, n, 'bars.csv')))
    .sort(natural)
    .map((n) => join(arg, n));
  if (subs.length === 0) throw new UsageError(`${arg}: no bars.csv in it or in its seed subdirectories (expected ${join(arg, 'seed-1', 'bars.csv')})`);
  return subs;
}

function readTable(dir: string): BarsTable {
  const file = join(dir, 'bars.csv');
  try {
    return parseBarsCsv(readFileSync(file, 'utf8'), file);
  } catch (e) {
    if (e instanceof CsvError) throw new UsageError(`malformed ${e.message}`);
    throw e;
  }
}

/** One seed's days for `symbol` from its bars table, minute by minute. */
export function seedFromBars(name: string, t: BarsTable, symbol: string, source: string): SeedSeries {
  const byDay = new Map<number, { minute: number[]; mid: number[]; volume: number[] }>();
  for (let i = 0; i < t.day.length; i++) {
    if (t.symbol[i] !== symbol) continue;
    let d = byDay.get(t.day[i]);
    if (!d) byDay.set(t.day[i], (d = { minute: [], mid: [], volume: [] }));
    d.minute.push(t.minute[i]);
    d.mid.push(t.mid[i]);
    d.volume.push(t.volumeLots[i]);
  }
  if (byDay.size === 0) throw new UsageError(`${source}: no bars for symbol ${symbol}`);
  const days: DaySeries[] = [];
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const d = byDay.get(day)!;
    const order = d.minute.map((_, i) => i).sort((a, b) => d.minute[a] - d.minute[b]);
    order.forEach((j, i) => {
      if (d.minute[j] !== i) throw new UsageError(`malformed ${source}: day ${day} of ${symbol} has minute ${d.minute[j]} where minute ${i} was expected (one row per minute from 0)`);
    });
    days.push({ mid: order.map((j) => d.mid[j]), volume: order.map((j) => d.volume[j]) });
  }
  return { name, days };
}

/** The pass rule in one line: what it asks of every fact, and how many seeds it asked for and why. */
export function passRuleLine(seeds: number, minSeeds: number, asked: boolean): string {
  const why = asked ? `at least ${minSeeds} seeds (--min-seeds ${minSeeds}), ${seeds} given` : `${seeds} of ${seeds} seeds given; --min-seeds N to ask for more`;
  return `pass rule: pooled estimate in band and at least 80% of seeds in band; ${why}`;
}

function table(report: FactsReport, symbol: string, rule: string): string {
  const rows = [['fact', 'estimate (pooled)', 'band', 'seeds in band', 'result']];
  for (const f of report.facts) rows.push([f.id, f.pooled.estimate, f.band, `${f.seedsInBand}/${f.seeds} (need ${f.required})`, f.pass ? 'PASS' : 'FAIL']);
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => r.map((x, c) => (c === r.length - 1 ? x : x.padEnd(w[c]))).join('  '));
  const notes = report.facts.filter((f) => !f.pass).map((f) => `  ${f.id}: ${f.reason}`);
  const passed = report.facts.filter((f) => f.pass).length;
  const head = `stylized facts of ${symbol}: ${report.seeds} seeds, ${report.days} days (mid-price returns, pooled within days)`;
  return [head, ...lines, `${passed} of ${report.facts.length} facts pass`, rule, ...(notes.length ? ['failures:', ...notes] : [])].join('\n') + '\n';
}

export async function factsCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(args), allowPositionals: true, options: { symbol: { type: 'string' }, 'min-seeds': { type: 'string' }, json: { type: 'boolean', default: false } } });
  } catch (e) {
    throw new UsageError(plainParseError(e as Error, 'facts', args));
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('facts needs at least one run directory: shocklab facts <run dir>... [--symbol NAME] [--min-seeds N] [--json]');
  const asked = values['min-seeds'] === undefined ? undefined : wholeNumber(values['min-seeds'], '--min-seeds', 1, 1, 1_000_000);
  const dirs = positionals.flatMap(seedDirs);
  const minSeeds = asked ?? dirs.length;
  const tables = dirs.map(readTable);
  const symbol = values.symbol ?? tables[0].symbol[0];
  if (symbol === undefined) throw new UsageError(`malformed ${join(dirs[0], 'bars.csv')}: no rows`);
  const seeds = dirs.map((d, i) => seedFromBars(basename(d), tables[i], symbol, join(d, 'bars.csv')));
  const report = stylizedFacts(seeds, { minSeeds });
  const rule = passRuleLine(dirs.length, minSeeds, asked !== undefined);
  if (values.json) io.out(JSON.stringify({ symbol, dirs, minSeeds, passRule: rule, ...report }) + '\n');
  else io.out(table(report, symbol, rule));
  return report.pass ? 0 : 1;
}
