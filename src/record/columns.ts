// Growable typed-array columns: the one helper every columnar recorder table uses to double its
// capacity, so appends cost no allocation until a column is full.

/** A numeric typed array this module can grow. */
export type NumericColumn = Float64Array | Int32Array | Uint8Array;

/** A copy of `x` with capacity at least `need` (doubling), contents preserved; `x` when it fits. */
export function grown<T extends NumericColumn>(x: T, need: number): T {
  if (need <= x.length) return x;
  let n = x.length > 0 ? x.length : 16;
  while (n < need) n *= 2;
  const y = new (x.constructor as new (n: number) => T)(n);
  y.set(x as never);
  return y;
}

/** Like `grown`, but the new tail is filled with `fill` (e.g. NaN for "no value"). */
export function grownFilled<T extends Float64Array>(x: T, need: number, fill: number): T {
  if (need <= x.length) return x;
  const old = x.length;
  const y = grown(x, need);
  y.fill(fill, old);
  return y;
}
