// Demand for compute in H100-equivalent GPU-hours, split into inference and training.
//
// Inference: token demand per adopted user has price elasticity eps. Constant form:
//   T(x) = x^-eps, x = token price relative to the base year.
// Saturating form (elasticity falls from eps towards 0 as the token price falls below h):
//   T(x) = (1 + h^-eps) / (1 + (x/h)^eps),   elasticity eps (x/h)^eps / (1 + (x/h)^eps).
// Both are normalised to T(1) = 1. Users adopt by Bass diffusion: N(t) = F(t) / F(base).
// The token price follows compute cost / efficiency (the markup is constant and cancels):
// x = (r / r0) / E, so inference GPU-hours are
//   H_inf(r) = H_inf0 N T(x) / E      (constant form: proportional to E^(eps - 1), Jevons).
// A one-off jump J may reach token prices only in part (demand.jumpPassThrough = p in [0, 1]):
// users then see x = (r / r0) / (E_trend J^p) while GPU-hours still fall by the whole E. p = 1 is
// the full Jevons response; p = 0 the static reading of C8 ("the same work needs J x fewer GPUs",
// nobody uses more AI because it got cheaper).
// Training: labs spend a budget B(t) = B0 g^(t - base) E^theta on compute for capability (C9),
//   H_train(r) = B / r.
import { dpow } from '../core/detmath.ts';
import { finite, positive } from './checks.ts';

export type DemandForm = 'constant' | 'saturating';

/** Token demand per user at relative token price x, normalised to 1 at x = 1. */
export function tokenDemand(form: DemandForm, elasticity: number, x: number, saturationPrice: number): number {
  positive('elasticity', elasticity);
  positive('price', x);
  if (form === 'constant') return dpow(x, -elasticity);
  positive('saturationPrice', saturationPrice);
  return (1 + dpow(saturationPrice, -elasticity)) / (1 + dpow(x / saturationPrice, elasticity));
}

/** Point elasticity (-dlnT/dlnx) of token demand at relative price x. */
export function tokenDemandElasticity(form: DemandForm, elasticity: number, x: number, saturationPrice: number): number {
  if (form === 'constant') return elasticity;
  const k = dpow(x / saturationPrice, elasticity);
  return (elasticity * k) / (1 + k);
}

/**
 * GPU-hour demand in one year as a function of the rental price r. Fields are set per year;
 * `hours` also leaves the total's elasticity (-dlnH/dlnr) in `lastElasticity`, for Newton steps.
 */
export class ComputeDemand {
  form: DemandForm = 'constant';
  elasticity = 1;
  saturationPrice = 1;
  /** Base-year rental price r0 ($ per GPU-hour). */
  basePrice = 1;
  /** Base-year inference GPU-hours at r0 (billions). */
  inferenceBase = 0;
  /** Adopted users relative to the base year. */
  adoption = 1;
  /** Tokens per GPU-hour at equal capability relative to the base year. */
  efficiency = 1;
  /** Efficiency as seen in token prices (below `efficiency` when a jump is not passed through). */
  priceEfficiency = 1;
  /** Training compute budget this year ($ billion). */
  trainingBudget = 0;
  lastInference = 0;
  lastTraining = 0;
  lastElasticity = 0;

  set(form: DemandForm, elasticity: number, saturationPrice: number, basePrice: number, inferenceBase: number, adoption: number, efficiency: number, trainingBudget: number, priceEfficiency = efficiency): this {
    this.form = form;
    this.elasticity = positive('demand.elasticity', elasticity);
    this.saturationPrice = positive('demand.saturationPrice', saturationPrice);
    this.basePrice = positive('rental.basePrice', basePrice);
    this.inferenceBase = finite('inferenceBase', inferenceBase);
    this.adoption = finite('adoption', adoption);
    this.efficiency = positive('efficiency', efficiency);
    this.priceEfficiency = positive('priceEfficiency', priceEfficiency);
    this.trainingBudget = finite('trainingBudget', trainingBudget);
    return this;
  }

  /** Total GPU-hours demanded at rental price r (billions). */
  hours(r: number): number {
    const x = r / this.basePrice / this.priceEfficiency;
    const inf = (this.inferenceBase * this.adoption * tokenDemand(this.form, this.elasticity, x, this.saturationPrice)) / this.efficiency;
    const train = this.trainingBudget / r;
    const total = inf + train;
    this.lastInference = inf;
    this.lastTraining = train;
    this.lastElasticity = total > 0 ? (inf * tokenDemandElasticity(this.form, this.elasticity, x, this.saturationPrice) + train) / total : 0;
    return total;
  }
}

/** Training budget in a year: B0 * growth^(t - base) * E^theta. */
export function trainingBudget(base: number, growth: number, years: number, efficiency: number, theta: number): number {
  return base * dpow(growth, years) * dpow(efficiency, theta);
}
