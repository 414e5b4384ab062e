// The report's data, from the texts of a run directory (browser-safe: the caller reads the files).
// A run directory (`shocklab run --out DIR`, `shocklab demo`) holds run.json (per seed, the
// per-session rows of scenario/report.ts) and one seed-N/ directory per seed with bars.csv
// (columns read by name: day, minute, symbol, close_usd, volume_shares), beliefs.csv and news.csv
// (src/record/beliefs.ts). This module reduces them over seeds:
//   daily      per symbol and session: mean over seeds of open/high/low/close ($) and volume
//              (shares), beside the observed bar where the record has one (record-2025.ts)
//   intraday   the shock session (27 Jan 2025 when the run has it, else the session with the
//              lowest mean return of the first symbol): per minute the mean close ($) and its
//              10% and 90% quantiles over seeds (linear interpolation between order statistics)
//   beliefs    per class, the mean over seeds of the class's mean value estimate ($), and the mid
//   news       per class and reading, the mean over seeds of the share that has heard it
//   flows      per class and session, the mean over seeds of the net dollars bought
// Nothing here draws a random number or reads a clock.
import { INVESTOR_CLASS_NAMES } from '../agents/classes.ts';
import type { ReadingValue } from '../scenario/readings.ts';
import type { DayRow, SeedReport } from '../scenario/report.ts';
import { NVDA_WEEK, RETAIL_NET_USD_27_JAN, type ObservedBar } from '../scenario/record-2025.ts';

/** A malformed input file; the message names the file (and line). */
export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

/** The texts of one seed directory (a missing optional file is undefined). */
export interface SeedFiles {
  name: string;
  bars: string;
  beliefs?: string;
  news?: string;
}

/** A daily bar in dollars (volume in shares): the record's shape (scenario/record-2025.ts). */
export type Candle = ObservedBar;

export interface DailySeries {
  symbol: string;
  /** Simulated: mean over seeds, one candle per session. */
  simulated: Candle[];
  /** Observed bars on the same dates (null where the record has none), or null for a symbol without a record. */
  observed: (Candle | null)[] | null;
}

export interface IntradaySeries {
  symbol: string;
  date: string;
  /** Bar start times ("09:30"). */
  labels: string[];
  mean: number[];
  p10: number[];
  p90: number[];
  /** Means over seeds ($). */
  prevClose: number;
  open: number;
  close: number;
  observed: { prevClose: number; open: number; low: number; close: number } | null;
}

export interface BeliefSeries {
  symbol: string;
  /** "MM-DD HH:MM" of each sampled bar's start. */
  labels: string[];
  /** Index into labels of each session's first sample. */
  sessionStarts: number[];
  price: number[];
  classes: { name: string; value: number[] }[];
}

export interface NewsSeries {
  labels: string[];
  sessionStarts: number[];
  /** Reading names ("DeepSeek-R1: naive"), in the files' order. */
  readings: string[];
  classes: { name: string; share: number[][] }[];
}

export interface FlowSeries {
  symbol: string;
  dates: string[];
  classes: { name: string; netUsd: number[] }[];
  /** Observed net flows to mark beside the simulated ones. */
  observed: { date: string; class: string; netUsd: number; source: string }[];
  /** The shock session's date and its net sellers (mean net dollars < 0), largest sale first. */
  shockDate: string;
  netSellers: string[];
}

export interface AuditClaim {
  id: string;
  claim: string;
  experiment?: string;
  effect?: { metric?: string; mean?: number; lo?: number; hi?: number; seeds?: number };
  verdict: string;
  evidence?: string;
}

/** An audit file as the report reads it: its claims and, when it says so, the paired seeds. */
export interface AuditTable {
  claims: AuditClaim[];
  seeds?: number[];
}

export interface ReportData {
  scenario: string;
  seeds: { seed: number; tapeHash: string }[];
  symbols: string[];
  daily: DailySeries[];
  intraday: IntradaySeries | null;
  beliefs: BeliefSeries[];
  news: NewsSeries | null;
  flows: FlowSeries | null;
  /** The readings as the economy values them (null when the scenario is not a built-in preset). */
  readings: ReadingValue[] | null;
  /** Why `readings` is null. */
  readingsNote?: string;
  audit: AuditTable | null;
}

/** Display name of an investor class. */
export const CLASS_LABELS: Record<string, string> = {
  noise: 'noise traders',
  'market-maker': 'market makers',
  institution: 'institutions',
  'fast-money': 'fast money',
  retail: 'retail',
  'leveraged-etf': 'leveraged ETFs',
  passive: 'passive holders',
};
export const classLabel = (name: string): string => CLASS_LABELS[name] ?? name;

/** The session the DeepSeek shock fell on. */
export const SHOCK_DATE = '2025-01-27';

/** Parses CSV text (RFC 4180 quoting) into a header and rows; every row must have the header's width. */
export function parseCsv(text: string, source: string): { header: string[]; rows: string[][] } {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const header = rows.shift();
  if (header === undefined || header.length === 0 || header[0] === '') throw new ReportInputError(`${source}: empty file (no header)`);
  rows.forEach((r, i) => {
    if (r.length !== header.length) throw new ReportInputError(`${source}:${i + 2}: ${r.length} fields, the header has ${header.length}`);
  });
  return { header, rows };
}

/** Column accessors of a parsed CSV by header name. */
function columns(t: { header: string[]; rows: string[][] }, source: string, names: readonly string[]) {
  const idx: Record<string, number> = {};
  for (const n of names) {
    const i = t.header.indexOf(n);
    if (i < 0) throw new ReportInputError(`${source}: no '${n}' column in the header (${t.header.join(',')})`);
    idx[n] = i;
  }
  return {
    str: (r: number, n: string) => t.rows[r][idx[n]],
    num: (r: number, n: string) => {
      const s = t.rows[r][idx[n]];
      const x = s === '' ? Number.NaN : Number(s);
      if (s !== '' && !Number.isFinite(x)) throw new ReportInputError(`${source}:${r + 2}: ${n} is not a number: ${JSON.stringify(s)}`);
      return x;
    },
  };
}

/** q-quantile of xs (0 <= q <= 1), linear between order statistics; NaN for no values. */
export function quantile(xs: readonly number[], q: number): number {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const h = (v.length - 1) * q;
  const lo = Math.floor(h);
  return v[lo] + (h - lo) * ((v[Math.min(lo + 1, v.length - 1)] ?? v[lo]) - v[lo]);
}

const mean = (xs: readonly number[]): number => {
  const v = xs.filter((x) => Number.isFinite(x));
  return v.length === 0 ? Number.NaN : v.reduce((a, x) => a + x, 0) / v.length;
};

const pad = (n: number) => String(n).padStart(2, '0');
/** "HH:MM" of minute m after the open (ns after midnight). */
export function clockLabel(openNs: number, m: number): string {
  const total = Math.round(openNs / 60e9) + m;
  return `${pad(Math.floor(total / 60) % 24)}:${pad(total % 60)}`;
}

/** The observed record the report knows: NVDA's bars of the DeepSeek week (record-2025.ts). */
export function observedBars(symbol: string): readonly ObservedBar[] | null {
  return symbol === 'NVDA' ? NVDA_WEEK : null;
}

export interface RunInput {
  /** run.json, parsed. */
  run: unknown;
  seeds: SeedFiles[];
  /** Session open (ns after midnight) from a seed's summary.json; default 09:30. */
  openNs?: number;
  readings: ReadingValue[] | null;
  readingsNote?: string;
  audit: AuditTable | null;
}

function checkRun(run: unknown): { scenario: string; seeds: SeedReport[] } {
  const r = run as { scenario?: unknown; seeds?: unknown };
  if (typeof r !== 'object' || r === null || typeof r.scenario !== 'string' || !Array.isArray(r.seeds) || r.seeds.length === 0) {
    throw new ReportInputError('run.json: expected {"scenario": NAME, "seeds": [...]} with at least one seed (as shocklab run --out writes it)');
  }
  r.seeds.forEach((s: unknown, i: number) => {
    const x = s as Partial<SeedReport>;
    if (typeof x?.seed !== 'number' || typeof x.tapeHash !== 'string' || !Array.isArray(x.days)) throw new ReportInputError(`run.json: seeds[${i}] has no seed, tapeHash or days`);
  });
  return r as { scenario: string; seeds: SeedReport[] };
}

/** Reduces a run directory's contents to what the report shows. */
export function reportData(input: RunInput): ReportData {
  const run = checkRun(input.run);
  const reports = run.seeds;
  const openNs = input.openNs ?? 9.5 * 3600e9;
  const symbols = [...new Set(reports[0].days.map((d) => d.symbol))];
  const sessions = [...new Set(reports[0].days.map((d) => d.day))].sort((a, b) => a - b);
  const dateOf = new Map<number, string>(reports[0].days.map((d) => [d.day, d.date ?? `day ${d.day}`]));
  const rowsOf = (symbol: string, day: number): DayRow[] => reports.map((r) => r.days.find((d) => d.symbol === symbol && d.day === day)).filter((d): d is DayRow => d !== undefined);

  const daily: DailySeries[] = symbols.map((symbol) => {
    const simulated = sessions.map((day): Candle => {
      const rows = rowsOf(symbol, day);
      return { date: dateOf.get(day)!, open: mean(rows.map((d) => d.openUsd)), high: mean(rows.map((d) => d.highUsd)), low: mean(rows.map((d) => d.lowUsd)), close: mean(rows.map((d) => d.closeUsd)), volume: mean(rows.map((d) => d.volumeShares)) };
    });
    const rec = observedBars(symbol);
    const observed = rec === null ? null : simulated.map((c) => rec.find((b) => b.date === c.date) ?? null);
    return { symbol, simulated, observed: observed && observed.some((x) => x !== null) ? observed : null };
  });

  const main = symbols[0];
  const meanReturn = (day: number) => mean(rowsOf(main, day).map((d) => d.return));
  const shockDay = sessions.find((d) => dateOf.get(d) === SHOCK_DATE) ?? sessions.reduce((a, d) => (meanReturn(d) < meanReturn(a) ? d : a), sessions[0]);
  const shockDate = dateOf.get(shockDay)!;

  // Per seed: the shock session's close ($) per minute from bars.csv.
  let intraday: IntradaySeries | null = null;
  const paths: number[][] = [];
  for (const f of input.seeds) {
    const src = `${f.name}/bars.csv`;
    const t = parseCsv(f.bars, src);
    const c = columns(t, src, ['day', 'minute', 'symbol', 'close_usd', 'volume_shares']);
    const path: number[] = [];
    for (let r = 0; r < t.rows.length; r++) {
      if (c.str(r, 'symbol') !== main || c.num(r, 'day') !== shockDay) continue;
      path[c.num(r, 'minute')] = c.num(r, 'close_usd');
    }
    if (path.length > 0) paths.push(path);
  }
  if (paths.length > 0) {
    const n = Math.max(...paths.map((p) => p.length));
    const at = (m: number) => paths.map((p) => p[m] ?? Number.NaN);
    const rows = rowsOf(main, shockDay);
    const rec = observedBars(main);
    const i = rec ? rec.findIndex((b) => b.date === shockDate) : -1;
    intraday = {
      symbol: main,
      date: shockDate,
      labels: Array.from({ length: n }, (_, m) => clockLabel(openNs, m)),
      mean: Array.from({ length: n }, (_, m) => mean(at(m))),
      p10: Array.from({ length: n }, (_, m) => quantile(at(m), 0.1)),
      p90: Array.from({ length: n }, (_, m) => quantile(at(m), 0.9)),
      prevClose: mean(rows.map((d) => d.closeUsd / (1 + d.return))),
      open: mean(rows.map((d) => d.openUsd)),
      close: mean(rows.map((d) => d.closeUsd)),
      observed: rec && i > 0 ? { prevClose: rec[i - 1].close, open: rec[i].open, low: rec[i].low, close: rec[i].close } : null,
    };
  }

  const keep = (m: number, last: boolean) => m % 5 === 0 || last;
  const beliefs = beliefSeries(input.seeds, symbols, dateOf, openNs, keep);
  const news = newsSeries(input.seeds, dateOf, openNs, keep);

  const classes = INVESTOR_CLASS_NAMES.filter((c) => reports.some((r) => r.days.some((d) => d.symbol === main && (d.flows[c]?.netUsd ?? 0) !== 0)));
  const flowClasses = classes.map((name) => ({ name, netUsd: sessions.map((day) => mean(rowsOf(main, day).map((d) => d.flows[name]?.netUsd ?? 0))) }));
  const si = sessions.indexOf(shockDay);
  const netSellers = flowClasses
    .filter((c) => c.netUsd[si] < 0)
    .sort((a, b) => a.netUsd[si] - b.netUsd[si])
    .map((c) => classLabel(c.name));
  const flows: FlowSeries = {
    symbol: main,
    dates: sessions.map((d) => dateOf.get(d)!),
    classes: flowClasses,
    observed: main === 'NVDA' && sessions.some((d) => dateOf.get(d) === SHOCK_DATE) ? [{ date: SHOCK_DATE, class: 'retail', netUsd: RETAIL_NET_USD_27_JAN, source: 'Vanda Research' }] : [],
    shockDate,
    netSellers,
  };

  return {
    scenario: run.scenario,
    seeds: reports.map((r) => ({ seed: r.seed, tapeHash: r.tapeHash })),
    symbols,
    daily,
    intraday,
    beliefs,
    news,
    flows: flowClasses.length > 0 ? flows : null,
    readings: input.readings,
    ...(input.readingsNote !== undefined ? { readingsNote: input.readingsNote } : {}),
    audit: input.audit,
  };
}

/** Sample keys (day, minute) in order, the kept ones' labels and where each session starts. */
function sampleAxis(keys: Set<string>, dateOf: Map<number, string>, openNs: number, keep: (m: number, last: boolean) => boolean) {
  const byDay = new Map<number, number[]>();
  for (const k of keys) {
    const [d, m] = k.split(':').map(Number);
    if (!byDay.has(d)) byDay.set(d, []);
    byDay.get(d)!.push(m);
  }
  const kept: string[] = [];
  const labels: string[] = [];
  const sessionStarts: number[] = [];
  for (const d of [...byDay.keys()].sort((a, b) => a - b)) {
    const ms = byDay.get(d)!.sort((a, b) => a - b);
    sessionStarts.push(labels.length);
    const date = dateOf.get(d) ?? `day ${d}`;
    ms.forEach((m, i) => {
      if (!keep(m, i === ms.length - 1)) return;
      kept.push(`${d}:${m}`);
      labels.push(`${date.slice(5)} ${clockLabel(openNs, m)}`);
    });
  }
  return { kept, labels, sessionStarts };
}

/** Values over seeds by series, sub-series and sample key: acc[outer][inner][key]. */
type Nested = Map<string, Map<string, Map<string, number[]>>>;

/** Appends `x` at acc[outer][inner][key], creating the levels on the way. */
function collect(acc: Nested, outer: string, inner: string, key: string, x: number): void {
  let byInner = acc.get(outer);
  if (byInner === undefined) acc.set(outer, (byInner = new Map()));
  let byKey = byInner.get(inner);
  if (byKey === undefined) byInner.set(inner, (byKey = new Map()));
  const xs = byKey.get(key);
  if (xs === undefined) byKey.set(key, [x]);
  else xs.push(x);
}

function beliefSeries(seeds: SeedFiles[], symbols: string[], dateOf: Map<number, string>, openNs: number, keep: (m: number, last: boolean) => boolean): BeliefSeries[] {
  // sums[symbol][class | '#price'][day:minute] = values over seeds
  const acc: Nested = new Map();
  const keys = new Set<string>();
  let any = false;
  for (const f of seeds) {
    if (f.beliefs === undefined) continue;
    any = true;
    const src = `${f.name}/beliefs.csv`;
    const t = parseCsv(f.beliefs, src);
    const c = columns(t, src, ['day', 'minute', 'symbol', 'class', 'value_usd', 'mid_usd']);
    const seen = new Set<string>();
    for (let r = 0; r < t.rows.length; r++) {
      const sym = c.str(r, 'symbol');
      const key = `${c.num(r, 'day')}:${c.num(r, 'minute')}`;
      keys.add(key);
      collect(acc, sym, c.str(r, 'class'), key, c.num(r, 'value_usd'));
      if (!seen.has(`${sym}:${key}`)) {
        seen.add(`${sym}:${key}`);
        collect(acc, sym, '#price', key, c.num(r, 'mid_usd'));
      }
    }
  }
  if (!any) return [];
  const axis = sampleAxis(keys, dateOf, openNs, keep);
  return symbols
    .filter((s) => acc.has(s))
    .map((symbol) => {
      const bySeries = acc.get(symbol)!;
      const series = (name: string) => axis.kept.map((k) => mean(bySeries.get(name)?.get(k) ?? []));
      const names = INVESTOR_CLASS_NAMES.filter((n) => bySeries.has(n));
      return { symbol, labels: axis.labels, sessionStarts: axis.sessionStarts, price: series('#price'), classes: names.map((name) => ({ name, value: series(name) })) };
    });
}

function newsSeries(seeds: SeedFiles[], dateOf: Map<number, string>, openNs: number, keep: (m: number, last: boolean) => boolean): NewsSeries | null {
  const acc: Nested = new Map(); // class -> reading -> key -> shares
  const readings: string[] = [];
  const keys = new Set<string>();
  let any = false;
  for (const f of seeds) {
    if (f.news === undefined) continue;
    any = true;
    const src = `${f.name}/news.csv`;
    const t = parseCsv(f.news, src);
    const c = columns(t, src, ['day', 'minute', 'class', 'event', 'reading', 'heard_share']);
    for (let r = 0; r < t.rows.length; r++) {
      const reading = `${c.str(r, 'event')}: ${c.str(r, 'reading')}`;
      if (!readings.includes(reading)) readings.push(reading);
      const key = `${c.num(r, 'day')}:${c.num(r, 'minute')}`;
      keys.add(key);
      collect(acc, c.str(r, 'class'), reading, key, c.num(r, 'heard_share'));
    }
  }
  if (!any) return null;
  const axis = sampleAxis(keys, dateOf, openNs, keep);
  const names = [...acc.keys()].sort((a, b) => INVESTOR_CLASS_NAMES.indexOf(a as never) - INVESTOR_CLASS_NAMES.indexOf(b as never));
  return {
    labels: axis.labels,
    sessionStarts: axis.sessionStarts,
    readings,
    classes: names.map((name) => ({ name, share: readings.map((rd) => axis.kept.map((k) => mean(acc.get(name)!.get(rd)?.get(k) ?? []))) })),
  };
}
