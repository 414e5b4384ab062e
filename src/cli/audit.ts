// `shocklab audit [FILE | --preset NAME] [--seeds K] [--claims C3,C10] [--json]`: the article's
// claims, each as a paired counterfactual on the scenario (src/analysis/claims.ts), run on the
// seed pool with progress and time left on stderr; a table (or, with --json, only the JSON on
// stdout), optionally also written to --out FILE.
import { parseArgs } from 'node:util';
import { auditClaims, claimIds, type AuditJob, type AuditReport } from '../analysis/claims-audit.ts';
import type { ScenarioInput, SeedReport } from '../index.ts';
import { checkSeedRange, plainParseError, UsageError, wholeNumber } from './errors.ts';
import { writeFileAtomic, type Io } from './io.ts';
import { defaultWorkers } from './run-seeds.ts';
import { runSeedJob } from './seed-job.ts';
import { runSeedPool } from './seed-pool.ts';
import { loadScenarioInput } from './scenario-input.ts';
import { checkOutputFile } from './output-paths.ts';

export const AUDIT_USAGE = `usage: shocklab audit [FILE | --preset NAME] [--seed S] [--seeds K] [--claims C3,C10] [--json]
                      [--out FILE] [--workers N] [--set path=value]...

Tests the article's claims (../shared/seeds/NOTES.md; docs/claims.md) on a scenario, one paired
counterfactual per claim: the scenario as given (the mechanism present) against the scenario with
one thing changed, on the same seeds S..S+K-1. Effect = mean of the per-seed differences with a 95%
t-interval; the verdict is computed (supported, contradicted, inconclusive; docs/claims.md).
Without FILE or --preset, the fitted deepseek-2025 preset.

  --preset NAME     a built-in scenario (shocklab preset list); default deepseek-2025
  --seed S          first seed, a whole number >= 0 (default 1; deepseek-2025 was fitted on
                    seeds 1-8, so --seed 9 judges it on seeds it never saw)
  --seeds K         paired seeds per claim, 2-100 (default 8; ~80 seed-runs of 1-3 sessions for
                    all claims, ~3 min on 2 cores here)
  --claims LIST     comma-separated claim ids (default all: ${claimIds().join(',')})
  --json            only the JSON on stdout ({"claims":[{id, claim, experiment, effect, verdict,
                    evidence}]}); progress and time left go to stderr
  --out FILE        also write the JSON to FILE (folders created; written whole or not at all)
  --workers N       worker threads (default: one per core, at most one per run)
  --set path=value  override a scenario field before the audit (repeatable)

example: shocklab audit --preset deepseek-2025 --seed 9 --seeds 8 --claims C5,C10,C14 --json > audit.json
`;

const signed = (x: number, d = 2) => `${x >= 0 ? '+' : ''}${x.toFixed(d)}`;

/** The audit as a plain-text table. */
export function auditTable(r: AuditReport): string {
  const rows = [['claim', 'verdict', 'effect', '95% interval', 'seeds', 'experiment (control)']];
  for (const c of r.claims) rows.push([c.id, c.verdict, signed(c.effect.mean), `[${signed(c.effect.lo)}, ${signed(c.effect.hi)}]`, c.effect.seeds ? String(c.effect.seeds) : 'exact', c.experiment]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((x) => x[i].length)));
  const lines = rows.map((x) => x.map((cell, i) => (i === x.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
  const metrics = [...new Set(r.claims.map((c) => c.effect.metric))].map((m) => `  ${r.claims.filter((c) => c.effect.metric === m).map((c) => c.id).join(', ')}: ${m}`);
  return `claims audit of ${r.scenario}: event session ${r.eventDate ?? r.eventDay}, effect = with the mechanism - without\n\n${lines.join('\n')}\n\nmetrics:\n${metrics.join('\n')}\n`;
}

/** The audit's JSON: the issue's format plus the event session and seeds. */
export function auditJson(r: AuditReport): string {
  return JSON.stringify({ scenario: r.scenario, eventDate: r.eventDate, seeds: r.seeds, claims: r.claims.map(({ id, claim, experiment, effect, verdict, evidence, direction, treatment, control }) => ({ id, claim, experiment, effect, verdict, evidence, direction, treatment, control })) }, null, 2) + '\n';
}

/** Runs audit jobs on the seed pool (or in this process for one worker), reporting progress with time left. */
export function poolRunner(io: Io, workers: number | undefined, label = 'audit'): (jobs: readonly AuditJob[]) => Promise<SeedReport[]> {
  return async (jobs) => {
    const n = Math.min(workers ?? defaultWorkers(jobs.length), jobs.length);
    const t0 = performance.now(); // clock-ok
    let lastTenth = -1;
    const progress = (f: number) => {
      const tenth = Math.floor(f * 10);
      if (tenth <= lastTenth || tenth === 0) return;
      lastTenth = tenth;
      const elapsed = (performance.now() - t0) / 1000; // clock-ok
      io.err(`${label}: ${jobs.length} seed-runs on ${n} worker${n === 1 ? '' : 's'}, ${tenth * 10}% after ${elapsed.toFixed(0)} s${f < 1 ? `, about ${((elapsed * (1 - f)) / f).toFixed(0)} s left` : ''}\n`);
    };
    io.err(`${label}: ${jobs.length} seed-runs on ${n} worker${n === 1 ? '' : 's'}...\n`);
    if (n <= 1) {
      const reports: SeedReport[] = [];
      for (let i = 0; i < jobs.length; i++) {
        reports.push((await runSeedJob({ ...jobs[i], trades: false }, (f) => progress((i + f) / jobs.length))).report);
        await new Promise((r) => setImmediate(r));
      }
      return reports;
    }
    return (await runSeedPool(jobs.map((j) => ({ ...j, trades: false })), n, progress)).reports;
  };
}

export async function auditCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        preset: { type: 'string' },
        seed: { type: 'string' },
        seeds: { type: 'string' },
        claims: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        workers: { type: 'string' },
        set: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(plainParseError(e as Error, 'audit', args));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(AUDIT_USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`give at most one scenario file, got ${positionals.length}: ${positionals.join(' ')}`);
  const seeds = wholeNumber(values.seeds, '--seeds', 8, 2, 100);
  const firstSeed = wholeNumber(values.seed, '--seed', 1, 0);
  checkSeedRange(firstSeed, seeds);
  const workers = values.workers === undefined ? undefined : wholeNumber(values.workers, '--workers', 1, 1, 64);
  const known = claimIds();
  const claims = values.claims?.split(',').map((x) => x.trim().toUpperCase()).filter((x) => x.length > 0);
  if (claims !== undefined) {
    if (claims.length === 0) throw new UsageError(`--claims needs at least one claim id (known: ${known.join(', ')})`);
    for (const id of claims) if (!known.includes(id)) throw new UsageError(`--claims: unknown claim ${JSON.stringify(id)} (known: ${known.join(', ')})`);
  }
  if (values.out !== undefined) checkOutputFile('--out', values.out);
  const preset = positionals.length === 0 && values.preset === undefined ? 'deepseek-2025' : values.preset;
  const base: ScenarioInput = loadScenarioInput(positionals[0], preset, values.set);
  const report = await auditClaims({ base, seeds, firstSeed, ...(claims ? { claims } : {}), run: poolRunner(io, workers) });
  const json = auditJson(report);
  if (values.out !== undefined) writeFileAtomic(values.out, json);
  io.out(values.json ? json : auditTable(report));
  if (values.out !== undefined) io.err(`wrote ${values.out}\n`);
  return 0;
}
