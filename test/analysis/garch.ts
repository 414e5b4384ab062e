// A positive control for the facts tests: GJR-GARCH(1,1) 1-minute returns with Student-t(6)
// innovations (heavy tails, clustering, leverage) and volume rising with |return|.
import { normal, poisson } from '../../src/core/distributions.ts';
import { stream } from '../../src/core/rng.ts';
import type { SeedSeries } from '../../src/analysis/facts.ts';

export function garchSeeds(seed: number, seeds = 10, days = 30, minutes = 390): SeedSeries[] {
  const out: SeedSeries[] = [];
  for (let i = 0; i < seeds; i++) {
    const rng = stream(seed, 'garch', i);
    const list = [];
    for (let d = 0; d < days; d++) {
      const mid: number[] = [];
      const volume: number[] = [];
      let lp = Math.log(10_000);
      let h = 1e-6;
      let prev = 0;
      for (let m = 0; m < minutes; m++) {
        if (m > 0) {
          h = 2e-8 + 0.07 * prev * prev + 0.06 * (prev < 0 ? prev * prev : 0) + 0.85 * h;
          let chi = 0;
          for (let j = 0; j < 6; j++) chi += normal(rng) ** 2;
          prev = (Math.sqrt(h) * normal(rng)) / Math.sqrt(chi / 6) / Math.sqrt(1.5);
          lp += prev;
        }
        mid.push(Math.exp(lp));
        volume.push(poisson(rng, 200 + 2e5 * Math.abs(prev)));
      }
      list.push({ mid, volume });
    }
    out.push({ name: `garch-${i}`, days: list });
  }
  return out;
}
