// `shocklab audit` end to end: the JSON format on stdout alone (progress on stderr), the C5
// verdict the record decides, --out, and bad input answered with one line and exit 2.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shocklab } from './helpers.ts';

/** The DeepSeek week with a tenth of its traders (the audit shortens it to the sessions it reads). */
const SMALL = ['agents.zeroIntelligence.count=120', 'agents.retail.count=200', 'agents.institutions.count=12', 'agents.fastMoney.count=8', 'agents.marketMakers.count=2'].flatMap((s) => ['--set', s]);
const dir = mkdtempSync(join(tmpdir(), 'shocklab-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('shocklab audit', () => {
  it('prints only the JSON with --json, in the documented format, and writes the same to --out', () => {
    const out = join(dir, 'nested', 'audit.json');
    const r = shocklab(['audit', '--preset', 'deepseek-2025', '--seed', '7', '--seeds', '2', '--claims', 'C5,C9,C13', '--json', '--workers', '2', '--out', out, ...SMALL]);
    expect(r.stderr).toMatch(/seed-runs on 2 workers/);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.seeds).toEqual([7, 8]);
    expect(json.claims.map((c: { id: string }) => c.id)).toEqual(['C5', 'C9', 'C13']);
    for (const c of json.claims) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'claim', 'experiment', 'effect', 'verdict', 'evidence']));
      expect(Object.keys(c.effect)).toEqual(['metric', 'mean', 'lo', 'hi', 'seeds']);
      expect(['supported', 'contradicted', 'inconclusive']).toContain(c.verdict);
      expect(c.effect.lo).toBeLessThanOrEqual(c.effect.hi);
    }
    expect(json.claims[0].verdict).toBe('contradicted');
    expect(json.claims[0].effect.seeds).toBe(2);
    expect(json.claims[1].effect.seeds).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
  });

  it('prints a table without --json', () => {
    const r = shocklab(['audit', '--claims', 'C9,C17', '--seeds', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^C9\s+supported\s+\+\d/m);
    expect(r.stdout).toMatch(/effect = with the mechanism - without/);
  });

  it('answers bad input with one line, exit 2, and writes nothing', () => {
    const out = join(dir, 'bad.json');
    for (const args of [
      ['--claims', 'C99'],
      ['--seeds', '1'],
      ['--seeds', '-3'],
      ['--seeds', 'many'],
      ['--seed', '-1'],
      ['--preset', 'calm-day', '--claims', 'C10'],
      ['--preset', 'nope'],
      ['--workers', '0'],
      ['--bogus'],
    ]) {
      const r = shocklab(['audit', ...args, '--out', out]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^shocklab audit: /);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('has --help with every flag and an example', () => {
    const r = shocklab(['audit', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--preset', '--seeds', '--claims', '--json', '--out', '--workers', '--set', 'example:']) expect(r.stdout).toContain(flag);
  });
});
