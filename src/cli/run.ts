// `shocklab run <file | --preset NAME> [--seed N] [--seeds K] [--out DIR] [--set path=value ...]
// [--json]`: runs a scenario for one or more seeds and prints, per seed, the tape hash and, per
// day and symbol, open/high/low/close/return/volume and the net flow of each investor class.
// Output files (CSV, Parquet, summary.json per seed; run.json, scenario.resolved.yaml and
// command.txt for the run; docs/output.md lists them) go to DIR, all or nothing. The same seed
// prints the same bytes on stdout; timings and the progress bar go to stderr.
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { ScenarioError, type Scenario, type SeedReport } from '../index.ts';
import { runSeeds } from './run-seeds.ts';
import { checkSeedRange, joinNegativeValues, plainParseError, UsageError, wholeNumber } from './errors.ts';
import type { Io } from './io.ts';
import { Progress } from './progress.ts';
import { loadScenario } from './scenario-input.ts';
import { checkOutputDir } from './output-paths.ts';

/** A seed flag: a whole number >= 0 (`fallback` when absent); other commands' counts use it too. */
export function parseSeed(text: string | undefined, name = '--seed', fallback = 1): number {
  return wholeNumber(text, name, fallback, 0);
}

/** One argument as a POSIX shell would need it typed (bare when safe, else single-quoted). */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** scenario.resolved.yaml: the scenario as run (after --set, defaults filled), a file `shocklab run FILE` accepts. */
export function resolvedScenarioYaml(s: Scenario): string {
  return `# shocklab scenario "${s.name}" as run: --set overrides applied, defaults filled in.\n# shocklab run scenario.resolved.yaml --seed N reproduces this folder's seed-N (its tape hash).\n${stringify(s)}`;
}

function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n') + '\n';
}

function pct(x: number): string {
  return `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)}%`;
}

function formatReport(s: Scenario, rep: SeedReport): string {
  let out = `seed ${rep.seed}  tape hash ${rep.tapeHash}  trades ${rep.trades}  orders ${rep.orders}  events ${rep.events}\n`;
  const usd = (x: number) => `$${x.toFixed(2)}`;
  out += table([
    ['day', 'date', 'symbol', 'open', 'high', 'low', 'close', 'return', 'volume (shares)', 'x avg'],
    ...rep.days.map((d) => [d.day, d.date ?? '-', d.symbol, usd(d.openUsd), usd(d.highUsd), usd(d.lowUsd), usd(d.closeUsd), pct(d.return), d.volumeShares, d.volumeMultiple === null ? '-' : d.volumeMultiple.toFixed(2)]),
  ]);
  const flows = rep.flows.filter((f) => f.netLots !== 0 || f.netCents !== 0);
  if (flows.length) {
    out += 'net flow by class (shares; $ at real scale):\n';
    out += table([['symbol', 'class', 'shares', 'usd'], ...flows.map((f) => [f.symbol, f.class, f.netShares, (f.netRealCents / 100).toFixed(2)])]);
  }
  return out;
}

const USAGE = `usage: shocklab run <FILE.yaml|FILE.json | --preset NAME> [options]

Runs a scenario for one or more seeds and prints, per seed, the tape hash and, per session and
symbol, prices in dollars, the return, volume in real shares (and as a multiple of the observed
average) and the net flow of each investor class.

  --preset NAME      a built-in scenario (shocklab preset list)
  --seed N           first seed, a whole number >= 0 (default 1)
  --seeds K          number of consecutive seeds, 1-10000 (default 1)
  --workers N        worker threads for several seeds, 1-256 (default one per core, at most K);
                     the output is the same bytes whatever N
  --set PATH=VALUE   override a scenario field before validation (repeatable), e.g.
                     --set schedule.days=2  --set 'news=[]'  --set agents.retail.count=500
  --out DIR          write CSV, Parquet and summary.json per seed, and run.json,
                     scenario.resolved.yaml and command.txt (docs/output.md lists every file and
                     column; DIR must be new or empty; missing parents are created; all or nothing)
  --json             one JSON document on stdout instead of the tables
  -h, --help         this text

Progress and the closing line "N events in X s" go to stderr.

example: shocklab run --preset deepseek-2025 --seeds 2 --json > week.json
`;

export async function runCommand(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args),
      allowPositionals: true,
      options: {
        preset: { type: 'string' },
        seed: { type: 'string' },
        seeds: { type: 'string' },
        out: { type: 'string' },
        set: { type: 'string', multiple: true, default: [] },
        json: { type: 'boolean', default: false },
        workers: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError(plainParseError(e as Error, 'run', args));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`run takes one scenario file, got ${positionals.length}: ${positionals.join(' ')}`);
  const first = parseSeed(values.seed);
  const count = wholeNumber(values.seeds, '--seeds', 1, 1, 10_000);
  checkSeedRange(first, count);
  const workers = values.workers === undefined ? undefined : wholeNumber(values.workers, '--workers', 1, 1, 256);
  let scenario: Scenario;
  try {
    scenario = loadScenario(positionals[0], values.preset, values.set!);
  } catch (e) {
    if (e instanceof ScenarioError) throw new UsageError(`invalid scenario: ${e.message}`);
    throw e;
  }
  if (values.out !== undefined) checkOutputDir('--out', values.out, { empty: true });

  const progress = new Progress(io, count > 1 ? `${scenario.name} x${count}` : scenario.name);
  const files = [
    { name: 'scenario.resolved.yaml', data: resolvedScenarioYaml(scenario) },
    { name: 'command.txt', data: `${['shocklab', 'run', ...args].map(shellQuote).join(' ')}\n` },
  ];
  const { reports, events, seconds } = await runSeeds(scenario, first, count, progress, values.out, { files, ...(workers === undefined ? {} : { workers }) });
  if (values.out !== undefined) io.err(`wrote ${count} seed director${count === 1 ? 'y' : 'ies'} to ${values.out}\n`);

  if (values.json) io.out(JSON.stringify({ scenario: scenario.name, seeds: reports }) + '\n');
  else io.out(`scenario ${scenario.name}\n` + reports.map((r) => formatReport(scenario, r)).join('\n'));
  io.err(`${events} events in ${seconds.toFixed(3)} s (${Math.round(events / seconds).toLocaleString('en-US')} events/s)\n`);
  return 0;
}
