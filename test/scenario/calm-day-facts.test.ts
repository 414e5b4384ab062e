// The calm-day preset against the stylized facts of targets.md, under the pass rule (pooled
// estimate in band AND >= 8 of 10 seeds): 10 seeds of the full preset, one day each, on the
// 1-minute mid-price series; and the Gaussian control on the same-size input (10 seeds x 1 day x
// 390 minutes) fails heavy tails and clustering, so the facts can fail.
//
// Status (see the issue note): the preset is not calibrated to pass every fact yet; this test
// asserts what holds today (heavy tails and the leverage effect in band on the pooled sample)
// and that the Gaussian control fails. With one day per seed the per-seed part of the rule is
// very noisy (77 five-minute returns: each ACF lag has a standard error of ~0.11).
import { beforeAll, describe, expect, it } from 'vitest';
import { stylizedFacts, type FactsReport, type SeedSeries } from '../../src/analysis/facts.ts';
import { gaussianControl } from '../../src/analysis/gaussian-control.ts';
import { buildRun, completeRun, parseScenario } from '../../src/index.ts';
import { CALM_DAY } from '../../src/scenario/presets/calm-day.ts';

const SEEDS = 10;
const POOLED_IN_BAND = ['heavy-tails', 'leverage'] as const;

let report: FactsReport;
let minutes = 0;

beforeAll(() => {
  const sc = parseScenario(CALM_DAY);
  const seeds: SeedSeries[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const r = buildRun(sc, seed);
    completeRun(r);
    const b = r.recorder.bars;
    minutes = b.minutes;
    seeds.push({ name: String(seed), days: [{ mid: Array.from(b.mid.subarray(0, b.minutes)), volume: Array.from(b.volume.subarray(0, b.minutes)) }] });
  }
  report = stylizedFacts(seeds);
}, 120_000);

const fact = (id: string) => report.facts.find((f) => f.id === id)!;

describe('calm-day stylized facts (10 seeds x 1 day)', () => {
  it('records one US session per seed', () => {
    expect(report.seeds).toBe(SEEDS);
    expect(minutes).toBe(390);
  });

  // Pooled in band, but too few seeds (heavy tails 5 of 10, leverage 7 of 10).
  for (const id of POOLED_IN_BAND) it(`${id} is in band pooled`, () => expect(fact(id).pooled.inBand, fact(id).pooled.estimate).toBe(true));

  it('the Gaussian control of the same size fails heavy tails and clustering', () => {
    const control = stylizedFacts(gaussianControl({ seed: 1, seeds: SEEDS, days: 1, minutes }));
    const c = Object.fromEntries(control.facts.map((f) => [f.id, f]));
    expect(c['heavy-tails'].pass).toBe(false);
    expect(c['volatility-clustering'].pass).toBe(false);
  });
});
