// `shocklab economy`: each calculator answers with the stated fields and the targets.md
// vectors, bad input is one clear line with exit 2, and the real binary runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';

const root = join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'economy-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty: false };
  const code = await main(['economy', ...args], io);
  return { code, out, err };
}
async function json(...args: string[]): Promise<any> {
  const r = await run(...args, '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}
const printed = (x: number, p: string) => Math.abs(x - Number(p)) <= 0.5 * 10 ** -(p.split('.')[1]?.length ?? 0);

describe('economy calculators', () => {
  it('jevons', async () => {
    const r = await json('jevons', '--efficiency', '10', '--elasticity', '1.5');
    expect(printed(r.demandMultiplier, '3.1623')).toBe(true);
    expect(r.rebound).toBe(1.5);
    expect(r.class).toBe('backfire');
    const t = await run('jevons', '--efficiency', '10', '--elasticity', '0.5');
    expect(t.out).toMatch(/partial/);
  });
  it('train-coal', async () => {
    const r = await json('train-coal', '--efficiency', '10', '--fuel-price', '2');
    expect(r.outputPerFuelSpend).toBe(5);
    expect(r.profitMultiplier).toBe(5);
    expect(typeof r.assumption).toBe('string');
    const fb = await json('train-coal', '--efficiency', '10', '--fuel-price', '2', '--reading', 'fixed-budget', '--margin', '0.25');
    expect(fb.profitMultiplier).toBeCloseTo((5 - 1 + 0.25) / 0.25, 12);
  });
  it('letf, including a negative return', async () => {
    expect(await json('letf', '--aum', '100', '--leverage', '3', '--return', '0.05')).toMatchObject({ trade: 30 });
    const r = await json('letf', '--aum', '1', '--leverage', '2', '--return', '-0.1697');
    expect(printed(r.trade, '-0.3394')).toBe(true);
  });
  it('bass', async () => {
    const r = await json('bass', '--p', '0.03', '--q', '0.38');
    expect(printed(r.peakTime, '6.19')).toBe(true);
    expect(printed(r.adoptionAtPeak, '0.4605')).toBe(true);
    expect(r.curve).toHaveLength(11);
  });
  it('compete', async () => {
    const r = await json('compete', '--alpha', '1', '--vendors', '[{"name":"A","quality":2,"cost":1},{"name":"B","quality":1,"cost":1}]');
    expect(r.vendors.map((v: any) => v.name)).toEqual(['A', 'B']);
    const e = r.vendors.map((v: any, j: number) => Math.exp([2, 1][j] - v.price));
    const denom = 1 + e[0] + e[1];
    r.vendors.forEach((v: any, j: number) => {
      const s = e[j] / denom;
      expect(Math.abs(v.share - s)).toBeLessThan(1e-12);
      expect(Math.abs(v.price - 1 - 1 / (1 - s))).toBeLessThan(1e-9);
      expect(v.margin).toBeCloseTo((v.price - 1) / v.price, 12);
    });
    expect(r.outside).toBeCloseTo(1 / denom, 12);
    expect(r.iterations).toBeGreaterThan(0);
    expect(r.residual).toBeLessThan(1e-9);
  });
  it('run writes a chart, says where, and reports the model', async () => {
    const dir = join(tmp, 'charts');
    const r = await run('run', '--out', dir, '--set', 'demand.elasticity=1.3', '--jump', '27', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(existsSync(join(dir, 'economy-run.svg'))).toBe(true);
    expect(r.err).toContain(join(dir, 'economy-run.svg'));
    expect(j.years[0]).toBe(2024);
    expect(j.nvda.valuePerShare).toBeGreaterThan(0);
    expect(j.avgo.quarterlyEarnings).toHaveLength(24);
    expect(j.segments.inference[0].margins).toHaveLength(4);
    expect(j.shock.jump).toBe(27);
    const table = await run('run', '--out', dir);
    expect(table.out).toMatch(/NVDA value per share/);
  });
  it('run reads a YAML scenario and reports its field path on error', async () => {
    const good = join(tmp, 'good.yaml');
    writeFileSync(good, 'demand:\n  elasticity: 1.4\n');
    const a = await json('run', good, '--out', tmp);
    const b = await json('run', '--set', 'demand.elasticity=1.4', '--out', tmp);
    expect(a.nvda.valuePerShare).toBe(b.nvda.valuePerShare);
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{"demand":{"elasticity":-2}}');
    const r = await run('run', bad, '--out', tmp);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/demand\.elasticity.*-2/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
  it('sweep', async () => {
    const r = await json('sweep', 'elasticity=1.1:1.3:0.1');
    expect(r.parameter).toBe('demand.elasticity');
    expect(r.points).toHaveLength(3);
    expect(r.points[0].nvdaValuePerShare).toBeGreaterThan(0);
  });
  it('bad input: one line naming the parameter, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['jevons', '--efficiency', 'abc', '--elasticity', '1'], /--efficiency.*"abc"/],
      [['jevons', '--efficiency', '10'], /--elasticity is required/],
      [['jevons', '--efficiency', '0', '--elasticity', '1'], /efficiency.*0/],
      [['compete', '--alpha', '1', '--vendors', '[]'], /vendors.*empty/],
      [['compete', '--alpha', 'NaN', '--vendors', '[{"name":"A","quality":1,"cost":1}]'], /alpha.*NaN/],
      [['run', '--set', 'demand.nothing=1'], /unknown parameter demand\.nothing/],
      [['run', '--set', 'demand.elasticity=abc'], /demand\.elasticity.*"abc"/],
      [['bogus'], /unknown calculator/],
      [['jevons', '--nope', '1'], /nope/],
    ];
    for (const [args, re] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(re);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('the real binary', () => {
  it('node bin/shocklab.js economy jevons --json', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin', 'shocklab.js'), 'economy', 'jevons', '--efficiency', '10', '--elasticity', '1.5', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ rebound: 1.5, class: 'backfire' });
    const bad = spawnSync(process.execPath, [join(root, 'bin', 'shocklab.js'), 'economy', 'letf', '--aum', '-5', '--leverage', '2', '--return', '0.1'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/aum.*-5/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:/);
  });
});
