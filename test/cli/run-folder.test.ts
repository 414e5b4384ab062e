// What a run folder keeps besides the seeds (`shocklab run --out DIR`): scenario.resolved.yaml
// (the scenario after --set, which `shocklab run FILE --seed N` turns back into seed N's tape)
// and command.txt (the command as typed); every CSV names its columns' units. And numeric flags
// given a negative number: one plain line naming flag, range and value, exit 2, nothing written.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { shocklab, shocklabInProcess } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'run-folder-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a run folder', () => {
  const out = join(tmp, 'nested', 'zi');
  const args = ['run', '--preset', 'zi-smoke', '--seed', '7', '--seeds', '2', '--set', 'agents.zeroIntelligence.count=30', '--set', 'name=zi small', '--out', out, '--json'];
  const r = shocklab(args);
  const report = JSON.parse(r.stdout) as { seeds: { seed: number; tapeHash: string }[] };

  it('holds run.json, scenario.resolved.yaml, command.txt and one folder per seed', () => {
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['command.txt', 'run.json', 'scenario.resolved.yaml', 'seed-7', 'seed-8']);
    expect(readFileSync(join(out, 'command.txt'), 'utf8')).toBe(`shocklab run --preset zi-smoke --seed 7 --seeds 2 --set agents.zeroIntelligence.count=30 --set 'name=zi small' --out ${out} --json\n`);
    expect(readdirSync(join(tmp, 'nested'))).toEqual(['zi']);
  });

  it('scenario.resolved.yaml carries the --set overrides and reproduces each seed\'s tape hash', async () => {
    const yaml = join(out, 'scenario.resolved.yaml');
    const resolved = parseYaml(readFileSync(yaml, 'utf8'));
    expect(resolved.name).toBe('zi small');
    expect(resolved.agents.zeroIntelligence.count).toBe(30);
    for (const s of report.seeds) {
      const again = await shocklabInProcess(['run', yaml, '--seed', String(s.seed), '--json']);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout).seeds[0].tapeHash).toBe(s.tapeHash);
    }
    // the override mattered: the preset itself prints another tape
    const plain = await shocklabInProcess(['run', '--preset', 'zi-smoke', '--seed', '7', '--json']);
    expect(JSON.parse(plain.stdout).seeds[0].tapeHash).not.toBe(report.seeds[0].tapeHash);
  });

  it('writes CSV headers that name every column\'s unit', () => {
    const header = (f: string) => readFileSync(join(out, 'seed-7', f), 'utf8').split('\n')[0];
    expect(header('bars.csv')).toBe('day,minute,symbol,open_ticks,high_ticks,low_ticks,close_ticks,mid_ticks,open_usd,high_usd,low_usd,close_usd,mid_usd,volume_lots,volume_shares,trades,value_cents');
    expect(header('trades.csv')).toBe('time_ns,symbol,price_ticks,price_usd,qty_lots,qty_shares,maker,taker,taker_side');
    expect(header('quotes.csv')).toBe('time_ns,symbol,bid_ticks,ask_ticks,mid_ticks,bid_usd,ask_usd,mid_usd');
    expect(header('flows.csv')).toBe('day,minute,symbol,class,net_lots,net_shares,net_cents,net_real_cents');
    const sides = new Set(readFileSync(join(out, 'seed-7', 'trades.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(',')[8]));
    expect(sides).toEqual(new Set(['buy', 'sell']));
  });
});

describe('numeric flags given a negative number', () => {
  it('get one plain line naming the flag, its range and the value (exit 2), and write nothing', async () => {
    const target = join(tmp, 'never');
    const cases: [string[], string | RegExp][] = [
      [['run', '--preset', 'zi-smoke', '--seed', '-1', '--out', target], 'shocklab run: --seed must be a whole number >= 0, got -1'],
      [['run', '--preset', 'zi-smoke', '--seeds', '-2', '--out', target], 'shocklab run: --seeds must be a whole number from 1 to 10000, got -2'],
      [['run', '--preset', 'zi-smoke', '--workers', '-3'], 'shocklab run: --workers must be a whole number from 1 to 256, got -3'],
      [['run', '--preset', 'zi-smoke', '--seed', 'abc'], 'shocklab run: --seed must be a whole number >= 0, got abc'],
      [['calibrate', '--preset', 'deepseek-2025', '--targets', 'examples/deepseek-2025.targets.yaml', '--seeds', '-1', '--dry-run'], 'shocklab calibrate: --seeds must be a whole number from 1 to 100, got -1'],
      [['calibrate', '--preset', 'deepseek-2025', '--targets', 'examples/deepseek-2025.targets.yaml', '--max-evals', '-5', '--dry-run'], 'shocklab calibrate: --max-evals must be a whole number from 1 to 10000, got -5'],
      [['demo', '--seeds', '-2'], /^shocklab demo: --seeds must be a whole number (>= 0|from 1 to \d+), got -2\n$/],
      [['facts', tmp, '--min-seeds', '-1'], 'shocklab facts: --min-seeds must be a whole number from 1 to 1000000, got -1'],
      [['run', '--preset', 'zi-smoke', '--out', '-x'], 'shocklab run: --out needs a value, got the option -x'],
    ];
    for (const [args, line] of cases) {
      const r = await shocklabInProcess(args);
      expect(r.code, args.join(' ')).toBe(2);
      if (typeof line === 'string') expect(r.stderr, args.join(' ')).toBe(`${line}\n`);
      else expect(r.stderr, args.join(' ')).toMatch(line);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(target)).toBe(false);
    // a negative number where one is allowed still reaches the flag
    const letf = await shocklabInProcess(['economy', 'letf', '--aum', '100', '--leverage', '-1', '--return', '-0.1', '--json']);
    expect(letf.code).toBe(0);
    expect(JSON.parse(letf.stdout).trade).toBeCloseTo(-20, 12);
  });
});
