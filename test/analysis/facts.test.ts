// The stylized facts: the Gaussian control fails heavy tails, kurtosis and clustering (the facts
// can fail); a GJR-GARCH positive control passes them; returns never span a day boundary; each
// fact's estimate on hand-made series.
import { describe, expect, it } from 'vitest';
import { stylizedFacts, FACTS, type DaySeries } from '../../src/analysis/facts.ts';
import { gaussianControl } from '../../src/analysis/gaussian-control.ts';
import { pearson } from '../../src/analysis/correlation.ts';
import { logReturns } from '../../src/analysis/returns.ts';
import { garchSeeds } from './garch.ts';

const byId = (r: ReturnType<typeof stylizedFacts>) => Object.fromEntries(r.facts.map((f) => [f.id, f]));
const fact = (id: string) => FACTS.find((f) => f.id === id)!;

describe('stylized facts', () => {
  it('lists the six facts of targets.md with their bands', () => {
    expect(FACTS.map((f) => [f.id, f.band])).toEqual([
      ['no-autocorrelation', 'each |.| < 0.1'],
      ['heavy-tails', '2 to 5'],
      ['kurtosis', '1-min > 1, falling as the horizon grows'],
      ['volatility-clustering', 'all > 0.05, and lag 30 below lag 1'],
      ['volume-volatility', '> 0.2'],
      ['leverage', '< 0'],
    ]);
  });

  it('the Gaussian control fails heavy tails, kurtosis, clustering and volume-volatility (but not autocorrelation)', () => {
    for (const seed of [1, 2, 3]) {
      const r = byId(stylizedFacts(gaussianControl({ seed, days: 10 })));
      expect(r['heavy-tails'].pass, `seed ${seed}`).toBe(false);
      expect(r['heavy-tails'].pooled.values.alpha as number).toBeGreaterThan(5);
      expect(r['kurtosis'].pass).toBe(false);
      expect(r['volatility-clustering'].pass).toBe(false);
      expect(r['volatility-clustering'].seedsInBand).toBe(0);
      expect(r['volume-volatility'].pass).toBe(false);
      expect(r['no-autocorrelation'].pass).toBe(true);
    }
  });

  it('a GJR-GARCH control with t innovations passes heavy tails, clustering, volume-volatility, leverage and no-autocorrelation', () => {
    const report = stylizedFacts(garchSeeds(1));
    const r = byId(report);
    for (const id of ['no-autocorrelation', 'heavy-tails', 'volatility-clustering', 'volume-volatility', 'leverage']) expect(r[id].pass, id).toBe(true);
    // kurtosis: pooled estimate in band (large at 1 min, falling), per-seed 30-min kurtosis too noisy for 8 of 10
    expect(r['kurtosis'].pooled.inBand).toBe(true);
    expect(report.pass).toBe(r['kurtosis'].pass);
    expect(report.seeds).toBe(10);
    expect(report.days).toBe(300);
  });

  it('never takes a return across a day boundary: rescaling one day (by 8, exactly) changes nothing', () => {
    const seeds = gaussianControl({ seed: 4, seeds: 1, days: 2 });
    const [d0, d1] = seeds[0].days;
    const scaled: DaySeries = { mid: Array.from(d1.mid, (x) => x * 8), volume: d1.volume };
    for (const f of FACTS) expect(f.evaluate([d0, scaled]).values, f.id).toEqual(f.evaluate([d0, d1]).values);
    expect(fact('volume-volatility').evaluate([d0, d1]).values.pairs).toBe(2 * 389);
  });

  it('estimates volume-volatility and leverage on hand-made series', () => {
    const mid = [100, 101, 100, 102, 102, 99];
    const absR = [1, 2, 3, 4, 5].map((m) => Math.abs(Math.log(mid[m] / mid[m - 1])));
    const e = fact('volume-volatility').evaluate([{ mid, volume: [0, ...absR.map((a) => 10 + 1000 * a)] }]);
    expect(e.values.correlation).toBeCloseTo(1, 12);
    expect(e.inBand).toBe(true);
    // leverage: the sum over k of corr(r_t, |r_t+k|) over one day's 5-min returns, pair by pair
    const day = gaussianControl({ seed: 9, seeds: 1, minutes: 391 })[0].days[0];
    const r5 = logReturns(day.mid, 5);
    let sum = 0;
    for (let k = 1; k <= 10; k++) sum += pearson(r5.slice(0, r5.length - k), r5.slice(k).map(Math.abs));
    expect(r5).toHaveLength(78);
    expect(fact('leverage').evaluate([day]).values.sum).toBeCloseTo(sum, 12);
  });

  it('refuses a day whose volumes do not match its mids', () => {
    expect(() => stylizedFacts([{ name: 's', days: [{ mid: [1, 2], volume: [1] }] }])).toThrow(/2 mids but 1 volumes/);
  });
});
