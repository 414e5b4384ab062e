// Numeric codes the book speaks in: sides, time in force, self-trade prevention modes and the
// status of an operation, with the names used in JSON and error messages.

export const BUY = 0;
export const SELL = 1;
export type SideCode = 0 | 1;

export const GTC = 0;
export const IOC = 1;
export const FOK = 2;
export type TifCode = 0 | 1 | 2;
export const TIF_NAMES = ['GTC', 'IOC', 'FOK'] as const;

/** Self-trade prevention, applied when taker and maker have the same non-zero owner. */
export const STP_NONE = 0;
export const STP_EXPIRE_MAKER = 1;
export const STP_EXPIRE_TAKER = 2;
export type StpCode = 0 | 1 | 2;
export const STP_NAMES = ['none', 'expire_maker', 'expire_taker'] as const;
export type StpName = (typeof STP_NAMES)[number];

/** Outcome of a book operation: OK (0) or the reason it was rejected. */
export const Status = {
  OK: 0,
  INVALID_ID: 1,
  INVALID_SIDE: 2,
  INVALID_PRICE: 3,
  INVALID_QTY: 4,
  INVALID_TIF: 5,
  DUPLICATE_ID: 6,
  UNKNOWN_ORDER: 7,
  FOK_NOT_FILLABLE: 8,
  POST_ONLY_WOULD_CROSS: 9,
} as const;
export type StatusCode = (typeof Status)[keyof typeof Status];

/** Status code -> its name ("OK", "DUPLICATE_ID", ...). */
export const STATUS_NAMES: readonly string[] = Object.keys(Status);

export function stpCode(name: string): StpCode {
  const i = (STP_NAMES as readonly string[]).indexOf(name);
  if (i < 0) throw new RangeError(`stp must be one of ${STP_NAMES.join(', ')}, got ${JSON.stringify(name)}`);
  return i as StpCode;
}
