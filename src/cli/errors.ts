// Errors a user can fix: printed as one clear line (no stack trace) with exit code 2.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit code for bad input or usage. */
export const EXIT_USAGE = 2;

/** A node:util parseArgs error as one plain line: "unknown option --x; shocklab CMD --help lists the options". */
export function plainParseError(e: Error, command: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(e.message);
  return `${unknown ? `unknown option ${unknown[1]}` : e.message.split('. ')[0]}; shocklab ${command} --help lists the options`;
}
