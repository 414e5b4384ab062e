// Passive holders: company insiders and passive index funds (record: insiders ~4.3% of NVDA,
// index funds a large part of the institutional ~65-69%). They hold shares and cash and never
// trade: the account exists so that ownership shares and the audit of shares and cash add up.
// Rule: q_t = q_0, cash_t = cash_0 for all t.
import type { Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import { InvestorClass } from './classes.ts';
import { Trader } from './trader.ts';

export interface PassiveHolderParams {
  symbol: number;
  /** Shares held, lots. */
  initialPosition: number;
  /** Cash, cents. Default 0. */
  initialCash?: number;
}

export class PassiveHolder extends Trader {
  readonly classId = InvestorClass.PASSIVE;

  constructor(exchange: Exchange, symbols: number, p: PassiveHolderParams) {
    super(exchange, symbols);
    this.setHoldings(p.symbol, p.initialPosition, p.initialCash ?? 0);
  }

  start(_k: Kernel): void {}

  wake(_k: Kernel): void {}
}
