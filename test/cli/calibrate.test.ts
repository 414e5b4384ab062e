// `shocklab calibrate` end to end: the dry run on the record's bars, short fits on a shrunk
// DeepSeek week (targets file and bars of another event), what it writes, Ctrl-C, and bad input
// refused with one line, exit 2 and nothing written.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/index.ts';
import { BIN, ROOT, shocklab } from './helpers.ts';

const BARS = join(ROOT, '..', 'shared', 'data', 'nvda-daily.csv');
const TARGETS = join(ROOT, 'examples', 'deepseek-2025.targets.yaml');

/** A scratch directory with the shrunk week (NVDA only, a tenth of the traders, 24 and 27 Jan) and a one-parameter list. */
function scratch(): { dir: string; scenario: string; params: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shocklab-calibrate-'));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const s = getPreset('deepseek-2025') as any;
  s.name = 'small-week';
  s.symbols = s.symbols.slice(0, 1);
  s.schedule.days = 3;
  s.news = s.news.slice(0, 2);
  for (const [k, n] of [['zeroIntelligence', 120], ['retail', 200], ['institutions', 12], ['fastMoney', 8], ['marketMakers', 2]] as const) s.agents[k].count = n;
  const scenario = join(dir, 'small-week.json');
  writeFileSync(scenario, JSON.stringify(s));
  const params = join(dir, 'params.yaml');
  writeFileSync(params, 'params:\n  - { path: agents.institutions.gaps.information, lo: 0.3, hi: 0.7 }\n  - { path: agents.institutions.sensitivity, lo: 0.2, hi: 3, scale: log }\n');
  return { dir, scenario, params };
}

describe('shocklab calibrate', () => {
  it('--help prints the usage, every flag and an example', () => {
    const r = shocklab(['calibrate', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--targets', '--bars', '--symbol', '--event', '--params', '--seeds', '--max-evals', '--out', '--dry-run', 'example:']) expect(r.stdout).toContain(flag);
  });

  it('--dry-run on NVDA\'s bars prints the 27 Jan moments and the parameters, and writes nothing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'shocklab-dry-')), 'fit');
    const r = shocklab(['calibrate', '--preset', 'deepseek-2025', '--bars', BARS, '--symbol', 'NVDA', '--event', '2025-01-27', '--dry-run', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/NVDA return 2025-01-27\s+-16\.97%/);
    expect(r.stdout).toMatch(/NVDA openGap 2025-01-27\s+-12\.49%/);
    expect(r.stdout).toMatch(/NVDA volumeMultiple 2025-01-27\s+4\.08x/);
    expect(r.stdout).toMatch(/NVDA return 2025-01-28\s+\+8\.93%/);
    expect(r.stdout).toContain('agents.institutions.gaps.information');
    expect(existsSync(out)).toBe(false);
    const t = shocklab(['calibrate', '--preset', 'deepseek-2025', '--targets', TARGETS, '--dry-run']);
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/NVDA retailNetUsd 2025-01-27\s+\+\$562M/);
  });

  it('fits another event\'s bars on the shrunk week: fit.json, and a fitted scenario that runs with the fitted value', () => {
    const { dir, scenario } = scratch();
    const params = join(dir, 'one.yaml');
    writeFileSync(params, 'params:\n  - { path: agents.institutions.gaps.information, lo: 0.3, hi: 0.7 }\n');
    const out = join(dir, 'nested', 'fit');
    // 3 Sep 2024 (NVDA -9.5%) is not a session of the week: it is compared with the week's shock session, 27 Jan.
    const r = shocklab(['calibrate', scenario, '--bars', BARS, '--symbol', 'NVDA', '--event', '2024-09-03', '--params', params, '--seeds', '1', '--max-evals', '3', '--check-seeds', '1', '--workers', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("compared with the run's shock session 2025-01-27");
    expect(r.stderr).toMatch(/evaluation 1\/4: objective/);
    const fit = JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8'));
    expect(fit.evaluations).toBe(4);
    expect(fit.moments.map((m: { label: string }) => m.label)).toEqual(['NVDA return 2025-01-27', 'NVDA openGap 2025-01-27', 'NVDA low 2025-01-27', 'NVDA volumeMultiple 2025-01-27', 'NVDA return 2025-01-28']);
    expect(fit.moments[0].target).toBeCloseTo(108.0 / 119.37 - 1, 2);
    expect(fit.objective.best).toBeLessThanOrEqual(fit.objective.start);
    expect(fit.identification.conditionNumber).toBe(1);
    expect(fit.check.seeds).toBe(1);
    expect(fit.commit).toMatch(/^[0-9a-f]{12}(\+changes)?$|^unknown$/);
    const value = fit.params[0].value;
    const yamlText = readFileSync(join(out, 'small-week.fitted.yaml'), 'utf8');
    expect(yamlText).toMatch(/^# small-week fitted by shocklab calibrate/);
    expect(parseYaml(yamlText).agents.institutions.gaps.information).toBe(value);
    const again = shocklab(['run', join(out, 'small-week.fitted.yaml'), '--seed', '1', '--json']);
    expect(again.code, again.stderr).toBe(0);
    const day = JSON.parse(again.stdout).seeds[0].days.find((d: { date: string }) => d.date === '2025-01-27');
    expect(day.return).toBeCloseTo(fit.check.moments[0].mean, 12);
  });

  it('Ctrl-C writes the best point found so far and exits 130', async () => {
    const { dir, scenario, params } = scratch();
    const out = join(dir, 'fit');
    // A target the week cannot reach, so the search is still running when Ctrl-C comes.
    writeFileSync(join(dir, 't.yaml'), 'targets:\n  - { moment: return, symbol: NVDA, date: 2025-01-27, value: -0.5 }\n');
    const child = spawn(process.execPath, [BIN, 'calibrate', scenario, '--targets', join(dir, 't.yaml'), '--params', params, '--seeds', '1', '--max-evals', '200', '--check-seeds', '0', '--workers', '1', '--out', out], { cwd: ROOT });
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        if (/evaluation 1\//.test(stderr)) child.kill('SIGINT');
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/interrupted: wrote the best point of \d+ evaluations/);
    const fit = JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8'));
    expect(fit.interrupted).toBe(true);
    expect(fit.evaluations).toBeGreaterThanOrEqual(1);
    expect(fit.evaluations).toBeLessThan(200);
    expect(existsSync(join(out, 'small-week.fitted.yaml'))).toBe(true);
  });

  it('refuses bad input with one line naming the field, exit 2, and writes nothing', () => {
    const { dir, scenario, params } = scratch();
    const out = join(dir, 'never');
    const file = (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    const lines = readFileSync(BARS, 'utf8').trim().split('\n');
    const gap = file('gap.csv', [lines[0], ...lines.slice(1, 30), ...lines.slice(31)].join('\n'));
    const highLow = file('highlow.csv', lines.map((l, i) => (i === 5 ? l.replace(/^([^,]+),([^,]+),([^,]+),([^,]+),/, '$1,$2,1.0,$4,') : l)).join('\n'));
    const bad: [string[], RegExp][] = [
      [['--bars', file('cols.csv', 'date,open,close\n2024-08-01,1,2\n'), '--symbol', 'NVDA', '--event', '2025-01-27'], /line 1: header must be/],
      [['--bars', gap, '--symbol', 'NVDA', '--event', '2025-01-27'], /line 31: trading day \d{4}-\d{2}-\d{2} is missing/],
      [['--bars', highLow, '--symbol', 'NVDA', '--event', '2025-01-27'], /line 6: high must be >= max\(open, close\)/],
      [['--bars', BARS, '--symbol', 'NVDA', '--event', '2024-08-15'], /needs at least 20 sessions before it/],
      [['--bars', BARS, '--symbol', 'NVDA', '--event', '2025-01-25'], /--event: 2025-01-25 is not a row of the bars/],
      [['--bars', BARS, '--symbol', 'TSLA', '--event', '2025-01-27'], /--symbol: TSLA is not a symbol of the scenario \(NVDA\)/],
      [['--bars', BARS, '--symbol', 'NVDA'], /--bars needs --event/],
      [['--targets', file('unknown.yaml', 'targets:\n  - { moment: sharpe, symbol: NVDA, date: 2025-01-27, value: 1 }\n')], /targets\.0\.moment: .*one of return, openGap/],
      [['--targets', TARGETS, '--params', file('p1.yaml', 'params:\n  - { path: agents.retail.nope, lo: 0, hi: 1 }\n')], /--params: agents\.retail\.nope = 0 \(a bound\) makes an invalid scenario: agents\.retail\.nope: unknown key/],
      [['--targets', TARGETS, '--params', file('p2.yaml', 'params:\n  - { path: agents.retail.pDip, lo: 0.5, hi: 0.1 }\n')], /params\.0: bounds must be finite with lo < hi \(got lo 0\.5, hi 0\.1\)/],
      [['--targets', TARGETS, '--params', file('p3.yaml', 'params:\n  - { path: news.0.readings.0.economy.demand.jumpPassThrough, lo: 0, hi: 1 }\n')], /cannot be fitted/],
      [['--targets', TARGETS, '--seeds', '0'], /--seeds must be a whole number from 1 to 100, got 0/],
      [['--targets', TARGETS, '--max-evals', 'NaN'], /--max-evals/],
      [['--targets', TARGETS, '--bars', BARS], /one of them/],
      [['--targets', TARGETS, '--wat'], /unknown option --wat; shocklab calibrate --help lists the options/],
    ];
    for (const [args, message] of bad) {
      // A --params in `args` comes after the default one: the last one given counts.
      const r = shocklab(['calibrate', scenario, '--params', params, ...args, '--out', out]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
    mkdirSync(join(dir, 'full'));
    const full = file('full/x', 'x');
    const r = shocklab(['calibrate', scenario, '--targets', TARGETS, '--params', params, '--out', join(dir, 'full')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('exists and is not empty');
    expect(readFileSync(full, 'utf8')).toBe('x');
  });

  it('schema targets and schema params print the JSON Schemas the files are checked against', () => {
    const t = shocklab(['schema', 'targets']);
    expect(t.code).toBe(0);
    const schema = JSON.parse(t.stdout);
    expect(JSON.stringify(schema)).toContain('letfRebalanceShare');
    const p = shocklab(['schema', 'params']);
    expect(JSON.parse(p.stdout).title).toBe('shocklab calibration parameters');
    expect(shocklab(['schema', 'nope']).code).toBe(2);
  });
});
