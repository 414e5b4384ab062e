// The claims audit: each claim of claims.ts run as a paired experiment. A market claim runs the
// scenario (treatment) and its control on the same seeds S..S+K-1 (default S = 1), only up to
// the sessions its metric reads; its effect is the mean of the per-seed differences (treatment - control) with a 95%
// t-interval. An economy claim evaluates both arms once (deterministic: the interval is the point).
// Verdicts are computed from the interval, the claimed sign and the least effect that counts
// (MIN_EFFECT), and, for a claim whose premise the record settles (C5), from the record.
import { localTimeNs } from '../market/calendar.ts';
import type { SeedReport } from '../scenario/report.ts';
import { scenarioCalendar } from '../scenario/run.ts';
import { parseScenario, type Scenario, type ScenarioInput } from '../scenario/schema.ts';
import { shortenedScenario } from './calibrate.ts';
import { claimDefinitions, MIN_EFFECT, type ClaimDefinition } from './claims.ts';
import { meanInterval } from './t-interval.ts';
import { spread } from './week.ts';

export type Verdict = 'supported' | 'contradicted' | 'inconclusive';

export interface ClaimResult {
  id: string;
  claim: string;
  experiment: string;
  effect: { metric: string; mean: number; lo: number; hi: number; seeds: number };
  verdict: Verdict;
  evidence: string;
  /** The claimed sign of the effect (treatment - control). */
  direction: 1 | -1;
  /** Mean metric with the mechanism (the scenario) and without (the control). */
  treatment: number;
  control: number;
  /** Per-seed differences (empty for economy claims). */
  differences: number[];
}

export interface AuditReport {
  scenario: string;
  /** The session the news lands on (its date when dated) and the seeds run. */
  eventDay: number;
  eventDate: string | null;
  seeds: number[];
  claims: ClaimResult[];
}

export interface AuditJob {
  scenario: Scenario;
  seed: number;
}

export interface AuditSetup {
  /** The scenario as given: the treatment of every claim. */
  base: ScenarioInput;
  /** How many seeds the market claims run: firstSeed, firstSeed + 1, ... */
  seeds: number;
  /** The first of them (default 1); e.g. seeds the scenario was not tuned on. */
  firstSeed?: number;
  /** Claim ids to run (default: all), e.g. ['C5', 'C10']. */
  claims?: readonly string[];
  /** Runs the jobs (any order, e.g. on a worker pool) and returns their reports in job order. */
  run(jobs: readonly AuditJob[]): Promise<SeedReport[]>;
  /** Reports of the scenario as given for those seeds already run (the whole run, or at least to the sessions the metrics read); skips the treatment runs. */
  baseline?: readonly SeedReport[];
}

/** Claim ids known to the audit. */
export function claimIds(): string[] {
  return claimDefinitions().map((c) => c.id);
}

/** The session the scenario's first efficiency news lands on: the first session that closes after its earliest reading starts. */
export function eventSession(s: Scenario): { day: number; date: string | null } {
  const event = s.news.find((e) => e.content.kind === 'efficiency');
  const cal = scenarioCalendar(s);
  if (!event || !cal || !s.schedule?.startDate) throw new RangeError('the audit needs a dated scenario with an efficiency event among its news (as deepseek-2025 has)');
  const start = s.schedule.startDate;
  const first = Math.min(...event.readings.map((r) => localTimeNs(r.startsAt, start) as number));
  for (let d = 0; d < cal.sessions; d++) if (cal.midnight(d) + cal.day.close > first) return { day: d, date: cal.date(d) };
  throw new RangeError(`the efficiency event's readings start after the run's last session (${cal.date(cal.sessions - 1)})`);
}

/** The verdict rule of docs/claims.md. */
export function verdictOf(mean: number, lo: number, hi: number, direction: 1 | -1, premiseHolds = true): Verdict {
  if (!premiseHolds) return 'contradicted';
  const sign = lo > 0 ? 1 : hi < 0 ? -1 : 0;
  if (sign === direction && Math.abs(mean) >= MIN_EFFECT) return 'supported';
  if (sign === -direction) return 'contradicted';
  return 'inconclusive';
}

const signed = (x: number, digits = 1) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;

function evidenceOf(c: ClaimDefinition, r: Omit<ClaimResult, 'evidence'>, extra: string): string {
  const unit = c.metric.kind === 'value-pct' ? (c.metric.relative ? '$' : '%') : c.metric.kind === 'recovery-pp' ? 'pp' : '%';
  const fmt = (x: number) => (unit === '$' ? `$${x.toFixed(2)}` : `${signed(x)}${unit === 'pp' ? ' pp' : '%'}`);
  const claimed = c.direction < 0 ? 'lower' : 'higher';
  const interval = r.effect.seeds > 0 ? `effect ${signed(r.effect.mean, 2)} [${signed(r.effect.lo, 2)}, ${signed(r.effect.hi, 2)}] over ${r.effect.seeds} paired seeds` : `effect ${signed(r.effect.mean, 2)} (exact: the economy has no randomness)`;
  const exact = r.effect.seeds === 0;
  const why = exact
    ? r.verdict === 'supported'
      ? `the exact effect is on the claimed side and |effect| >= ${MIN_EFFECT}`
      : r.verdict === 'contradicted'
        ? 'the exact effect is on the other side'
        : r.effect.mean === 0
          ? 'the control changes nothing here'
          : `the exact effect is smaller than ${MIN_EFFECT}`
    : r.verdict === 'supported'
      ? `the interval excludes 0 on the claimed side and |effect| >= ${MIN_EFFECT}`
      : r.verdict === 'contradicted'
        ? c.recordPremise && !c.recordPremise.holds
          ? 'the record refutes the premise'
          : 'the interval excludes 0 on the other side'
        : Math.abs(r.effect.mean) < MIN_EFFECT && (r.effect.lo > 0 || r.effect.hi < 0)
          ? `the effect is real but smaller than ${MIN_EFFECT}`
          : 'the interval includes 0';
  return `${c.metric.label}: ${fmt(r.treatment)} with the mechanism, ${fmt(r.control)} without; the claim expects ${claimed} with it; ${interval}; ${why}.${extra ? ' ' + extra : ''}`;
}

/** Runs the audit. Market claims' runs go to `setup.run` as one batch (treatment runs first, unless given). */
export async function auditClaims(setup: AuditSetup): Promise<AuditReport> {
  const all = claimDefinitions();
  const wanted = setup.claims ?? all.map((c) => c.id);
  for (const id of wanted) if (!all.some((c) => c.id === id)) throw new RangeError(`--claims: unknown claim ${JSON.stringify(id)} (known: ${all.map((c) => c.id).join(', ')})`);
  if (!(Number.isInteger(setup.seeds) && setup.seeds >= 2)) throw new RangeError(`--seeds must be a whole number >= 2 (a t-interval needs two paired seeds), got ${setup.seeds}`);
  const claims = all.filter((c) => wanted.includes(c.id));
  const base = parseScenario(setup.base);
  const event = eventSession(base);
  const first = setup.firstSeed ?? 1;
  if (!(Number.isSafeInteger(first) && first >= 0)) throw new RangeError(`--seed must be a whole number >= 0, got ${first}`);
  const seeds = Array.from({ length: setup.seeds }, (_, i) => first + i);
  const market = claims.filter((c) => c.metric.kind !== 'value-pct');
  const lastOf = (c: ClaimDefinition) => event.day + (c.metric.kind === 'value-pct' ? 0 : c.metric.lastOffset);
  const deepest = Math.max(event.day, ...market.map(lastOf));
  const cal = scenarioCalendar(base)!;
  if (deepest >= cal.sessions) throw new RangeError(`the audit reads session ${deepest} (the day after the event), but the run has ${cal.sessions} sessions: give schedule.days >= ${deepest + 1}`);

  const jobs: AuditJob[] = [];
  const given = setup.baseline;
  if (given !== undefined && (given.length < seeds.length || given.slice(0, seeds.length).some((r, i) => r.seed !== seeds[i]))) throw new RangeError(`the baseline must hold seeds ${first}..${first + setup.seeds - 1} in order`);
  const treatment = given === undefined && market.length > 0 ? parseScenario(shortenedScenario(setup.base, deepest)) : null;
  if (treatment) for (const seed of seeds) jobs.push({ scenario: treatment, seed });
  const controlInputs = new Map(claims.map((c) => [c.id, c.control(setup.base)]));
  for (const c of market) {
    const scenario = parseScenario(shortenedScenario(controlInputs.get(c.id)!, lastOf(c)));
    for (const seed of seeds) jobs.push({ scenario, seed });
  }
  const reports = jobs.length ? await setup.run(jobs) : [];
  const baseline = given ? given.slice(0, seeds.length) : reports.slice(0, treatment ? seeds.length : 0);
  let next = treatment ? seeds.length : 0;

  const results: ClaimResult[] = claims.map((c) => {
    let core: Omit<ClaimResult, 'evidence'>;
    let extra = '';
    if (c.metric.kind === 'value-pct') {
      const m = c.metric;
      const t = m.of(setup.base);
      const k = m.of(controlInputs.get(c.id)!);
      const effect = m.relative ? (100 * (t - k)) / Math.abs(k) : t - k;
      core = { id: c.id, claim: c.claim, experiment: c.experiment, effect: { metric: m.label, mean: effect, lo: effect, hi: effect, seeds: 0 }, verdict: verdictOf(effect, effect, effect, c.direction), direction: c.direction, treatment: t, control: k, differences: [] };
    } else {
      const m = c.metric;
      const own = reports.slice(next, next + seeds.length);
      next += seeds.length;
      const t = baseline.map((r) => m.of(r, event.day, setup.base));
      const k = own.map((r) => m.of(r, event.day, controlInputs.get(c.id)!));
      const differences = t.map((x, i) => x - k[i]);
      const e = meanInterval(differences);
      const mean = (xs: number[]) => spread(xs).mean;
      const premise = c.recordPremise?.holds ?? true;
      core = { id: c.id, claim: c.claim, experiment: c.experiment, effect: { metric: m.label, mean: e.mean, lo: e.lo, hi: e.hi, seeds: e.n }, verdict: verdictOf(e.mean, e.lo, e.hi, c.direction, premise), direction: c.direction, treatment: mean(t), control: mean(k), differences };
      if (c.recordPremise) {
        const sym = base.symbols[0].name;
        const retail = baseline.map((r) => r.days.find((d) => d.day === event.day && d.symbol === sym)!.flows.retail.netUsd);
        extra = `Record: ${c.recordPremise.evidence}; simulated retail net ${signed(mean(retail) / 1e6, 0)}M dollars in ${sym} that day.`;
      }
    }
    return { ...core, evidence: evidenceOf(c, core, extra) };
  });
  return { scenario: base.name, eventDay: event.day, eventDate: event.date, seeds: market.length ? seeds : [], claims: results };
}
