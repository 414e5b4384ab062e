// The claims audit: its table agrees with docs/claims.md, the verdict rule, the t-interval, and
// whole audits of a small DeepSeek week whose verdicts flip when the input changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallWeek } from './small-week.ts';
import { auditClaims, buildRun, claimDefinitions, completeRun, getPreset, meanInterval, parseScenario, seedReport, t975, verdictOf, type AuditJob, type ScenarioInput, type SeedReport } from '../../src/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');

let runs = 0;
async function serial(jobs: readonly AuditJob[]): Promise<SeedReport[]> {
  runs += jobs.length;
  return jobs.map((j) => {
    const r = buildRun(j.scenario, j.seed);
    completeRun(r);
    return seedReport(j.scenario, j.seed, r);
  });
}

describe('the claims table', () => {
  it('docs/claims.md lists every claim with the direction the code tests', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'claims.md'), 'utf8');
    const rows = new Map<string, string>();
    for (const line of doc.split('\n')) {
      const m = /^\| (C\d+) \|.*\| (-1|\+1) \|$/.exec(line);
      if (m) rows.set(m[1], m[2]);
    }
    const defs = claimDefinitions();
    expect([...rows.keys()]).toEqual(defs.map((c) => c.id));
    for (const c of defs) expect(rows.get(c.id)).toBe(c.direction > 0 ? '+1' : '-1');
    for (const id of ['C3', 'C5', 'C6', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14', 'C17', 'C18']) expect(rows.has(id)).toBe(true);
  });
});

describe('the verdict rule', () => {
  it('needs the interval off 0 on the claimed side and an effect of at least a point', () => {
    expect(verdictOf(-2, -3, -1, -1)).toBe('supported');
    expect(verdictOf(-0.5, -0.8, -0.2, -1)).toBe('inconclusive');
    expect(verdictOf(2, 1, 3, -1)).toBe('contradicted');
    expect(verdictOf(0.5, 0.2, 0.8, -1)).toBe('contradicted');
    expect(verdictOf(-2, -4, 0.1, -1)).toBe('inconclusive');
    expect(verdictOf(3, 2, 4, 1)).toBe('supported');
    expect(verdictOf(3, 2, 4, 1, false)).toBe('contradicted');
  });

  it('uses the t quantile of the sample size', () => {
    expect(t975(1)).toBeCloseTo(12.706, 3);
    expect(t975(7)).toBeCloseTo(2.365, 3);
    expect(t975(60)).toBeCloseTo(2.0003, 3);
    expect(t975(120)).toBeCloseTo(1.9799, 3);
    const e = meanInterval([1, 2, 3, 4]);
    expect(e.mean).toBe(2.5);
    expect(e.hi - e.mean).toBeCloseTo((3.182 * Math.sqrt(5 / 3)) / 2, 6);
  });
});

describe('economy claims (exact, no seeds)', () => {
  it('C9 is supported with elasticity above 1 and flips to contradicted when the scenario already has it below 1', async () => {
    const base = getPreset('deepseek-2025');
    const run = async () => {
      throw new Error('an economy claim must not run the market');
    };
    const a = (await auditClaims({ base, seeds: 2, claims: ['C9', 'C17'], run })).claims;
    expect(a.map((c) => c.verdict)).toEqual(['supported', 'supported']);
    expect(a[0].effect.seeds).toBe(0);
    expect(a[0].effect.lo).toBe(a[0].effect.mean);
    const low = { ...structuredClone(base), economy: { demand: { elasticity: 0.5 } } } as ScenarioInput;
    const b = (await auditClaims({ base: low, seeds: 2, claims: ['C9'], run })).claims[0];
    expect(b.verdict).toBe('contradicted');
    expect(b.effect.mean).toBeLessThan(0);
  });

  it('C17 has no effect when rivals already match NVIDIA in inference', async () => {
    const base = structuredClone(getPreset('deepseek-2025')) as ScenarioInput;
    (base as { economy: unknown }).economy = { competition: { amd: { inference: 4.13 }, asic: { inference: 4.13 } } };
    const c = (await auditClaims({ base, seeds: 2, claims: ['C17'], run: serial })).claims[0];
    expect(c.effect.mean).toBe(0);
    expect(c.verdict).toBe('inconclusive');
  });
});

describe('market claims on a small DeepSeek week', () => {
  it('pairs seeds, reads the event day, and C5 is contradicted by the record', async () => {
    runs = 0;
    const base = smallWeek(3);
    const r = await auditClaims({ base, seeds: 3, claims: ['C5', 'C14', 'C18'], run: serial });
    expect(runs).toBe(3 + 3 * 3);
    expect(r.eventDate).toBe('2025-01-27');
    expect(r.seeds).toEqual([1, 2, 3]);
    for (const c of r.claims) {
      expect(c.differences).toHaveLength(3);
      expect(c.effect.seeds).toBe(3);
      expect(c.effect.mean).toBeCloseTo(c.differences.reduce((a, x) => a + x, 0) / 3, 12);
      expect(c.effect.lo).toBeLessThanOrEqual(c.effect.mean);
      expect(c.effect.hi).toBeGreaterThanOrEqual(c.effect.mean);
      expect(c.treatment - c.control).toBeCloseTo(c.effect.mean, 9);
    }
    const c5 = r.claims.find((c) => c.id === 'C5')!;
    expect(c5.verdict).toBe('contradicted');
    expect(c5.evidence).toMatch(/\+\$562M/);
    // The same audit given the treatment runs (the whole week, as the demo has them) gives the same numbers.
    const whole = await serial([1, 2, 3].map((seed) => ({ scenario: parseScenario(base), seed })));
    runs = 0;
    const again = await auditClaims({ base, seeds: 3, claims: ['C5', 'C14', 'C18'], run: serial, baseline: whole });
    expect(runs).toBe(3 * 3);
    expect(again.claims.map((c) => c.differences)).toEqual(r.claims.map((c) => c.differences));
    // From a later first seed (as the demo audits the week's last seeds): seeds 2-3, the same pairs.
    runs = 0;
    const later = await auditClaims({ base, seeds: 2, firstSeed: 2, claims: ['C5', 'C14', 'C18'], run: serial, baseline: whole.slice(1) });
    expect(runs).toBe(3 * 2);
    expect(later.seeds).toEqual([2, 3]);
    expect(later.claims.map((c) => c.differences)).toEqual(r.claims.map((c) => c.differences.slice(1)));
    await expect(auditClaims({ base, seeds: 2, firstSeed: 2, claims: ['C5'], run: serial, baseline: whole })).rejects.toThrow(/seeds 2\.\.3/);
  });

  it('C14 flips to inconclusive with an exact zero when the scenario has no leveraged ETFs or margin to remove', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const s = smallWeek(3) as any;
    s.agents.leveragedEtfs = [];
    s.agents.retail.marginShare = 0;
    s.agents.fastMoney.maintenanceMargin = 0.0001;
    const c = (await auditClaims({ base: s, seeds: 2, claims: ['C14'], run: serial })).claims[0];
    expect(c.differences).toEqual([0, 0]);
    expect(c.verdict).toBe('inconclusive');
  });

  it('refuses a scenario without an efficiency event, and too few seeds', async () => {
    await expect(auditClaims({ base: getPreset('calm-day'), seeds: 2, claims: ['C10'], run: serial })).rejects.toThrow(/efficiency event/);
    await expect(auditClaims({ base: smallWeek(3), seeds: 1, claims: ['C10'], run: serial })).rejects.toThrow(/--seeds/);
    await expect(auditClaims({ base: smallWeek(3), seeds: 2, claims: ['C99'], run: serial })).rejects.toThrow(/unknown claim/);
  });
});
