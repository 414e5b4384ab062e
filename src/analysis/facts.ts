// The stylized facts of the targets table (Cont 2001), each with its statistic, its band and
// the pass rule, computed from plain per-minute series: for every seed, one or more days, each
// a mid-price per minute (ticks or any positive price) and a volume per minute. Returns are log
// mid-price returns taken inside one day only, never across a day or seed boundary; the pooled
// estimate pools the returns of every day of every seed (see acf.ts for pooled ACF).
//
//   no-autocorrelation     ACF of 5-min returns, lags 1-10            each |.| < 0.1
//   heavy-tails            Hill index, top 5% of |5-min returns|      2 to 5
//   kurtosis               excess kurtosis at 1, 5, 15, 30 min         1-min > 1, strictly falling with the horizon
//   volatility-clustering  ACF of |1-min returns|, lags 1-10           all > 0.05, and lag 30 < lag 1
//   volume-volatility      corr(1-min volume, |1-min return|)         > 0.2
//   leverage               sum_{k=1..10} corr(r_t, |r_t+k|), 5-min     < 0
//
// The 1-min return of minute m (m >= 1) runs from the mid at the end of minute m-1 to the mid at
// the end of minute m and is paired with minute m's volume.

import { acf, acfLags } from './acf.ts';
import { laggedCorrelation, PairStats } from './correlation.ts';
import { hill } from './hill.ts';
import { excessKurtosis } from './moments.ts';
import { passRule, type PassRuleOptions, type PassVerdict } from './pass-rule.ts';
import { absolute, logReturns, pooled } from './returns.ts';

/** One day of one seed: a mid-price and a volume per minute (same length). */
export interface DaySeries {
  mid: ArrayLike<number>;
  volume?: ArrayLike<number>;
}

/** One seed: its days, analysed separately and pooled. */
export interface SeedSeries {
  name: string;
  days: readonly DaySeries[];
}

export interface Estimate {
  /** The headline number(s), formatted. */
  estimate: string;
  /** Every number behind the estimate. */
  values: Record<string, number | number[]>;
  inBand: boolean;
}

export interface FactDefinition {
  id: string;
  fact: string;
  statistic: string;
  band: string;
  evaluate(days: readonly DaySeries[]): Estimate;
}

export interface FactResult extends PassVerdict {
  id: string;
  fact: string;
  statistic: string;
  band: string;
  pooled: Estimate;
  perSeed: (Estimate & { seed: string })[];
}

export interface FactsReport {
  seeds: number;
  days: number;
  facts: FactResult[];
  /** Every fact passed. */
  pass: boolean;
}

const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const returnsOf = (days: readonly DaySeries[], h: number): number[][] => days.map((d) => logReturns(d.mid, h));
const LAGS = 10;

export const FACTS: readonly FactDefinition[] = [
  {
    id: 'no-autocorrelation',
    fact: 'no linear autocorrelation',
    statistic: 'ACF of 5-min returns, lags 1-10',
    band: 'each |.| < 0.1',
    evaluate(days) {
      const a = acfLags(returnsOf(days, 5), LAGS);
      let worst = 0;
      for (let k = 1; k < a.length; k++) if (!(Math.abs(a[k]) <= Math.abs(a[worst]))) worst = k;
      return { estimate: `max |ACF| ${fmt(Math.abs(a[worst]))} (lag ${worst + 1})`, values: { acf: a }, inBand: a.every((x) => Math.abs(x) < 0.1) };
    },
  },
  {
    id: 'heavy-tails',
    fact: 'heavy tails',
    statistic: 'Hill tail index, top 5% of |5-min returns|',
    band: '2 to 5',
    evaluate(days) {
      const alpha = hill(absolute(pooled(returnsOf(days, 5))), 0.05);
      return { estimate: `alpha ${fmt(alpha, 2)}`, values: { alpha }, inBand: alpha >= 2 && alpha <= 5 };
    },
  },
  {
    id: 'kurtosis',
    fact: 'excess kurtosis, aggregational Gaussianity',
    statistic: 'excess kurtosis at 1, 5, 15, 30 min',
    band: '1-min > 1, falling as the horizon grows',
    evaluate(days) {
      const k = [1, 5, 15, 30].map((h) => excessKurtosis(pooled(returnsOf(days, h))));
      const falling = k[0] > k[1] && k[1] > k[2] && k[2] > k[3];
      return { estimate: k.map((x) => fmt(x, 2)).join(' > '), values: { kurtosis: k, horizons: [1, 5, 15, 30] }, inBand: k[0] > 1 && falling };
    },
  },
  {
    id: 'volatility-clustering',
    fact: 'volatility clustering',
    statistic: 'ACF of |1-min returns|, lags 1-10 (and 30)',
    band: 'all > 0.05, and lag 30 below lag 1',
    evaluate(days) {
      const abs = returnsOf(days, 1).map(absolute);
      const a = acfLags(abs, LAGS);
      const a30 = acf(abs, 30);
      const min = Math.min(...a.map((x) => (Number.isNaN(x) ? -Infinity : x)));
      return { estimate: `min ${fmt(min)}, lag 1 ${fmt(a[0])}, lag 30 ${fmt(a30)}`, values: { acf: a, lag30: a30 }, inBand: a.every((x) => x > 0.05) && a30 < a[0] };
    },
  },
  {
    id: 'volume-volatility',
    fact: 'volume-volatility',
    statistic: 'corr(1-min volume, |1-min return|)',
    band: '> 0.2',
    evaluate(days) {
      const p = new PairStats();
      for (const d of days) {
        if (d.volume === undefined) continue;
        const r = logReturns(d.mid, 1);
        for (let m = 1; m <= r.length; m++) p.add(d.volume[m], Math.abs(r[m - 1]));
      }
      const c = p.correlation();
      return { estimate: `corr ${fmt(c)}`, values: { correlation: c, pairs: p.n }, inBand: c > 0.2 };
    },
  },
  {
    id: 'leverage',
    fact: 'leverage effect',
    statistic: 'sum over k = 1..10 of corr(r_t, |r_t+k|), 5-min',
    band: '< 0',
    evaluate(days) {
      const r = returnsOf(days, 5);
      const abs = r.map(absolute);
      const terms: number[] = [];
      for (let k = 1; k <= LAGS; k++) terms.push(laggedCorrelation(r, abs, k));
      const sum = terms.reduce((a, b) => a + b, 0);
      return { estimate: `sum ${fmt(sum)}`, values: { sum, terms }, inBand: sum < 0 };
    },
  },
];

/** Evaluates every fact on the pooled days and on each seed, and applies the pass rule. */
export function stylizedFacts(seeds: readonly SeedSeries[], options: PassRuleOptions = {}): FactsReport {
  for (const s of seeds) {
    for (const d of s.days) {
      if (d.volume !== undefined && d.volume.length !== d.mid.length) throw new RangeError(`seed ${s.name}: a day has ${d.mid.length} mids but ${d.volume.length} volumes`);
    }
  }
  const all = seeds.flatMap((s) => s.days);
  const facts = FACTS.map((f): FactResult => {
    const pooledEstimate = f.evaluate(all);
    const perSeed = seeds.map((s) => ({ seed: s.name, ...f.evaluate(s.days) }));
    const verdict = passRule(pooledEstimate.inBand, perSeed.map((e) => e.inBand), options);
    return { id: f.id, fact: f.fact, statistic: f.statistic, band: f.band, pooled: pooledEstimate, perSeed, ...verdict };
  });
  return { seeds: seeds.length, days: all.length, facts, pass: facts.every((f) => f.pass) };
}
