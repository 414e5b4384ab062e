// `shocklab run`: same seed, byte-identical stdout; another seed, another tape; bad input exits 2.
import { describe, expect, it } from 'vitest';
import { shocklab } from './helpers.ts';

describe('shocklab run', () => {
  it('prints the same bytes for the same seed and a different tape for another', () => {
    const a = shocklab(['run', '--preset', 'zi-smoke', '--seed', '1']);
    const b = shocklab(['run', '--preset', 'zi-smoke', '--seed', '1']);
    const c = shocklab(['run', '--preset', 'zi-smoke', '--seed', '2']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const hash = (s: string) => /tape hash\s+([0-9a-f]{8})/.exec(s)?.[1];
    expect(hash(a.stdout)).toMatch(/^[0-9a-f]{8}$/);
    expect(hash(c.stdout)).not.toBe(hash(a.stdout));
    expect(Number(/trades\s+(\d+)/.exec(a.stdout)?.[1])).toBeGreaterThan(100);
    expect(a.stderr).toMatch(/events\/s/);
  });

  it('calm-day (sessions, auctions, all investor classes) twice with the same seed: the same bytes', () => {
    const a = shocklab(['run', '--preset', 'calm-day', '--seed', '1']);
    const b = shocklab(['run', '--preset', 'calm-day', '--seed', '1']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/tape hash [0-9a-f]{8}/);
    expect(a.stdout).toMatch(/retail/);
  });

  it('rejects an unknown preset, a bad seed, a bad --set and a run too long for exact nanoseconds with exit 2 and no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['run', '--preset', 'nope'], /unknown preset "nope"/],
      [['run', '--preset', 'zi-smoke', '--seed', 'abc'], /--seed must be a whole number >= 0, got abc/],
      [['run', '--preset', 'zi-smoke', '--set', 'agents.zeroIntelligence.count=-3'], /agents\.zeroIntelligence\.count.*-3/],
      [['run', '--preset', 'zi-smoke', '--set', 'agents.zeroIntelligence.colour=1'], /colour: unknown key/],
      [['run'], /give a scenario file or --preset/],
      [['run', '--preset', 'zi-smoke', '--seed', '9007199254740993'], /--seed must be a whole number from 0 to 2\^53 - 1 \(9007199254740991\), got 9007199254740993/],
      [['run', '--preset', 'zi-smoke', '--seed', '9007199254740991', '--seeds', '2'], /--seed 9007199254740991 with --seeds 2: the last seed would be past 2\^53 - 1/],
      [['run', '--preset', 'rmsc04', '--set', 'durationSeconds=1e9'], /durationSeconds: Too big: expected number to be <=8640000 \(got 1000000000\)/],
      [['run', '--preset', 'calm-day', '--set', 'schedule.days=100000'], /schedule\.days: .*at most 100 days.*\(got 100000\)/],
    ];
    for (const [args, message] of cases) {
      const r = shocklab(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  });
});
