// How an error message quotes a value it got: as JSON, except the numbers JSON cannot write
// (NaN, Infinity, -Infinity), which JSON.stringify would show as null.
export function shown(value: unknown): string {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
}
