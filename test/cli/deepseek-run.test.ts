// `shocklab run --preset deepseek-2025 --json` end to end: one JSON document on stdout in the
// format later surfaces rely on (issue: the DeepSeek week), the last stderr line `N events in X s`;
// and every kind of bad news/calendar/economy input refused with one line, exit 2, nothing written.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVESTOR_CLASS_NAMES } from '../../src/agents/classes.ts';
import { getPreset } from '../../src/index.ts';
import { shocklab } from './helpers.ts';

describe('shocklab run --preset deepseek-2025 --json', () => {
  it('prints one JSON document with dated sessions in dollars, volume multiples, per-class flows summing to 0 and ETF fills', () => {
    const r = shocklab(['run', '--preset', 'deepseek-2025', '--seed', '3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^\d+ events in \d+\.\d+ s/);
    const doc = JSON.parse(r.stdout);
    expect(doc.scenario).toBe('deepseek-2025');
    expect(doc.seeds).toHaveLength(1);
    const seed = doc.seeds[0];
    expect(seed.seed).toBe(3);
    expect(seed.cancels).toBeGreaterThan(0);
    expect(Array.isArray(seed.flows)).toBe(true);
    const dates = ['2025-01-24', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'];
    expect(seed.days).toHaveLength(12);
    for (const d of seed.days) {
      for (const key of ['day', 'symbol', 'open', 'high', 'low', 'close', 'return', 'volumeLots', 'volumeShares', 'date', 'openUsd', 'highUsd', 'lowUsd', 'closeUsd', 'volumeMultiple', 'flows', 'letf']) expect(d).toHaveProperty(key);
      expect(d.date).toBe(dates[d.day]);
      expect(d.closeUsd).toBeCloseTo(d.close / 100, 10);
      const average = d.symbol === 'NVDA' ? 200_851_770 : 25_338_705;
      expect(d.volumeMultiple).toBeCloseTo(d.volumeShares / average, 12);
      expect(Object.keys(d.flows).sort()).toEqual([...INVESTOR_CLASS_NAMES].sort());
      let net = 0;
      for (const c of INVESTOR_CLASS_NAMES) {
        expect(Object.keys(d.flows[c]).sort()).toEqual(['netShares', 'netUsd']);
        net += d.flows[c].netShares;
      }
      expect(net).toBe(0);
      expect(Object.keys(d.letf).sort()).toEqual(['creationShares', 'rebalanceShares']);
      if (d.symbol === 'AVGO') expect(d.letf).toEqual({ rebalanceShares: 0, creationShares: 0 });
    }
    const nvda27 = seed.days.find((d: { symbol: string; day: number }) => d.symbol === 'NVDA' && d.day === 1);
    expect(nvda27.letf.rebalanceShares).toBeLessThan(0);
    expect(nvda27.letf.creationShares).toBeGreaterThan(0); // the ~$1.06B of inflows bought at the close
  }, 120_000);
});

describe('bad DeepSeek-week input: one line naming the field, exit 2, nothing written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shocklab-ds-'));
  const cases: [string, (s: Record<string, any>) => void, RegExp][] = [
    ['an unknown economy path in a reading', (s) => (s.news[0].readings[0].economy = { 'demand.nope': 1 }), /news\.0\.readings\.0\.economy\.demand\.nope: unknown parameter/],
    ['an unknown economy path in the economy section', (s) => (s.economy = { demand: { nope: 1 } }), /economy: unknown parameter demand\.nope/],
    ['an out-of-range economy value', (s) => (s.economy = { demand: { jumpPassThrough: 2 } }), /economy: parameter demand\.jumpPassThrough/],
    ['an unknown reading', (s) => (s.news[0].readings[0].name = 'bearish'), /news\.0\.readings\.0\.name/],
    ['an unknown class in a reading', (s) => (s.news[0].readings[0].classes = { hedgies: { share: 0.5 } }), /news\.0\.readings\.0\.classes/],
    ['an event after the run', (s) => (s.news[1].at = '2025-02-03T09:00-05:00'), /news\.1\.at: after the run's last session 2025-01-31/],
    ['a reading starting before the run', (s) => (s.news[0].readings[0].startsAt = '2025-01-21T09:00-05:00'), /news\.0\.readings\.0\.startsAt: outside the run/],
    ['a malformed date-time', (s) => (s.news[1].at = '24 Jan 2025'), /news\.1\.at: must be a date-time/],
    ['a price-like field in news', (s) => (s.news[0].readings[0].valueRatio = 0.7), /news\.0\.readings\.0\.valueRatio: news may not carry a price, return or value ratio/],
    ['a startDate on a weekend', (s) => (s.schedule.startDate = '2025-01-25'), /schedule\.startDate: is not a NYSE trading day.*2025-01-25/],
    ['a startDate on the 9 Jan 2025 closure', (s) => (s.schedule.startDate = '2025-01-09'), /schedule\.startDate: is not a NYSE trading day.*2025-01-09/],
    ['a symbol without a company', (s) => delete s.symbols[1].company, /symbols\.1\.company: every symbol needs its company/],
  ];
  for (const [name, edit, message] of cases) {
    it(`refuses ${name}`, () => {
      const s = getPreset('deepseek-2025') as Record<string, any>;
      edit(s);
      const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, JSON.stringify(s));
      const out = join(dir, `out-${name.replace(/\W+/g, '-')}`);
      const r = shocklab(['run', file, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(`${out}.partial-${process.pid}`)).toBe(false);
    });
  }
});
