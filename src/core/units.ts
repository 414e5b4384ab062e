// Branded units: integer ticks, lots, nanoseconds and cents, so a price can never be added to a
// size by mistake. Brands exist only for the type checker; at run time each is a plain number.

declare const brand: unique symbol;
/** A number that the type checker tells apart from other numbers by its tag. */
export type Nominal<T, Tag extends string> = T & { readonly [brand]: Tag };

/** Price in integer ticks (a positive safe integer for an order). */
export type Ticks = Nominal<number, 'Ticks'>;
/** Size in integer lots. */
export type Lots = Nominal<number, 'Lots'>;
/** Time in integer nanoseconds from the run's start. */
export type Nanos = Nominal<number, 'Nanos'>;
/** Money in integer cents. */
export type Cents = Nominal<number, 'Cents'>;
/** Order id: a positive safe integer, unique for a book's lifetime. */
export type OrderId = Nominal<number, 'OrderId'>;
/** Agent id: a non-negative integer index into the kernel's agent table. */
export type AgentId = Nominal<number, 'AgentId'>;

export const NS_PER_US = 1_000;
export const NS_PER_MS = 1_000_000;
export const NS_PER_SECOND = 1_000_000_000;
export const NS_PER_MINUTE = 60 * NS_PER_SECOND;
export const NS_PER_HOUR = 60 * NS_PER_MINUTE;

/** Thrown when a value does not fit its unit; the message names the field and the value. */
export class UnitError extends RangeError {
  constructor(readonly field: string, readonly value: unknown, expected: string) {
    super(`${field} must be ${expected}, got ${describe(value)}`);
    this.name = 'UnitError';
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** True for a safe integer greater than zero. */
export function isPositiveInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x > 0;
}

/** True for a safe integer greater than or equal to zero. */
export function isNonNegativeInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

export function ticks(x: number, field = 'price'): Ticks {
  if (!isPositiveInt(x)) throw new UnitError(field, x, 'a positive integer number of ticks');
  return x as Ticks;
}

export function lots(x: number, field = 'qty'): Lots {
  if (!isPositiveInt(x)) throw new UnitError(field, x, 'a positive integer number of lots');
  return x as Lots;
}

export function nanos(x: number, field = 'time'): Nanos {
  if (!isNonNegativeInt(x)) throw new UnitError(field, x, 'a non-negative integer number of nanoseconds');
  return x as Nanos;
}

export function cents(x: number, field = 'cash'): Cents {
  if (typeof x !== 'number' || !Number.isSafeInteger(x)) throw new UnitError(field, x, 'an integer number of cents');
  return x as Cents;
}

/** Whole seconds (possibly fractional input) to integer nanoseconds, rounded to nearest. */
export function secondsToNanos(seconds: number): Nanos {
  return nanos(Math.round(seconds * NS_PER_SECOND), 'seconds');
}
