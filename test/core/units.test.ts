// Unit constructors accept valid integers and reject bad values with a UnitError naming the field and the value.
import { describe, expect, it } from 'vitest';
import {
  cents,
  isNonNegativeInt,
  isPositiveInt,
  lots,
  nanos,
  NS_PER_HOUR,
  NS_PER_MINUTE,
  NS_PER_SECOND,
  secondsToNanos,
  ticks,
  UnitError,
} from '../../src/core/units.ts';

function thrown(f: () => unknown): UnitError {
  try {
    f();
  } catch (e) {
    if (e instanceof UnitError) return e;
    throw new Error(`expected a UnitError, got ${String(e)}`);
  }
  throw new Error('expected a UnitError, nothing was thrown');
}

const MAX = Number.MAX_SAFE_INTEGER;

type Ctor = (x: number, field?: string) => number;
// [name, constructor, default field, valid values, invalid values]
const table: Array<[string, Ctor, string, number[], number[]]> = [
  ['ticks', ticks, 'price', [1, 2, 100_000, MAX], [0, -0, -1, -MAX, NaN, 1.5, 0.5, 2 ** 53, Infinity, -Infinity]],
  ['lots', lots, 'qty', [1, 7, MAX], [0, -0, -3, NaN, 1.5, 2 ** 53, Infinity]],
  // time 0 is the run's start, so nanos accepts it; negatives are still refused
  ['nanos', nanos, 'time', [0, 1, NS_PER_HOUR, MAX], [-1, -MAX, NaN, 1.5, 2 ** 53, Infinity, -Infinity]],
  // cash may be zero or negative (debt); only non-integers and unsafe integers are refused
  ['cents', cents, 'cash', [0, 1, -1, -MAX, MAX, 123_456], [NaN, 1.5, -0.25, 2 ** 53, -(2 ** 53), Infinity]],
];

describe('unit constructors', () => {
  for (const [name, ctor, field, valid, invalid] of table) {
    it(`${name} returns valid values unchanged`, () => {
      for (const v of valid) expect(ctor(v)).toBe(v);
    });

    it(`${name} rejects ${invalid.join(', ')} with a UnitError naming "${field}" and the value`, () => {
      for (const v of invalid) {
        const e = thrown(() => ctor(v));
        expect(e).toBeInstanceOf(RangeError);
        expect(e.name).toBe('UnitError');
        expect(e.field).toBe(field);
        expect(Object.is(e.value, v)).toBe(true);
        expect(e.message.startsWith(`${field} must be `)).toBe(true);
        expect(e.message.endsWith(`got ${String(v)}`)).toBe(true);
      }
    });

    it(`${name} uses the field name it is given`, () => {
      const bad = 1.5;
      const e = thrown(() => ctor(bad, 'order.limitPrice'));
      expect(e.field).toBe('order.limitPrice');
      expect(e.message).toMatch(/^order\.limitPrice must be .*got 1\.5$/);
    });

    it(`${name} rejects non-numbers at run time, quoting strings`, () => {
      expect(thrown(() => ctor('5' as unknown as number)).message).toMatch(/got "5"$/);
      expect(thrown(() => ctor(null as unknown as number)).message).toMatch(/got null$/);
      expect(thrown(() => ctor(undefined as unknown as number)).message).toMatch(/got undefined$/);
      expect(thrown(() => ctor(5n as unknown as number)).message).toMatch(/got 5$/);
      expect(thrown(() => ctor({ a: 1 } as unknown as number)).message).toMatch(/got \{"a":1\}$/);
    });
  }

  it('the messages say what was expected', () => {
    expect(thrown(() => ticks(0)).message).toBe('price must be a positive integer number of ticks, got 0');
    expect(thrown(() => lots(-2)).message).toBe('qty must be a positive integer number of lots, got -2');
    expect(thrown(() => nanos(NaN)).message).toBe('time must be a non-negative integer number of nanoseconds, got NaN');
    expect(thrown(() => cents(2 ** 53)).message).toBe('cash must be an integer number of cents, got 9007199254740992');
  });
});

describe('predicates and conversions', () => {
  it('isPositiveInt and isNonNegativeInt', () => {
    expect([1, MAX].every(isPositiveInt)).toBe(true);
    expect([0, -1, 1.5, NaN, 2 ** 53, '1', null].some(isPositiveInt)).toBe(false);
    expect([0, 1, MAX].every(isNonNegativeInt)).toBe(true);
    expect([-1, 1.5, NaN, 2 ** 53, '0', undefined].some(isNonNegativeInt)).toBe(false);
  });

  it('secondsToNanos rounds to the nearest nanosecond and refuses negative times', () => {
    expect(secondsToNanos(0)).toBe(0);
    expect(secondsToNanos(1)).toBe(NS_PER_SECOND);
    expect(secondsToNanos(1.5)).toBe(1_500_000_000);
    expect(secondsToNanos(60)).toBe(NS_PER_MINUTE);
    expect(secondsToNanos(1e-9)).toBe(1);
    expect(secondsToNanos(1.4e-9)).toBe(1);
    expect(secondsToNanos(1.6e-9)).toBe(2);
    expect(thrown(() => secondsToNanos(-1)).message).toMatch(/^seconds must be .*got -1000000000$/);
    expect(thrown(() => secondsToNanos(NaN)).field).toBe('seconds');
    expect(() => secondsToNanos(1e7)).toThrow(UnitError); // 1e16 ns is beyond 2^53
  });

  it('time constants are consistent', () => {
    expect(NS_PER_MINUTE).toBe(60 * NS_PER_SECOND);
    expect(NS_PER_HOUR).toBe(3_600_000_000_000);
  });
});
