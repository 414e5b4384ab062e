// `shocklab report <run dir> [--audit FILE] [--out FILE]`: one self-contained HTML page of a
// recorded run (charts as inline SVG, tables, no script and no network), from the directory
// `shocklab run --out` or `shocklab demo` wrote. Reads run.json and, per seed, seed-N/bars.csv,
// beliefs.csv, news.csv and summary.json (session open); the readings table comes from the
// scenario as run (scenario.resolved.yaml, which `run --out` writes), else from the built-in
// preset of run.json's scenario name (`demo`). The page goes to --out (default <run dir>/report.html)
// through a temporary file renamed into place, so a failed report leaves nothing half-written.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getPreset, parseScenario, presetNames, resolveNews } from '../index.ts';
import { ReportInputError, reportData, type AuditTable, type ReportData, type SeedFiles } from '../report/data.ts';
import { reportHtml } from '../report/html.ts';
import { plainParseError, UsageError } from './errors.ts';
import { loadScenario } from './scenario-input.ts';
import { writeFileAtomic, type Io } from './io.ts';
import { checkOutputFile } from './output-paths.ts';

const USAGE = `usage: shocklab report <run dir> [--audit FILE] [--out FILE]

Writes one self-contained HTML page (charts as inline SVG, no script, opens offline) of a run
directory written by shocklab run --out or shocklab demo: simulated vs observed daily bars, the
shock session minute by minute, each class's value estimate beside the price, net flows by class,
how each reading of the news spread, the economy's readings and, with --audit, the audit of the
article's claims.

  --audit FILE   the audit as JSON ({"claims": [...]}, as shocklab audit --json writes it;
                 default <run dir>/audit.json when there is one, as the demo writes)
  --out FILE     where to write the page (default <run dir>/report.html; written atomically)
  -h, --help     this text

example: shocklab run --preset deepseek-2025 --seeds 4 --out runs/week && shocklab report runs/week --out week.html
`;

const AuditSchema = z.object({
  seeds: z.array(z.number().int()).optional(),
  claims: z.array(
    z.object({
      id: z.string().min(1),
      claim: z.string(),
      experiment: z.string().optional(),
      effect: z.object({ metric: z.string().optional(), mean: z.number().optional(), lo: z.number().optional(), hi: z.number().optional(), seeds: z.number().optional() }).optional(),
      verdict: z.string(),
      evidence: z.string().optional(),
    }),
  ),
});

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${what} ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

/** Reads the audit file; one line naming the file and the first bad field otherwise. */
export function readAudit(file: string): AuditTable {
  const parsed = AuditSchema.safeParse(readJson(file, 'audit file'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${file}: ${issue.path.length ? issue.path.join('.') + ': ' : ''}${issue.message} (expected {"claims": [{"id", "claim", "verdict", ...}]})`);
  }
  return parsed.data.seeds !== undefined ? { claims: parsed.data.claims, seeds: parsed.data.seeds } : { claims: parsed.data.claims };
}

const readOptional = (file: string): string | undefined => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

/** Everything the report shows, read from a run directory. */
export function loadReportData(dir: string, audit: AuditTable | null): ReportData {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such run directory: ${dir}`);
  const runFile = join(dir, 'run.json');
  if (!existsSync(runFile)) throw new UsageError(`${dir}: no run.json in it (write one with shocklab run --out DIR)`);
  const run = readJson(runFile, 'run file') as { scenario?: unknown; seeds?: { seed?: unknown }[] };
  const seeds: SeedFiles[] = [];
  let openNs: number | undefined;
  for (const s of Array.isArray(run?.seeds) ? run.seeds : []) {
    const name = `seed-${String(s?.seed)}`;
    const bars = readOptional(join(dir, name, 'bars.csv'));
    if (bars === undefined) continue;
    const beliefs = readOptional(join(dir, name, 'beliefs.csv'));
    const news = readOptional(join(dir, name, 'news.csv'));
    seeds.push({ name: join(dir, name), bars, ...(beliefs !== undefined ? { beliefs } : {}), ...(news !== undefined ? { news } : {}) });
    if (openNs === undefined) {
      const summary = readOptional(join(dir, name, 'summary.json'));
      try {
        const open = summary === undefined ? undefined : (JSON.parse(summary) as { session?: { openNs?: unknown } } | null)?.session?.openNs;
        if (typeof open === 'number') openNs = open;
      } catch {
        // a malformed summary.json: the session opens at 09:30
      }
    }
  }
  const scenario = typeof run?.scenario === 'string' ? run.scenario : '';
  let readings: ReportData['readings'] = null;
  let readingsNote: string | undefined;
  const resolved = join(dir, 'scenario.resolved.yaml');
  if (existsSync(resolved)) {
    try {
      readings = resolveNews(loadScenario(resolved, undefined, [])).readings;
    } catch (e) {
      readingsNote = `${resolved} does not load as a scenario (${(e as Error).message.split('\n')[0]}), so its readings are not known here.`;
    }
  } else if (presetNames().includes(scenario)) readings = resolveNews(parseScenario(getPreset(scenario))).readings;
  else readingsNote = `The run directory has no scenario.resolved.yaml and its scenario "${scenario}" is not a built-in preset, so its readings are not known here (shocklab economy evaluates them).`;
  try {
    return reportData({ run, seeds, ...(openNs !== undefined ? { openNs } : {}), readings, ...(readingsNote !== undefined ? { readingsNote } : {}), audit });
  } catch (e) {
    if (e instanceof ReportInputError) throw new UsageError(`malformed run directory: ${e.message}`);
    throw e;
  }
}

export async function reportCommand(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { audit: { type: 'string' }, out: { type: 'string' } } });
  } catch (e) {
    throw new UsageError(plainParseError(e as Error, 'report'));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`report takes one run directory, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}; shocklab report --help`);
  const dir = positionals[0];
  const out = values.out ?? join(dir, 'report.html');
  checkOutputFile('--out', out);
  const auditFile = values.audit ?? (existsSync(join(dir, 'audit.json')) ? join(dir, 'audit.json') : undefined);
  const audit = auditFile === undefined ? null : readAudit(auditFile);
  const data = loadReportData(dir, audit);
  const html = reportHtml(data, await import('echarts'));
  writeFileAtomic(out, html);
  io.err(`wrote ${out} (${data.seeds.length} seed${data.seeds.length === 1 ? '' : 's'}, ${(html.length / 1024).toFixed(0)} KB)\n`);
  return 0;
}
