// The Gaussian control of the stylized facts: mid-prices driven by i.i.d. normal 1-minute log
// returns and volumes drawn independently of them (Poisson). It has no heavy tails, no
// volatility clustering and no volume-volatility link, so the facts must fail on it; the test
// that they do shows the facts can fail. Seeded through core's streams: seed s, seed index i
// gives stream(s, 'gaussian-control', i).

import { normal, poisson } from '../core/distributions.ts';
import { stream } from '../core/rng.ts';
import type { SeedSeries } from './facts.ts';

export interface GaussianControlOptions {
  seed?: number;
  /** Independent seeds (default 10). */
  seeds?: number;
  /** Days per seed (default 1). */
  days?: number;
  /** Minutes per day (default 390, a US session). */
  minutes?: number;
  /** Standard deviation of 1-minute log returns (default 0.001). */
  sigma?: number;
  /** Opening mid of each day (default 10000 ticks). */
  open?: number;
  /** Mean volume per minute (default 1000 lots). */
  meanVolume?: number;
}

export function gaussianControl(options: GaussianControlOptions = {}): SeedSeries[] {
  const { seed = 1, seeds = 10, days = 1, minutes = 390, sigma = 0.001, open = 10000, meanVolume = 1000 } = options;
  const out: SeedSeries[] = [];
  for (let i = 0; i < seeds; i++) {
    const rng = stream(seed, 'gaussian-control', i);
    const list = [];
    for (let d = 0; d < days; d++) {
      const mid = new Array<number>(minutes);
      const volume = new Array<number>(minutes);
      let logp = Math.log(open);
      for (let m = 0; m < minutes; m++) {
        if (m > 0) logp += normal(rng, 0, sigma);
        mid[m] = Math.exp(logp);
        volume[m] = poisson(rng, meanVolume);
      }
      list.push({ mid, volume });
    }
    out.push({ name: `control-${i}`, days: list });
  }
  return out;
}
