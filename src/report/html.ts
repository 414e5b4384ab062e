// One self-contained HTML page from the report's data: the charts of charts.ts rendered to SVG by
// ECharts' server-side renderer (no script, no network: the page opens offline), the economy's
// readings and the audit of the article's claims as tables, inline CSS. Every chart sits in an
// element with a stable id (chart-daily, chart-intraday, chart-belief, chart-flows,
// chart-spread), in that order, with a caption saying what it shows. Browser-safe (no Node API):
// echarts' SSR needs no DOM. ECharts is passed in (`await import('echarts')`), so that the
// commands that draw no chart do not load it: importing it takes ~0.5 s and ~20 MB of heap.
import type * as ECharts from 'echarts';
import { beliefChart, chartHeight, dailyChart, flowsChart, intradayChart, spreadChart, type ChartOption } from './charts.ts';
import { classLabel, type AuditTable, type ReportData } from './data.ts';

export const CHART_WIDTH = 960;

/** What the page needs of ECharts: the module itself (`await import('echarts')`). */
export type ChartEngine = Pick<typeof ECharts, 'init'>;

/**
 * Renders one option to an SVG string (ECharts SSR); the chart is always disposed. The renderer
 * names its clip paths and classes after process-wide counters ("zr7-c0", "zr7-cls-31"); they are
 * renamed after `name` and renumbered, so the same data gives the same bytes in any process and
 * charts on one page never clash.
 */
export function renderSvg(echarts: ChartEngine, option: ChartOption, width: number, height: number, name = 'chart'): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption(option);
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const prefix = /\bzr\d+-/.exec(svg)?.[0];
  if (prefix !== undefined) svg = svg.split(prefix).join(`${name}-`);
  // class names also count process-wide: number them in order of appearance
  const classes = new Map<string, number>();
  return svg.replace(new RegExp(`\\b${name}-cls-(\\d+)`, 'g'), (_, n: string) => {
    if (!classes.has(n)) classes.set(n, classes.size);
    return `${name}-cls-${classes.get(n)}`;
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A number for a table: up to 4 significant digits, thousands separated. */
export function fmt(x: number | undefined | null): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return '-';
  const a = Math.abs(x);
  if (a >= 1000) return x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  return String(Number(x.toPrecision(4)));
}

const usd = (x: number) => `${x < 0 ? '-' : ''}$${Math.abs(x).toFixed(2)}`;
const millions = (x: number) => `${x < 0 ? '-' : '+'}$${Math.abs(x / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 })}M`;

const CSS = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #212529; max-width: 1000px; margin: 2em auto; padding: 0 1em; background: #fff; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #dee2e6; padding-bottom: 0.2em; }
figure { margin: 1em 0; }
figure svg { max-width: 100%; height: auto; display: block; border: 1px solid #f1f3f5; }
figcaption { font-size: 0.9em; color: #495057; margin-top: 0.4em; }
table { border-collapse: collapse; font-size: 0.88em; width: 100%; margin: 0.8em 0; }
th, td { border: 1px solid #dee2e6; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #f8f9fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.verdict-supported { color: #2b8a3e; font-weight: 600; }
.verdict-contradicted { color: #c92a2a; font-weight: 600; }
.verdict-inconclusive { color: #868e96; font-weight: 600; }
code { background: #f1f3f5; padding: 0 0.25em; border-radius: 3px; }
.missing { color: #868e96; font-style: italic; }
`;

function figure(id: string, svg: string | null, caption: string, missing: string): string {
  return `<figure id="${id}">\n${svg ?? `<p class="missing">${escapeHtml(missing)}</p>`}\n<figcaption>${caption}</figcaption>\n</figure>`;
}

function readingsTable(d: ReportData): string {
  if (d.readings === null || d.readings.length === 0) return `<p class="missing">${escapeHtml(d.readingsNote ?? 'The scenario has no news readings.')}</p>`;
  const head = `<tr><th>event</th><th>reading</th><th>starts to spread</th><th>economy changes</th>${d.symbols.map((s) => `<th>${escapeHtml(s)} value after / before</th>`).join('')}<th>NVDA value per share ($, before &rarr; after)</th><th>AVGO value per share ($, before &rarr; after)</th></tr>`;
  const rows = d.readings.map((r) => {
    const changes = Object.entries(r.changes)
      .map(([k, v]) => `<code>${escapeHtml(k)}=${escapeHtml(String(Number(v.toPrecision(6))))}</code>`)
      .join(' ');
    const ratios = d.symbols.map((_, i) => `<td class="num">${fmt(r.valueRatios[i])}</td>`).join('');
    return `<tr data-reading="${escapeHtml(r.reading)}"><td>${escapeHtml(r.eventLabel)}</td><td>${escapeHtml(r.reading)}</td><td>${escapeHtml(r.startsAt)}</td><td>${changes}</td>${ratios}<td class="num">${usd(r.nvda.before)} &rarr; ${usd(r.nvda.after)}</td><td class="num">${usd(r.avgo.before)} &rarr; ${usd(r.avgo.after)}</td></tr>`;
  });
  return `<table id="table-readings">\n${head}\n${rows.join('\n')}\n</table>`;
}

/** "seeds 13-20" for consecutive seeds, else the list. */
function seedRange(seeds: readonly number[]): string {
  const consecutive = seeds.every((x, i) => i === 0 || x === seeds[i - 1] + 1);
  return seeds.length > 1 && consecutive ? `seeds ${seeds[0]}-${seeds[seeds.length - 1]}` : `seed${seeds.length === 1 ? '' : 's'} ${seeds.join(', ')}`;
}

function auditTable(audit: AuditTable | null): string {
  if (audit === null) return `<p class="missing">No audit given. Run <code>shocklab audit --preset deepseek-2025 --json &gt; audit.json</code>, then <code>shocklab report RUN_DIR --audit audit.json</code>.</p>`;
  const head = '<tr><th>id</th><th>claim</th><th>verdict</th><th>effect</th><th>95% interval</th><th>evidence</th></tr>';
  const seeds = audit.seeds !== undefined && audit.seeds.length > 0 ? `<p>Each market claim runs the scenario and its control on the same ${escapeHtml(seedRange(audit.seeds))} (common random numbers); the economy's claims are exact.</p>\n` : '';
  const rows = audit.claims.map((c) => {
    const e = c.effect;
    const effect = e ? `${escapeHtml(e.metric ?? '')}${e.metric ? ': ' : ''}${fmt(e.mean)}` : '-';
    const interval = e && (e.lo !== undefined || e.hi !== undefined) ? `[${fmt(e.lo)}, ${fmt(e.hi)}]${e.seeds !== undefined ? ` (${e.seeds} seeds)` : ''}` : '-';
    const experiment = c.experiment ? `<br><small>${escapeHtml(c.experiment)}</small>` : '';
    return `<tr data-claim="${escapeHtml(c.id)}"><td>${escapeHtml(c.id)}</td><td>${escapeHtml(c.claim)}${experiment}</td><td class="verdict-${escapeHtml(c.verdict)}">${escapeHtml(c.verdict)}</td><td>${effect}</td><td class="num">${interval}</td><td>${escapeHtml(c.evidence ?? '')}</td></tr>`;
  });
  return `${seeds}<table id="table-audit">\n${head}\n${rows.join('\n')}\n</table>`;
}

/** The whole page. */
export function reportHtml(d: ReportData, echarts: ChartEngine): string {
  const n = d.seeds.length;
  const seedsText = `${n} seed${n === 1 ? '' : 's'}`;
  const main = d.daily[0];

  const daily = main ? renderSvg(echarts, dailyChart(d.daily, n), CHART_WIDTH, chartHeight('daily', d.daily.length), 'daily') : null;
  const dailyCaption = `Each session of the run. ${escapeHtml(main?.symbol ?? '')}: the narrow blue candle is the simulated day, the mean over ${seedsText} of each seed's open, high, low and close in dollars (the average seed's day; no single seed need look like it); the wide grey candle behind it is the observed bar (src/scenario/record-2025.ts: the daily data's split/dividend adjustment, so 24 Jan closes at $142.62). Below: volume in millions of shares, simulated (mean) and observed.${d.daily.length > 1 ? ` ${escapeHtml(d.daily[1].symbol)}: simulated candles only; the record after 24 Jan is withheld, so these sessions are a forecast.` : ''}`;

  const i = d.intraday;
  const intraday = i ? renderSvg(echarts, intradayChart(i, n), CHART_WIDTH, chartHeight('intraday'), 'intraday') : null;
  const intradayCaption = i
    ? `${escapeHtml(i.symbol)} on ${escapeHtml(i.date)}, one point per minute from ${escapeHtml(i.labels[0] ?? '')}: the mean over ${seedsText} of each minute's last trade price (close_usd of bars.csv) with the band from the 10% to the 90% quantile over seeds. Simulated: previous close ${usd(i.prevClose)}, open ${usd(i.open)} (${(100 * (i.open / i.prevClose - 1)).toFixed(1)}% gap), close ${usd(i.close)} (${(100 * (i.close / i.prevClose - 1)).toFixed(1)}%).${i.observed ? ` Observed (reference lines): previous close ${usd(i.observed.prevClose)}, open ${usd(i.observed.open)}, low ${usd(i.observed.low)}, close ${usd(i.observed.close)} (${(100 * (i.observed.close / i.observed.prevClose - 1)).toFixed(1)}%).` : ''}`
    : '';

  const belief = d.beliefs.length ? renderSvg(echarts, beliefChart(d.beliefs), CHART_WIDTH, chartHeight('belief', Math.min(2, d.beliefs.length)), 'belief') : null;
  const beliefCaption = `For each class that reads the news, the mean over its traders of their value estimate V&#770; (docs/model.md: the naive and informed readings heard, weighted by the class's information gap), in dollars, beside the mid price; every 5 minutes of each session, the mean over ${seedsText} (beliefs.csv). A class valuing the stock below its price wants to sell.`;

  const f = d.flows;
  const flows = f ? renderSvg(echarts, flowsChart(f, n), CHART_WIDTH, chartHeight('flows'), 'flows') : null;
  const si = f ? f.dates.indexOf(f.shockDate) : -1;
  const retailSim = f?.classes.find((c) => c.name === 'retail')?.netUsd[si];
  const flowsCaption = f
    ? `Net dollars bought (bought minus sold, at real scale) by each class in ${escapeHtml(f.symbol)}, per session, mean over ${seedsText}. <strong>Net sellers on ${escapeHtml(f.shockDate)}: ${escapeHtml(f.netSellers.join(', ') || 'none')}.</strong>${retailSim !== undefined ? ` Simulated retail that day: ${millions(retailSim)}.` : ''}${f.observed.map((o) => ` Record: ${escapeHtml(classLabel(o.class))} ${millions(o.netUsd)} on ${escapeHtml(o.date)} (${escapeHtml(o.source)}): retail were net buyers, against the article's story of retail panic selling.`).join('')}`
    : '';

  const s = d.news;
  const spread = s ? renderSvg(echarts, spreadChart(s), CHART_WIDTH, chartHeight('spread', s.classes.length), 'spread') : null;
  const spreadCaption = `For each class, the share of its traders that have heard each reading of each event (news.csv, mean over ${seedsText}), every 5 minutes of each session: the naive "fewer GPUs" reading and the "Jevons" reading of DeepSeek-R1 (src/scenario/readings.ts), and the capex confirmations. Hearing a reading moves a trader's value estimate (chart above).`;

  const missingSeries = 'Not recorded: this run directory has no beliefs.csv / news.csv (runs recorded before these files existed, or a scenario without news). Re-run with shocklab run --out.';
  const hashes = d.seeds.map((x) => `seed ${x.seed}: <code>${escapeHtml(x.tapeHash)}</code>`).join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>shocklab report: ${escapeHtml(d.scenario)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>shocklab report: ${escapeHtml(d.scenario)}</h1>
<p class="intro">A simulated market run of the scenario <strong>${escapeHtml(d.scenario)}</strong> (symbols ${d.symbols.map(escapeHtml).join(', ')}), ${seedsText}, put beside the observed record where there is one. Prices are in dollars. Tape hashes (the same seed gives the same hash): ${hashes}.</p>
<h2>Daily bars</h2>
${figure('chart-daily', daily, dailyCaption, 'No sessions in run.json.')}
<h2>The shock session, minute by minute</h2>
${figure('chart-intraday', intraday, intradayCaption, 'No bars.csv with a close_usd column in the seed directories.')}
<h2>What each class thinks it is worth</h2>
${figure('chart-belief', belief, beliefCaption, missingSeries)}
<h2>Who bought and who sold</h2>
${figure('chart-flows', flows, flowsCaption, 'No class traded the first symbol.')}
<h2>How the news spread</h2>
${figure('chart-spread', spread, spreadCaption, missingSeries)}
<h2>The economy's readings</h2>
<p>Each reading of each event is the compute economy evaluated with the event's content and the reading's parameter changes, against the scenario's economy before (src/scenario/readings.ts, <code>shocklab economy</code>); only the value ratios reach the market.</p>
${readingsTable(d)}
<h2>Audit of the article's claims</h2>
${auditTable(d.audit)}
</body>
</html>
`;
}
