// The keys of a dotted path into a plain object ("agents.retail.count", "symbols.0.name"), as
// `--set` and fitted parameters name fields. A key that would reach an object's prototype
// (__proto__, prototype, constructor) is refused: setting through it would change every object
// of the process instead of one field.
const PROTOTYPE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** The first key of `path` that is not a field name (it reaches a prototype), or null. */
export function prototypeKeyIn(path: string): string | null {
  for (const k of path.split('.')) if (PROTOTYPE_KEYS.has(k)) return k;
  return null;
}

/** The keys of `path`; throws a RangeError naming the path when one reaches a prototype. */
export function pathKeys(path: string): string[] {
  const bad = prototypeKeyIn(path);
  if (bad !== null) throw new RangeError(`${path}: ${JSON.stringify(bad)} is not a field name`);
  return path.split('.');
}
