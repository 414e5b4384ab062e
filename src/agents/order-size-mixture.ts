// The order sizes of ABIDES's reference configuration (abides-markets models/order_size_model.py):
// a mixture, one component chosen by weight per order, its draw rounded to whole shares:
//   0.2   LogNormal(mu 2.9, sigma 1.2)          (median 18, mean 37)
//   0.7   Normal(100, 0.15)                     (100 shares)
//   then Normal(k x 100, 0.15), k = 2..10, with weights 0.06, 0.004, 0.0329, 0.001, 0.0006,
//   0.0004, 0.0005, 0.0003, 0.0003 (round lots of 200 ... 1000).
// The weights sum to 1 and the mean size is about 106. A size of 0 (lognormal below 0.5, 0.14%)
// means no order. Draws come from the caller's stream: the component's uniform, then its
// normal. Shared by the ABIDES noise, value and momentum agents.
import { dexp } from '../core/detmath.ts';
import { normal } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';

const WEIGHTS = [0.2, 0.7, 0.06, 0.004, 0.0329, 0.001, 0.0006, 0.0004, 0.0005, 0.0003, 0.0003];
/** Cumulative weights, the last set to 1 so every uniform lands in a component. */
const CUMULATIVE = WEIGHTS.map((_, i) => WEIGHTS.slice(0, i + 1).reduce((a, b) => a + b, 0));
CUMULATIVE[CUMULATIVE.length - 1] = 1;

/** One order size in shares (0 = no order). */
export function mixtureOrderSize(rng: RandomSource): number {
  const u = rng.nextFloat();
  let c = 0;
  while (u >= CUMULATIVE[c]) c++;
  const x = c === 0 ? dexp(normal(rng, 2.9, 1.2)) : normal(rng, c * 100, 0.15);
  return x <= 0 ? 0 : Math.round(x);
}
