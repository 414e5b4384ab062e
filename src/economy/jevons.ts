// Jevons paradox with constant elasticity: how demand for an input (coal, GPU-hours) responds
// when the efficiency of turning it into a service rises by a factor E (article claim C9).
//
// With service demand Q = A P^-eps and service price P proportional to input price / E, the
// service used rises by E^eps and the input needed by E^eps / E = E^(eps - 1). The rebound
// (the share of the engineering saving taken back by more use) is R = eps in elasticity terms.
import { finite, positive } from './checks.ts';
import { dpow } from '../core/detmath.ts';

/** The five textbook rebound classes, by R = eps. */
export type ReboundClass = 'backfire' | 'full' | 'partial' | 'zero' | 'super-conservation';

export interface JevonsResult {
  /** Factor on input demand (e.g. GPU-hours): E^(eps - 1). */
  demandMultiplier: number;
  /** Factor on service demand (e.g. tokens): E^eps. */
  serviceMultiplier: number;
  /** Rebound R = eps. */
  rebound: number;
  class: ReboundClass;
}

/** Rebound class: R > 1 backfire, R = 1 full, 0 < R < 1 partial, R = 0 zero, R < 0 super-conservation. */
export function reboundClass(rebound: number): ReboundClass {
  finite('rebound', rebound);
  if (rebound > 1) return 'backfire';
  if (rebound === 1) return 'full';
  if (rebound > 0) return 'partial';
  if (rebound === 0) return 'zero';
  return 'super-conservation';
}

/**
 * Input-demand response to an efficiency factor `efficiency` (> 0) under constant price
 * elasticity `elasticity` of service demand (any finite value; negative means super-conservation).
 */
export function jevons(efficiency: number, elasticity: number): JevonsResult {
  positive('efficiency', efficiency);
  finite('elasticity', elasticity);
  return {
    demandMultiplier: dpow(efficiency, elasticity - 1),
    serviceMultiplier: dpow(efficiency, elasticity),
    rebound: elasticity,
    class: reboundClass(elasticity),
  };
}
