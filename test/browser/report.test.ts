// The demo's report in a real browser: `shocklab demo` (2 seeds of the week, an audit of every
// claim over 2 seeds; the main job, smaller) writes out its report, and Chromium opens the file with
// the network blocked. Each of the five chart ids holds a drawn SVG (paths with a size on screen),
// the audit table has one row per claim of the demo's audit.json with its verdict, nothing is
// requested from outside the file and the console stays free of errors. A full-page screenshot
// goes to out/test-artifacts/report.png. The demo's seed 1 is the golden tape of `shocklab run`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { claimIds } from '../../src/index.ts';
import { ROOT, shocklab } from '../cli/helpers.ts';
import { launch } from './chromium.ts';
import { goldenHash } from '../scenario/golden-hashes.ts';

const CHART_IDS = ['chart-daily', 'chart-intraday', 'chart-belief', 'chart-flows', 'chart-spread'];
export const SCREENSHOT = join(ROOT, 'out', 'test-artifacts', 'report.png');

let dir: string;
let page: string;
let browser: Browser;

let demo: { code: number; stdout: string; stderr: string };
let audit: { claims: { id: string; verdict: string }[] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shocklab-report-browser-'));
  const out = join(dir, 'demo');
  demo = shocklab(['demo', '--seeds', '2', '--audit-seeds', '2', '--out', out]);
  expect(demo.code, demo.stderr).toBe(0);
  page = join(out, 'report.html');
  audit = JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8'));
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the demo', () => {
  it('prints the seeds it ran with the tape hashes of shocklab run, and ends with where the report is', () => {
    expect(demo.stdout).toMatch(new RegExp(`^seeds: 1:${goldenHash('deepseek-2025', 1)} 2:[0-9a-f]{8}$`, 'm'));
    const last = demo.stdout.trim().split('\n').slice(-2);
    expect(last[0]).toContain(page);
    expect(last[1]).toMatch(/open it in a browser/);
    expect(demo.stdout).toMatch(/^C5\s+contradicted/m);
  });
});

describe('the report in Chromium', () => {
  it('draws five charts and the audit table offline, without console errors', async () => {
    const p = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    const outside: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    p.on('pageerror', (e) => errors.push(e.message));
    await p.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await p.goto(pathToFileURL(page).href);
    const charts = await p.evaluate((ids) =>
      ids.map((id) => {
        const el = document.getElementById(id);
        const svg = el?.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return { id, found: el !== null, paths: svg?.querySelectorAll('path').length ?? 0, width: box?.width ?? 0, height: box?.height ?? 0, texts: svg?.querySelectorAll('text').length ?? 0 };
      }),
    CHART_IDS);
    for (const c of charts) {
      expect(c.found, c.id).toBe(true);
      expect(c.paths, c.id).toBeGreaterThan(20);
      expect(c.width, c.id).toBeGreaterThan(600);
      expect(c.height, c.id).toBeGreaterThan(200);
      expect(c.texts, c.id).toBeGreaterThan(5);
    }
    // document order: each chart's svg before the next chart's id
    const ordered = await p.evaluate((ids) => ids.every((id, i) => i === 0 || (document.getElementById(ids[i - 1])!.compareDocumentPosition(document.getElementById(id)!) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0), CHART_IDS);
    expect(ordered).toBe(true);
    const rows = await p.evaluate(() => Array.from(document.querySelectorAll('tr[data-claim]')).map((tr) => [tr.getAttribute('data-claim'), tr.children.length, tr.children[2].textContent]));
    expect(rows.map((r) => r[0])).toEqual(claimIds());
    expect(rows).toEqual(audit.claims.map((c) => [c.id, 6, c.verdict]));
    expect(rows.find((r) => r[0] === 'C5')![2]).toBe('contradicted');
    expect(await p.locator('#table-readings tr[data-reading]').count()).toBeGreaterThan(1);
    mkdirSync(join(ROOT, 'out', 'test-artifacts'), { recursive: true });
    await p.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await p.close();
  });
});
