// Valuation: yearly figures spread over quarters, and a discounted-cash-flow value per share.
//  - Quarters: a year's total Y_t is split over its four quarters growing geometrically at
//    g = (Y_t / Y_{t-1})^(1/4), weights g^(k - 2.5) for k = 1..4 normalised to sum to Y_t (equal
//    quarters when either year is not positive).
//  - DCF from the valuation date (the start of the first forecast year): quarterly cash flow
//    k (0-based) is conversion * earnings, discounted by (1 + r)^-((k + 0.5) / 4); after the last
//    year a growing perpetuity of the last year's cash flow: CF_last (1 + g) / (r - g), discounted
//    from the end of the last year. Value per share = (PV + net cash) / shares.
import { dpow } from '../core/detmath.ts';
import { positive } from './checks.ts';

/** Split `current` over 4 quarters (written to out[offset..offset+3]) given the previous year's total. */
export function spreadOverQuarters(previous: number, current: number, out: number[], offset: number): void {
  if (previous > 0 && current > 0) {
    const g = dpow(current / previous, 0.25);
    let sum = 0;
    for (let k = 0; k < 4; k++) {
      const w = dpow(g, k - 1.5);
      out[offset + k] = w;
      sum += w;
    }
    for (let k = 0; k < 4; k++) out[offset + k] *= current / sum;
  } else {
    for (let k = 0; k < 4; k++) out[offset + k] = current / 4;
  }
}

export interface Dcf {
  /** Present value of the explicit quarters. */
  explicit: number;
  /** Present value of the terminal perpetuity. */
  terminal: number;
  /** explicit + terminal. */
  presentValue: number;
}

/** DCF of quarterly earnings plus a terminal value on the last four quarters. */
export function discountedValue(quarterlyEarnings: readonly number[], discountRate: number, terminalGrowth: number, cashConversion: number): Dcf {
  positive('valuation.discountRate', discountRate);
  if (!(terminalGrowth < discountRate)) throw new RangeError(`valuation.terminalGrowth must be below valuation.discountRate (${discountRate}), got ${terminalGrowth}`);
  const n = quarterlyEarnings.length;
  if (n < 4 || n % 4 !== 0) throw new RangeError(`quarterlyEarnings must hold whole years, got ${n} quarters`);
  const q = dpow(1 + discountRate, 0.25);
  let explicit = 0;
  let factor = 1 / dpow(q, 0.5);
  for (let k = 0; k < n; k++) {
    explicit += cashConversion * quarterlyEarnings[k] * factor;
    factor /= q;
  }
  const last = quarterlyEarnings[n - 4] + quarterlyEarnings[n - 3] + quarterlyEarnings[n - 2] + quarterlyEarnings[n - 1];
  const terminal = (cashConversion * last * (1 + terminalGrowth)) / (discountRate - terminalGrowth) / dpow(1 + discountRate, n / 4);
  return { explicit, terminal, presentValue: explicit + terminal };
}

/** (present value + net cash) / shares. */
export function valuePerShare(presentValue: number, netCash: number, shares: number): number {
  positive('shares', shares);
  return (presentValue + netCash) / shares;
}
