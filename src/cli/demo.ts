// `shocklab demo [--seeds K] [--audit-seeds K] [--out DIR]`: the main job on embedded defaults.
// Runs the fitted deepseek-2025 preset live for seeds 1..K (default 20; nothing precomputed),
// prints NVDA's simulated week (mean and spread over seeds) beside the record, retail's net
// dollars and the leveraged ETFs' share of volume on 27 Jan, and AVGO's simulated week marked as
// a forecast (its record after 24 Jan is withheld on purpose); then the claims audit over the
// week's last 8 seeds, 13-20 by default: seeds the preset was not fitted on (the fit searched on
// 1-8); their treatment runs are the week's, so only the controls run. Then the HTML
// report. Writes everything to DIR (default out/deepseek-2025/, replacing the last demo's).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { auditClaims } from '../analysis/claims-audit.ts';
import { classNetUsd, compareWeek, letfRebalanceShare, type SessionComparison, type Spread } from '../analysis/week.ts';
import { getPreset, parseScenario } from '../index.ts';
import { LETF_REBALANCE_SHARE_27_JAN, NVDA_AVERAGE_VOLUME_20D, NVDA_WEEK, RETAIL_NET_USD_27_JAN } from '../scenario/record-2025.ts';
import { DEEPSEEK_2025_FIT } from '../scenario/presets/deepseek-2025.ts';
import { plainParseError, UsageError } from './errors.ts';
import { writeFileAtomic, type Io } from './io.ts';
import { Progress } from './progress.ts';
import { auditJson, auditTable, poolRunner } from './audit.ts';
import { loadReportData, readAudit } from './report.ts';
import { reportHtml } from '../report/html.ts';
import { parseSeed, resolvedScenarioYaml, shellQuote } from './run.ts';
import { defaultWorkers, runSeeds } from './run-seeds.ts';
import { checkOutputDir } from './output-paths.ts';

/** A seed-week's cost on one core of this 2-core machine, for the help and the start-up estimate (measured: bench/README.md). */
const SEED_WEEK_CORE_SECONDS = 15;

const USAGE = `usage: shocklab demo [--seeds K] [--audit-seeds K] [--out DIR]

Runs the fitted DeepSeek week (preset deepseek-2025, 24-31 Jan 2025) for seeds 1..K and prints
the simulated week beside the record, then audits the article's claims (shocklab audit) over
the week's last A seeds, K-A+1..K (by default 13-20, seeds the preset's fit never saw: it
searched on 1-8), and writes an HTML report (shocklab report) of it all.

  --seeds K         seeds of the week, 1-100 (default 20; ~${SEED_WEEK_CORE_SECONDS} s of a core each here)
  --audit-seeds A   paired seeds of the claims audit, 2 to K, or 0 for no audit (default 8;
                    ~9 counterfactual runs of 2-3 sessions per seed)
  --out DIR         where the runs, audit.json and report.html go (default out/deepseek-2025;
                    replaced)

example: shocklab demo --seeds 4 --audit-seeds 2
`;

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;
const pm = (s: Spread, f: (x: number) => string) => `${f(s.mean)} ±${f(s.sd).replace(/^[+-]/, '')}`;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n') + '\n';
}

function weekTable(rows: SessionComparison[], forecast: boolean): string {
  const head = ['date', 'day', 'return', forecast ? '' : 'obs', 'open gap', forecast ? '' : 'obs', 'low', forecast ? '' : 'obs', 'volume x', forecast ? '' : 'obs'];
  const body = rows.map((c) => {
    const o = c.observed;
    const obs = (x: number | undefined, f: (x: number) => string) => (forecast ? 'forecast' : x === undefined || Number.isNaN(x) ? '-' : f(x));
    const vm = c.simulated.volumeMultiple;
    return [
      c.date ?? '-',
      String(c.day),
      pm(c.simulated.return, pct),
      obs(o?.return, pct),
      pm(c.simulated.openGap, pct),
      obs(o?.openGap, pct),
      pm(c.simulated.low, pct),
      obs(o?.low, pct),
      vm ? pm(vm, (x) => x.toFixed(2)) : '-',
      obs(o?.volumeMultiple, (x) => x.toFixed(2)),
    ];
  });
  return table([head, ...body].map((r) => (forecast ? r.filter((_, i) => i % 2 === 0 || i === 1 || i === 0) : r)));
}

export async function demoCommand(args: string[], io: Io): Promise<number> {
  let values;
  try {
    values = parseArgs({ args, options: { seeds: { type: 'string' }, 'audit-seeds': { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (e) {
    throw new UsageError(plainParseError(e as Error, 'demo', args));
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const count = parseSeed(values.seeds, '--seeds', 20);
  if (count < 1 || count > 100) throw new UsageError(`--seeds must be between 1 and 100, got ${count}`);
  const auditSeeds = parseSeed(values['audit-seeds'], '--audit-seeds', Math.min(8, count));
  if (auditSeeds !== 0 && (auditSeeds < 2 || auditSeeds > count)) throw new UsageError(`--audit-seeds must be 0 (no audit) or between 2 and --seeds (${count}), got ${auditSeeds}`);
  const out = values.out ?? 'out/deepseek-2025';
  checkOutputDir('--out', out, { empty: false });
  const scenario = parseScenario(getPreset('deepseek-2025'));
  const workers = defaultWorkers(count);
  const t0 = performance.now(); // clock-ok
  io.err(`running deepseek-2025 for seeds 1-${count} on ${workers} worker${workers === 1 ? '' : 's'} (about ${Math.ceil((count * SEED_WEEK_CORE_SECONDS) / workers)} s here)...\n`);
  const files = [
    { name: 'scenario.resolved.yaml', data: resolvedScenarioYaml(scenario) },
    { name: 'command.txt', data: `${['shocklab', 'demo', ...args].map(shellQuote).join(' ')}\n` },
  ];
  const { reports, events, seconds } = await runSeeds(scenario, 1, count, new Progress(io, `deepseek-2025 x${count}`), out, { trades: false, files });
  const nvda = compareWeek(reports, 'NVDA', NVDA_WEEK, NVDA_AVERAGE_VOLUME_20D);
  const avgo = compareWeek(reports, 'AVGO');
  const day27 = nvda.find((c) => c.date === '2025-01-27')?.day ?? 1;
  const retail = classNetUsd(reports, 'NVDA', day27, 'retail');
  const letf = letfRebalanceShare(reports, 'NVDA', day27);
  let text = `DeepSeek week (deepseek-2025), ${count} seeds: simulated mean ±sd beside the record\n\n`;
  text += `NVDA (moves from the previous close; volume as a multiple of the 20-session average)\n${weekTable(nvda, false)}\n`;
  text += `NVDA on 27 Jan:\n`;
  text += `  retail net flow       ${pm(retail, (x) => `${x >= 0 ? '+' : '-'}$${(Math.abs(x) / 1e6).toFixed(0)}M`)}   record +$${RETAIL_NET_USD_27_JAN / 1e6}M (net buyers; the article has retail panicking)\n`;
  text += `  2x ETFs' rebalancing  ${pm(letf, (x) => `${(100 * x).toFixed(2)}%`)} of volume   record ~${(100 * LETF_REBALANCE_SHARE_27_JAN).toFixed(1)}% (derived)\n\n`;
  text += `AVGO (forecast: its record after 24 Jan is withheld on purpose)\n${weekTable(avgo, true)}\n`;
  text += `seeds: ${reports.map((r) => `${r.seed}:${r.tapeHash}`).join(' ')}\n`;
  text += `wrote ${out}/: run.json (this table's data) and seed-N/ (bars, flows, quotes as CSV and Parquet; the trade tape is left out, \`shocklab run --out\` writes it)\n`;
  io.out(text);
  io.err(`${events} events in ${seconds.toFixed(3)} s (${Math.round(events / seconds).toLocaleString('en-US')} events/s)\n`);
  const auditFile = join(out, 'audit.json');
  if (auditSeeds > 0) {
    const firstSeed = count - auditSeeds + 1;
    const audit = await auditClaims({ base: getPreset('deepseek-2025'), seeds: auditSeeds, firstSeed, baseline: reports.slice(firstSeed - 1), run: poolRunner(io, undefined, `audit x${auditSeeds}`) });
    writeFileAtomic(auditFile, auditJson(audit));
    const untuned = firstSeed > DEEPSEEK_2025_FIT.seeds ? `, seeds the fit never saw (it searched on 1-${DEEPSEEK_2025_FIT.seeds})` : '';
    io.out(`\nClaims audit over seeds ${firstSeed}-${count}${untuned}; the same as shocklab audit --seed ${firstSeed} --seeds ${auditSeeds}\n${auditTable(audit)}(each claim's evidence: ${auditFile}; the rules: docs/claims.md)\n`);
  }
  const page = join(out, 'report.html');
  writeFileAtomic(page, reportHtml(loadReportData(out, auditSeeds > 0 ? readAudit(auditFile) : null), await import('echarts')));
  io.out(`\ndone in ${((performance.now() - t0) / 1000).toFixed(0)} s. The report: ${page}\n`); // clock-ok
  io.out(`open it in a browser (it needs no network): xdg-open ${page}   or   file://${resolve(page)}\n`);
  return 0;
}
