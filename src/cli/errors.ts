// Errors a user can fix: printed as one clear line (no stack trace) with exit code 2. Also the
// plain wording of node:util parseArgs errors and of numeric flags (`--seed -1` says "--seed must
// be a whole number >= 0, got -1", never parseArgs' "argument is ambiguous").

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A flag followed by something that starts with '-' (`--seeds -2`), met by a command that did not
 * pass its arguments to plainParseError: main() words it from the command's arguments.
 */
export class FlagValueError extends UsageError {
  constructor(readonly flag: string) {
    super(`${flag} needs a value`);
    this.name = 'FlagValueError';
  }
}

/** Exit code for bad input or usage. */
export const EXIT_USAGE = 2;

const NEGATIVE_NUMBER = /^-(\d|\.\d|Infinity)/;

/**
 * `--name -0.5` as `--name=-0.5`, so parseArgs hands the negative number to the flag (whose own
 * check then accepts it or names the allowed range) instead of calling it ambiguous.
 */
export function joinNegativeValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const b = args[i + 1];
    if (a.startsWith('--') && a !== '--' && !a.includes('=') && b !== undefined && NEGATIVE_NUMBER.test(b)) {
      out.push(`${a}=${b}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** The plain line for `flag` given a value that starts with '-' (its value looked up in `args`). */
export function flagValueMessage(flag: string, args: readonly string[]): string {
  const i = args.indexOf(flag);
  const value = i >= 0 ? args[i + 1] : undefined;
  if (value !== undefined && NEGATIVE_NUMBER.test(value)) return `${flag} must be a whole number >= 0, got ${value}`;
  return value === undefined ? `${flag} needs a value` : `${flag} needs a value, got the option ${value}`;
}

/**
 * A node:util parseArgs error as one plain line: "unknown option --x; shocklab CMD --help lists
 * the options", "--seed must be a whole number >= 0, got -1". Without `args`, a flag followed by
 * a value starting with '-' throws a FlagValueError for main() to word.
 */
export function plainParseError(e: Error, command: string, args?: readonly string[]): string {
  const ambiguous = /Option '(--[^' ]+)' argument is ambiguous/.exec(e.message);
  if (ambiguous) {
    if (args === undefined) throw new FlagValueError(ambiguous[1]);
    return flagValueMessage(ambiguous[1], args);
  }
  const missing = /Option '(--[^' ]+)(?: <value>)?' argument missing/.exec(e.message);
  if (missing) return `${missing[1]} needs a value; shocklab ${command} --help lists the options`;
  const unknown = /Unknown option '([^']+)'/.exec(e.message);
  return `${unknown ? `unknown option ${unknown[1]}` : e.message.split('. ')[0]}; shocklab ${command} --help lists the options`;
}

/**
 * A whole-number flag: `fallback` when absent, else an integer in [lo, hi]; anything else is one
 * line naming the flag, its range and the value given.
 */
export function wholeNumber(text: string | undefined, name: string, fallback: number, lo = 0, hi = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < lo || n > hi) {
    const tooBig = /^\d+$/.test(text.trim()) && n > hi;
    const range = hi !== Number.MAX_SAFE_INTEGER ? `from ${lo} to ${hi}` : tooBig ? `from ${lo} to 2^53 - 1 (${hi})` : `>= ${lo}`;
    throw new UsageError(`${name} must be a whole number ${range}, got ${text}`);
  }
  return n;
}

/** Seeds first..first+count-1 must all be exact integers (below 2^53). */
export function checkSeedRange(first: number, count: number): void {
  if (first > Number.MAX_SAFE_INTEGER - (count - 1)) throw new UsageError(`--seed ${first} with --seeds ${count}: the last seed would be past 2^53 - 1 (${Number.MAX_SAFE_INTEGER}); start at ${Number.MAX_SAFE_INTEGER - count + 1} at most`);
}
