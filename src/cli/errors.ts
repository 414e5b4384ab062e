// Errors a user can fix: printed as one clear line (no stack trace) with exit code 2.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit code for bad input or usage. */
export const EXIT_USAGE = 2;
