// Seeds on every core (src/cli/seed-pool.ts): `run --seeds K --workers 2` prints the same bytes
// and writes the same files as `--workers 1`, in seed order; a bad --workers is refused.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shocklab } from './helpers.ts';

const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(dir.length)).sort();

describe('run --workers', () => {
  it('gives the same stdout and the same files with 1 and 2 workers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shocklab-pool-'));
    const one = shocklab(['run', '--preset', 'zi-smoke', '--seeds', '3', '--json', '--workers', '1', '--out', join(dir, 'a')]);
    const two = shocklab(['run', '--preset', 'zi-smoke', '--seeds', '3', '--json', '--workers', '2', '--out', join(dir, 'b')]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).seeds.map((s: { seed: number }) => s.seed)).toEqual([1, 2, 3]);
    const a = files(join(dir, 'a'));
    expect(a).toContain('/seed-3/trades.csv');
    expect(files(join(dir, 'b'))).toEqual(a);
    // every file is the same bytes but command.txt, the command as typed (its --workers and --out differ)
    for (const f of a.filter((x) => x !== '/command.txt')) expect(readFileSync(join(dir, 'b', f)).equals(readFileSync(join(dir, 'a', f))), f).toBe(true);
    expect(readFileSync(join(dir, 'b', 'command.txt'), 'utf8')).toBe(`shocklab run --preset zi-smoke --seeds 3 --json --workers 2 --out ${join(dir, 'b')}\n`);
  }, 120_000);

  it('refuses a worker count that is not a positive integer', () => {
    const r = shocklab(['run', '--preset', 'zi-smoke', '--seeds', '2', '--workers', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers must be a whole number from 1 to 256, got 0/);
  });
});

describe('run --help, --version and unknown options', () => {
  it('prints the usage of run with every option and an example, exit 0', () => {
    const r = shocklab(['run', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--preset', '--seed ', '--seeds', '--workers', '--set', '--out', '--json']) expect(r.stdout).toContain(flag);
    expect(r.stdout).toMatch(/example: shocklab run/);
  });

  it('prints the package version', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = shocklab(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`shocklab ${pkg.version}`);
  });

  it('answers an unknown option with one plain line, exit 2', () => {
    const r = shocklab(['run', '--preset', 'zi-smoke', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('shocklab run: unknown option --bogus; shocklab run --help lists the options (usage: shocklab run <FILE | --preset NAME> [--seeds K] [--json] [--out DIR])');
  });
});

describe('--help on every command', () => {
  const commands: string[][] = [['run'], ['demo'], ['facts'], ['schema'], ['preset'], ['economy'], ['book', 'replay']];
  for (const c of commands) {
    it(`shocklab ${c.join(' ')} --help prints its usage with an example, exit 0`, () => {
      const r = shocklab([...c, '--help']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^usage: shocklab /);
      if (c[0] !== 'economy') expect(r.stdout).toMatch(/example: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('answers an unknown option of book replay and facts in one plain line, exit 2, no stack trace', () => {
    for (const args of [['book', 'replay', '--bogus'], ['facts', '.', '--bogus']]) {
      const r = shocklab(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toMatch(new RegExp(`^shocklab ${args[0]}: unknown option --bogus; shocklab ${args[0]} --help lists the options \\(usage: shocklab ${args[0]} [^\n]+\\)$`));
    }
  });
});
