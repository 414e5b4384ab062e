// Argument checks shared by the compute-economy functions: each failure is a UnitError (a
// RangeError) whose message names the parameter and the offending value.
import { UnitError } from '../core/index.ts';

/** `x` as a finite number, or an error naming `field`. */
export function finite(field: string, x: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new UnitError(field, x, 'a finite number');
  return x;
}

/** `x` as a finite number > 0. */
export function positive(field: string, x: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0) throw new UnitError(field, x, 'a finite number > 0');
  return x;
}

/** `x` as a finite number >= 0. */
export function nonNegative(field: string, x: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) throw new UnitError(field, x, 'a finite number >= 0');
  return x;
}

/** `x` as a finite number in [lo, hi]. */
export function inRange(field: string, x: number, lo: number, hi: number): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < lo || x > hi) {
    throw new UnitError(field, x, `a finite number in [${lo}, ${hi}]`);
  }
  return x;
}
