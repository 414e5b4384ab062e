// Buyers' budgets: hyperscaler capex as the spend constraint on accelerators.
//   capex(base)     = hyperscalersBase * (1 + otherBuyersRatio)
//   capex(base + 1) = (hyperscalersNext + stargatePerYear * stargateRealisation) * (1 + otherBuyersRatio)
//   capex(t)        = capex(t - 1) * (1 + growth)                      for later years
//   budget(t)       = capex(t) * acceleratorShare * clamp(pi(t) / pi_plan(t), 1/cap, cap)^kappa
// where pi = rental price / break-even rental measures how well GPUs pay and pi_plan is the path
// the capex plans were made on (a pre-shock evaluation): buyers spend more when renting out
// compute pays better than planned, and less when it pays worse. Without a plan the ratio is 1.
import { dpow } from '../core/detmath.ts';
import type { EconomyParams } from './params.ts';

/** The capex path (all buyers, $B) for `years` years from the base year. */
export function capexPath(c: EconomyParams['capex'], years: number): number[] {
  const out: number[] = new Array(years);
  const others = 1 + c.otherBuyersRatio;
  for (let t = 0; t < years; t++) {
    if (t === 0) out[t] = c.hyperscalersBase * others;
    else if (t === 1) out[t] = (c.hyperscalersNext + c.stargatePerYear * c.stargateRealisation) * others;
    else out[t] = out[t - 1] * (1 + c.growth);
  }
  return out;
}

/** Accelerator budget ($B) from the year's capex and the profitability surprise pi(t) / pi_plan(t). */
export function acceleratorBudget(c: EconomyParams['capex'], capex: number, profitability: number): number {
  const clamped = Math.min(Math.max(profitability, 1 / c.responseCap), c.responseCap);
  return capex * c.acceleratorShare * dpow(clamped, c.response);
}
