// `shocklab report`: a real two-session DeepSeek run (24 and 27 Jan 2025, two seeds) recorded with
// `shocklab run --out`, its new per-minute series (beliefs.csv, news.csv), and the one-file HTML
// page written from it: the five charts as inline SVG in order, nothing fetched from the network,
// captions computed from the data (net sellers, observed figures), the economy's readings, the
// audit table from a fixture, bad input as one line with exit 2 and nothing written. Also that the
// belief sampler only observes: the same tape hash and event count with and without it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRun, completeRun, getPreset, parseScenario, resolveNews } from '../../src/index.ts';
import { beliefSamplerOf } from '../../src/record/beliefs.ts';
import { parseCsv, classLabel } from '../../src/report/data.ts';
import type { SeedReport } from '../../src/scenario/report.ts';
import { shocklab, shocklabInProcess } from '../cli/helpers.ts';

export const AUDIT_FIXTURE = {
  seeds: [13, 14, 15, 16, 17, 18, 19, 20, 21, 22],
  claims: [
    { id: 'C5', claim: 'Retail investors panic-sold', experiment: 'retail off vs on', effect: { metric: 'retail net $ on 27 Jan', mean: 6.9e8, lo: 4.1e8, hi: 9.8e8, seeds: 10 }, verdict: 'contradicted', evidence: 'retail were net buyers in every seed' },
    { id: 'C10', claim: 'The naive reading alone moves the price down', experiment: 'jevons reading removed', effect: { metric: '27 Jan return', mean: -0.18, lo: -0.2, hi: -0.16, seeds: 10 }, verdict: 'supported', evidence: 'fall deepens <without> Jevons & stays' },
    { id: 'C14', claim: 'Leveraged ETFs drove the fall', verdict: 'inconclusive' },
  ],
};

let dir: string;
let run: string;
let reports: SeedReport[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shocklab-report-'));
  run = join(dir, 'week');
  // Two sessions; the news of 29 Jan (after them) left out.
  const news = (getPreset('deepseek-2025') as { news: unknown[] }).news.slice(0, 2);
  const r = shocklab(['run', '--preset', 'deepseek-2025', '--seeds', '2', '--set', 'schedule.days=2', '--set', `news=${JSON.stringify(news)}`, '--out', run, '--json']);
  expect(r.code, r.stderr).toBe(0);
  reports = (JSON.parse(r.stdout) as { seeds: SeedReport[] }).seeds;
  writeFileSync(join(dir, 'audit.json'), JSON.stringify(AUDIT_FIXTURE));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const CHART_IDS = ['chart-daily', 'chart-intraday', 'chart-belief', 'chart-flows', 'chart-spread'];

describe('beliefs.csv and news.csv', () => {
  it('hold every 5 minutes of each session the classes\' value estimates ($) and how far each reading has spread', () => {
    const b = parseCsv(readFileSync(join(run, 'seed-1', 'beliefs.csv'), 'utf8'), 'beliefs.csv');
    expect(b.header).toEqual(['day', 'minute', 'symbol', 'class', 'value_usd', 'mid_usd', 'last_usd']);
    // 2 sessions x 79 samples (minutes 0, 5, ..., 385 and the last, 389) x 2 symbols x 3 classes that read news
    expect(b.rows.length).toBe(2 * 79 * 2 * 3);
    expect([...new Set(b.rows.map((r) => Number(r[1])))]).toEqual([...Array.from({ length: 78 }, (_, i) => 5 * i), 389]);
    expect(new Set(b.rows.map((r) => r[3]))).toEqual(new Set(['institution', 'fast-money', 'retail']));
    for (const r of b.rows) {
      expect(Number(r[4])).toBeGreaterThan(50);
      expect(Number(r[4])).toBeLessThan(400);
    }
    // on 24 Jan (before the naive reading spreads) NVDA institutions value it near the pre-shock $142.62; by 27 Jan's close below it
    const nvdaInst = (day: number, minute: number) => Number(b.rows.find((r) => r[0] === String(day) && r[1] === String(minute) && r[2] === 'NVDA' && r[3] === 'institution')![4]);
    expect(nvdaInst(0, 0)).toBeGreaterThan(135);
    expect(nvdaInst(1, 389)).toBeLessThan(nvdaInst(0, 389) - 5);

    const n = parseCsv(readFileSync(join(run, 'seed-1', 'news.csv'), 'utf8'), 'news.csv');
    expect(n.header).toEqual(['day', 'minute', 'class', 'event', 'reading', 'heard_share']);
    const share = (day: number, minute: number, cls: string, reading: string) => Number(n.rows.find((r) => r[0] === String(day) && r[1] === String(minute) && r[2] === cls && r[3] === 'DeepSeek-R1' && r[4] === reading)![5]);
    const shares = n.rows.map((r) => Number(r[5]));
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...shares)).toBeLessThanOrEqual(1);
    // the naive reading starts spreading on Saturday 25 Jan: nobody has it on Friday, most have it by Monday's open
    for (const cls of ['institution', 'fast-money', 'retail']) {
      expect(share(0, 389, cls, 'naive')).toBe(0);
      expect(share(1, 0, cls, 'naive')).toBeGreaterThan(0.5);
    }
    // the Jevons reading starts at 09:30 on 27 Jan and spreads through the day among institutions
    expect(share(0, 389, 'institution', 'jevons')).toBe(0);
    expect(share(1, 389, 'institution', 'jevons')).toBeGreaterThan(share(1, 5, 'institution', 'jevons'));
  });

  it('the sampler only observes: same tape hash and event count as a run without it', () => {
    const s = parseScenario(getPreset('deepseek-2025'));
    s.schedule!.days = 1;
    const plain = buildRun(s, 4);
    expect(beliefSamplerOf(plain.recorder)).not.toBeNull();
    completeRun(plain, undefined, { beliefs: false }); // as an audit or a fit runs: no sampling
    const sampled = buildRun(s, 4);
    completeRun(sampled);
    const sampler = beliefSamplerOf(sampled.recorder)!;
    expect(sampler.count).toBe(79);
    expect(sampled.recorder.hash()).toBe(plain.recorder.hash());
    expect(sampled.kernel.events).toBe(plain.kernel.events);
    expect(sampled.recorder.count).toBe(plain.recorder.count);
    expect(beliefSamplerOf(plain.recorder)!.count).toBe(0);
  }, 120_000);
});

describe('shocklab report', () => {
  let html: string;
  beforeAll(async () => {
    const r = await shocklabInProcess(['report', run]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote .*report\.html \(2 seeds/);
    html = readFileSync(join(run, 'report.html'), 'utf8');
  }, 120_000);

  it('writes one self-contained page: no script, nothing from the network', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(readdirTmp(run)).toEqual([]);
  });

  it('has the five charts in order, each an SVG with drawn data before the next chart', () => {
    let from = 0;
    const at = CHART_IDS.map((id) => html.indexOf(`id="${id}"`));
    at.forEach((i, k) => {
      expect(i, CHART_IDS[k]).toBeGreaterThan(from);
      from = i;
    });
    CHART_IDS.forEach((id, k) => {
      const section = html.slice(at[k], k + 1 < at.length ? at[k + 1] : html.indexOf('<h2>', at[k]));
      expect(section, id).toMatch(/<svg[^>]*width="960"/);
      expect((section.match(/<path /g) ?? []).length, id).toBeGreaterThan(20);
      expect(section, id).toMatch(/<figcaption>.{80,}<\/figcaption>/s);
    });
  });

  it('shows the run: scenario, seeds and tape hashes; dollars, not ticks', () => {
    expect(html).toContain('<title>shocklab report: deepseek-2025</title>');
    expect(html).toContain('2 seeds');
    for (const r of reports) expect(html).toContain(`seed ${r.seed}: <code>${r.tapeHash}</code>`);
    // the daily chart's axis and the observed reference lines are in dollars
    expect(html).toContain('observed open $124.80');
    expect(html).toContain('observed low $116.70');
    expect(html).toContain('observed close $118.42');
    const mondayOpen = reports.reduce((a, r) => a + r.days.find((d) => d.date === '2025-01-27' && d.symbol === 'NVDA')!.openUsd, 0) / reports.length;
    expect(html).toContain(`open $${mondayOpen.toFixed(2)}`);
    expect(html).toMatch(/AVGO[^<]*forecast/);
  });

  it('names the net sellers of 27 Jan from the data and puts the record\'s retail buying beside them', () => {
    const mean = (cls: string) => reports.reduce((a, r) => a + r.days.find((d) => d.date === '2025-01-27' && d.symbol === 'NVDA')!.flows[cls as 'retail'].netUsd, 0) / reports.length;
    const sellers = ['noise', 'market-maker', 'institution', 'fast-money', 'retail', 'leveraged-etf']
      .filter((c) => mean(c) < 0)
      .sort((a, b) => mean(a) - mean(b))
      .map(classLabel);
    expect(sellers.length).toBeGreaterThan(0);
    expect(html).toContain(`Net sellers on 2025-01-27: ${sellers.join(', ')}.`);
    expect(html).toContain('net sellers on 01-27: ' + sellers.join(', '));
    expect(html).toContain('retail +$562M on 2025-01-27');
    const retail = mean('retail');
    expect(html).toContain(`Simulated retail that day: ${retail < 0 ? '-' : '+'}$${Math.abs(retail / 1e6).toLocaleString('en-US', { maximumFractionDigits: 0 })}M`);
  });

  it('tables the economy\'s value ratios per reading and symbol, of the scenario as run', () => {
    const preset = getPreset('deepseek-2025') as { news: unknown[] };
    // the run left the third event out (--set news=...): scenario.resolved.yaml says so, the preset does not
    const readings = resolveNews(parseScenario({ ...preset, news: preset.news.slice(0, 2) } as never)).readings;
    expect(readings.length).toBe(3);
    expect(html).not.toContain('Microsoft keeps');
    const table = html.slice(html.indexOf('<table id="table-readings">'), html.indexOf('</table>', html.indexOf('<table id="table-readings">')));
    expect((table.match(/<tr data-reading=/g) ?? []).length).toBe(readings.length);
    const naive = readings.find((r) => r.reading === 'naive')!;
    const jevons = readings.find((r) => r.reading === 'jevons')!;
    expect(naive.valueRatios[0]).toBeLessThan(jevons.valueRatios[0]);
    expect(table).toContain(`<td class="num">${Number(naive.valueRatios[0].toPrecision(4))}</td>`);
    expect(table).toContain(`<td class="num">${Number(jevons.valueRatios[1].toPrecision(4))}</td>`);
  });

  it('without --audit says how to get one; with it, one row per claim with verdict, effect and interval', async () => {
    expect(html).toContain('shocklab audit --preset deepseek-2025 --json &gt; audit.json');
    expect(html).not.toContain('data-claim=');
    const out = join(dir, 'with-audit', 'page.html');
    const r = await shocklabInProcess(['report', run, '--audit', join(dir, 'audit.json'), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(out, 'utf8');
    for (const c of AUDIT_FIXTURE.claims) expect((page.match(new RegExp(`<tr data-claim="${c.id}">`, 'g')) ?? []).length).toBe(1);
    const c10 = page.slice(page.indexOf('<tr data-claim="C10">'), page.indexOf('</tr>', page.indexOf('<tr data-claim="C10">')));
    expect(c10).toContain('class="verdict-supported">supported');
    expect(c10).toContain('27 Jan return: -0.18');
    expect(c10).toContain('[-0.2, -0.16] (10 seeds)');
    expect(c10).toContain('fall deepens &lt;without&gt; Jevons &amp; stays');
    expect(page).not.toContain('shocklab audit --preset deepseek-2025 --json &gt; audit.json');
    expect(page).toContain('on the same seeds 13-22 (common random numbers)');
  });

  it('gives the same bytes for the same run directory', async () => {
    const out = join(dir, 'again.html');
    expect((await shocklabInProcess(['report', run, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(html);
  });

  it('bad input is one line, exit 2, nothing written; --help lists every flag and an example', async () => {
    const missing = await shocklabInProcess(['report', join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^shocklab report: no such run directory: .*nope\n$/);
    const none = await shocklabInProcess(['report']);
    expect(none.code).toBe(2);
    writeFileSync(join(dir, 'bad-audit.json'), JSON.stringify({ claims: [{ id: 'C1', claim: 'x' }] }));
    const out = join(dir, 'bad.html');
    const bad = await shocklabInProcess(['report', run, '--audit', join(dir, 'bad-audit.json'), '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^shocklab report: .*bad-audit\.json: claims\.0\.verdict: .*\n$/);
    expect(existsSync(out)).toBe(false);
    const unknown = await shocklabInProcess(['report', run, '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const help = await shocklabInProcess(['report', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--audit FILE', '--out FILE', '-h, --help']) expect(help.stdout).toContain(flag);
    expect(help.stdout).toMatch(/^usage: shocklab report <run dir>/);
    expect(help.stdout).toMatch(/\nexample: shocklab /);
  });
});

/** Leftover temporary files of the atomic write in `d`. */
function readdirTmp(d: string): string[] {
  return readdirSync(d).filter((n) => n.includes('.tmp-'));
}
