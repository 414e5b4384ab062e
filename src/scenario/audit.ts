// The accounting audit run at the end of every run: shares and cash summed over every account
// (traders, funds, passive holders) must equal what they started with plus what came in from
// outside the market (fund creations, margin loans are inside: they are negative cash). Exact
// integer comparison; a breach is an error, never a warning.

/** An account the audit sums over: a position per symbol (lots) and cash (cents). */
export interface Account {
  readonly position: ArrayLike<number>;
  readonly cash: number;
}

export interface AuditSnapshot {
  /** Total lots per symbol over all accounts. */
  shares: number[];
  /** Total cash over all accounts, in cents. */
  cash: number;
}

export class AuditError extends Error {
  constructor(readonly breaches: string[]) {
    super(`accounting audit failed: ${breaches.join('; ')}`);
    this.name = 'AuditError';
  }
}

/** Totals over accounts (exact while totals stay below 2^53). */
export function snapshotAccounts(accounts: readonly Account[], symbols: number): AuditSnapshot {
  const shares = new Array<number>(symbols).fill(0);
  let cash = 0;
  for (const a of accounts) {
    for (let s = 0; s < symbols; s++) shares[s] += a.position[s];
    cash += a.cash;
  }
  for (const x of [...shares, cash]) if (!Number.isSafeInteger(x)) throw new AuditError([`a total left the exact integer range: ${x}`]);
  return { shares, cash };
}

/**
 * Checks `after` = `before` + `external` exactly, symbol by symbol and for cash; throws
 * AuditError listing every breach.
 */
export function auditAccounts(before: AuditSnapshot, after: AuditSnapshot, external: AuditSnapshot, symbolNames: readonly string[]): void {
  const breaches: string[] = [];
  for (let s = 0; s < before.shares.length; s++) {
    const expected = before.shares[s] + external.shares[s];
    if (after.shares[s] !== expected) breaches.push(`${symbolNames[s] ?? `symbol ${s}`}: ${after.shares[s]} lots held, expected ${expected} (${before.shares[s]} at start + ${external.shares[s]} from outside)`);
  }
  const expectedCash = before.cash + external.cash;
  if (after.cash !== expectedCash) breaches.push(`cash: ${after.cash} cents held, expected ${expectedCash} (${before.cash} at start + ${external.cash} from outside)`);
  if (breaches.length) throw new AuditError(breaches);
}
