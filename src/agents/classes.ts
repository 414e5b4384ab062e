// The investor classes of the market layer. Every trader belongs to one; flows, positions and
// P&L are attributed by class (the article's C5 and the record's retail net buying).

export const InvestorClass = {
  NOISE: 0,
  MARKET_MAKER: 1,
  INSTITUTION: 2,
  FAST_MONEY: 3,
  RETAIL: 4,
  LEVERAGED_ETF: 5,
  /** Insiders and passive index funds: hold shares, never trade. */
  PASSIVE: 6,
} as const;
export type InvestorClassCode = (typeof InvestorClass)[keyof typeof InvestorClass];

/** Class code -> name used in outputs ("noise", "market-maker", ...). */
export const INVESTOR_CLASS_NAMES = ['noise', 'market-maker', 'institution', 'fast-money', 'retail', 'leveraged-etf', 'passive'] as const;
export type InvestorClassName = (typeof INVESTOR_CLASS_NAMES)[number];
