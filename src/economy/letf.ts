// Leveraged-ETF end-of-day rebalancing (Cheng & Madhavan 2009): a fund with assets A and
// leverage x must trade A (x^2 - x) r after a day's return r to restore its leverage. Positive
// is buying. Long and inverse funds trade in the same direction as the market (article C14).
import { UnitError } from '../core/index.ts';
import { finite, positive } from './checks.ts';

export interface LetfResult {
  /** Signed trade (same money unit as `aum`): positive = buy. */
  trade: number;
  /** x^2 - x, the rebalancing factor. */
  factor: number;
}

export function letfRebalance(aum: number, leverage: number, dailyReturn: number): LetfResult {
  positive('aum', aum);
  finite('leverage', leverage);
  finite('return', dailyReturn);
  if (dailyReturn <= -1) throw new UnitError('return', dailyReturn, 'a finite number > -1');
  const factor = leverage * leverage - leverage;
  return { trade: aum * factor * dailyReturn, factor };
}
