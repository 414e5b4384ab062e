// The GPU rental market. Supply is the installed base, fixed within a year; the value of a
// GPU-hour v is the price at which demand equals the hours available (or the operating cost if
// demand falls short). The surplus over the operating cost c is split by a Nash bargaining weight
// beta: the rental price is r = c + beta (v - c) (beta = 1: the price clears the market and
// follows the value of a GPU-hour). Break-even rental: the price at which a new accelerator pays
// back its system cost over its life at the owner's cost of capital.
import { dexp, dlog, dpow } from '../core/detmath.ts';
import { ConvergenceError } from './bertrand.ts';
import { outputPerInputSpend } from './chain.ts';
import { inRange, nonNegative, positive } from './checks.ts';

export const HOURS_PER_YEAR = 8760;

/** Anything that gives GPU-hours demanded at a rental price and leaves -dlnH/dlnr in `lastElasticity`. */
export interface HoursDemand {
  hours(price: number): number;
  readonly lastElasticity: number;
}

export interface RentalOutcome {
  /** Value of the marginal GPU-hour ($): the market-clearing price, or c when supply is slack. */
  value: number;
  /** Rental price paid ($ per GPU-hour). */
  price: number;
  /** GPU-hours used (billions). */
  hours: number;
  /** hours / capacity. */
  utilisation: number;
  iterations: number;
}

/** Clear the market for `capacity` GPU-hours (billions). */
export function clearRental(demand: HoursDemand, capacity: number, operatingCost: number, ownerWeight: number, guess = 1): RentalOutcome {
  positive('capacity', capacity);
  nonNegative('rental.operatingCost', operatingCost);
  inRange('rental.ownerWeight', ownerWeight, 0, 1);
  const floor = Math.max(operatingCost, 1e-9);
  const atFloor = demand.hours(floor);
  if (atFloor <= capacity) {
    return { value: floor, price: floor, hours: atFloor, utilisation: atFloor / capacity, iterations: 0 };
  }
  const target = dlog(capacity);
  let lo = dlog(floor);
  let hi = Infinity;
  let y = Math.max(dlog(Math.max(guess, floor)), lo);
  let f = dlog(demand.hours(dexp(y))) - target;
  let it = 1;
  while (Math.abs(f) > 1e-13) {
    if (it >= 200) throw new ConvergenceError('GPU rental market clearing', it, Math.abs(f));
    if (f > 0) lo = y;
    else hi = y;
    const eta = demand.lastElasticity;
    let next = eta > 0 ? y + f / eta : NaN;
    if (!(next > lo && next < hi)) next = hi === Infinity ? lo + Math.max(1, 2 * (y - lo)) : 0.5 * (lo + hi);
    if (next === y) break;
    y = next;
    f = dlog(demand.hours(dexp(y))) - target;
    it++;
  }
  const value = dexp(y);
  const price = operatingCost + ownerWeight * (value - operatingCost);
  return { value, price, hours: capacity, utilisation: 1, iterations: it };
}

/** Annuity factor: yearly payment per dollar over `life` years at rate i. */
export function annuityFactor(rate: number, life: number): number {
  nonNegative('rental.costOfCapital', rate);
  positive('rental.lifeYears', life);
  return rate === 0 ? 1 / life : rate / (1 - dpow(1 + rate, -life));
}

/**
 * Break-even rental ($ per GPU-hour) of a new H100-equivalent bought at `acceleratorPrice` ($):
 * c + price * systemCostMultiple * annuity(i, L) / (8760 * utilisation).
 */
export function breakevenRental(acceleratorPrice: number, systemCostMultiple: number, costOfCapital: number, lifeYears: number, utilisation: number, operatingCost: number): number {
  positive('acceleratorPrice', acceleratorPrice);
  positive('rental.systemCostMultiple', systemCostMultiple);
  inRange('rental.utilisation', utilisation, Number.MIN_VALUE, 1);
  nonNegative('rental.operatingCost', operatingCost);
  return operatingCost + (acceleratorPrice * systemCostMultiple * annuityFactor(costOfCapital, lifeYears)) / (HOURS_PER_YEAR * utilisation);
}

export interface GpuHourShock {
  /** Value of a GPU-hour after / before, with supply fixed (C16's "price follows value"). */
  rentalMultiplier: number;
  /** Output (tokens at equal capability) per rental dollar after / before: E / rentalMultiplier. */
  outputPerRentalDollar: number;
  /** Token price after / before: rentalMultiplier / E. */
  tokenPriceMultiplier: number;
  /** Owner's surplus per GPU-hour after / before, with operating cost share `costShare` of the old price. */
  ownerSurplusMultiplier: number;
  assumption: string;
}

/**
 * The article's GPU-hour arithmetic (C16) from the same pieces as the full model: inference
 * demand with constant elasticity eps, supply fixed, an efficiency gain E. Demand at an unchanged
 * price rises by E^(eps - 1); to clear the same hours the price must rise by E^(1 - 1/eps).
 */
export function gpuHourShock(efficiency: number, elasticity: number, costShare = 0): GpuHourShock {
  positive('efficiency', efficiency);
  positive('elasticity', elasticity);
  inRange('costShare', costShare, 0, 1 - Number.EPSILON);
  const rentalMultiplier = dpow(efficiency, 1 - 1 / elasticity);
  return {
    rentalMultiplier,
    outputPerRentalDollar: outputPerInputSpend(efficiency, rentalMultiplier),
    tokenPriceMultiplier: rentalMultiplier / efficiency,
    ownerSurplusMultiplier: (rentalMultiplier - costShare) / (1 - costShare),
    assumption: 'inference only, constant elasticity, installed base fixed (short run), owner weight 1 (price clears the market)',
  };
}
