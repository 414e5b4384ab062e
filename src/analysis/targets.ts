// What a calibration fits to: named moments of a run, each read from one symbol on one session
// of every seed's report, with the observed value and an optional weight. The moments (all per
// session, C0 the previous close):
//   return            C / C0 - 1
//   openGap           O / C0 - 1
//   low               L / C0 - 1
//   high              H / C0 - 1
//   volumeMultiple    volume (real shares) / the symbol's observed average (averageVolumeShares)
//   retailNetUsd      retail's net dollars bought (> 0 net buyers)
//   letfRebalanceShare  |the leveraged ETFs' rebalancing fills| / volume
// A targets file (YAML or JSON) is `{ targets: [{ moment, symbol, date | session, value, weight? }] }`;
// `shocklab schema targets` prints its JSON Schema. Without a weight, calibration weighs a
// moment by the inverse of its variance across the search seeds at the starting point.
import { z } from 'zod';
import { shown } from '../core/shown.ts';
import type { DayRow, SeedReport } from '../scenario/report.ts';

export const MOMENT_NAMES = ['return', 'openGap', 'low', 'high', 'volumeMultiple', 'retailNetUsd', 'letfRebalanceShare'] as const;
export type MomentName = (typeof MOMENT_NAMES)[number];

export const TargetSchema = z
  .strictObject({
    /** Which statistic of the session (see MOMENT_NAMES). */
    moment: z.enum(MOMENT_NAMES),
    symbol: z.string().min(1),
    /** The session's date (YYYY-MM-DD), for a scenario with a dated schedule. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').optional(),
    /** The session's index (0 = the first), for an undated scenario. */
    session: z.number().int().min(0).optional(),
    /** The observed value (a fraction for returns and shares, a multiple, or dollars). */
    value: z.number().refine(Number.isFinite, 'a finite number'),
    /** Weight in the objective (default: 1 / variance across the search seeds at the start). */
    weight: z.number().positive().refine(Number.isFinite, 'a finite number').optional(),
  })
  .refine((t) => (t.date === undefined) !== (t.session === undefined), 'give exactly one of date and session');

export const TargetsSchema = z.strictObject({ targets: z.array(TargetSchema).min(1) });

export type TargetInput = z.infer<typeof TargetSchema>;

/** A target tied to a session index of the run. */
export interface Target {
  moment: MomentName;
  symbol: string;
  session: number;
  /** The session's date, or null in an undated run. */
  date: string | null;
  value: number;
  weight?: number;
}

export class TargetsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetsError';
  }
}

/** Checks a targets document; throws TargetsError naming the entry and field. */
export function parseTargets(input: unknown, source = 'targets'): TargetInput[] {
  const r = TargetsSchema.safeParse(input);
  if (r.success) return r.data.targets;
  const i = r.error.issues[0];
  const path = i.path.join('.');
  if (i.code === 'unrecognized_keys') throw new TargetsError(`${source}: ${path ? path + '.' : ''}${i.keys.join(', ')}: unknown key`);
  const got = i.path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);
  const allowed = i.code === 'invalid_value' && path.endsWith('moment') ? ` (one of ${MOMENT_NAMES.join(', ')})` : '';
  throw new TargetsError(`${source}: ${path || '(root)'}: ${i.message}${allowed}${got === undefined ? '' : ` (got ${shown(got)})`}`);
}

/**
 * Ties targets to the run's sessions: `dates[k]` is session k's date (empty for an undated run),
 * `symbols` the scenario's symbol names. Throws TargetsError for a symbol or session the run lacks.
 */
export function resolveTargets(targets: readonly TargetInput[], symbols: readonly string[], dates: readonly (string | null)[], source = 'targets'): Target[] {
  return targets.map((t, i) => {
    const at = `${source}: targets.${i}`;
    if (!symbols.includes(t.symbol)) throw new TargetsError(`${at}.symbol: ${t.symbol} is not a symbol of the scenario (${symbols.join(', ')})`);
    let session = t.session ?? -1;
    if (t.date !== undefined) {
      session = dates.indexOf(t.date);
      if (session < 0) throw new TargetsError(`${at}.date: ${t.date} is not a session of the run (${dates[0] ?? '?'} to ${dates[dates.length - 1] ?? '?'})`);
    } else if (session >= dates.length) throw new TargetsError(`${at}.session: the run has sessions 0-${dates.length - 1} (got ${session})`);
    return { moment: t.moment, symbol: t.symbol, session, date: dates[session] ?? null, value: t.value, ...(t.weight !== undefined ? { weight: t.weight } : {}) };
  });
}

/** A target's name in tables and files, e.g. `NVDA return 2025-01-27`. */
export function targetLabel(t: Target): string {
  return `${t.symbol} ${t.moment} ${t.date ?? `session ${t.session}`}`;
}

function row(r: SeedReport, t: Target): DayRow {
  const d = r.days.find((x) => x.symbol === t.symbol && x.day === t.session);
  if (d === undefined) throw new TargetsError(`the run has no session ${t.session} of ${t.symbol}`);
  return d;
}

/** The target's moment in one seed's report. */
export function momentOf(r: SeedReport, t: Target): number {
  const d = row(r, t);
  const c0 = d.close / (1 + d.return);
  switch (t.moment) {
    case 'return':
      return d.return;
    case 'openGap':
      return d.open / c0 - 1;
    case 'low':
      return d.low / c0 - 1;
    case 'high':
      return d.high / c0 - 1;
    case 'volumeMultiple':
      if (d.volumeMultiple === null) throw new TargetsError(`${targetLabel(t)}: the scenario gives ${t.symbol} no averageVolumeShares, so there is no volume multiple`);
      return d.volumeMultiple;
    case 'retailNetUsd':
      return d.flows.retail.netUsd;
    case 'letfRebalanceShare':
      return d.volumeShares > 0 ? Math.abs(d.letf.rebalanceShares) / d.volumeShares : 0;
  }
}
