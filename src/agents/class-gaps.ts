// Default information / on-site / horizon gaps per investor class (article C10-C12; 0 = insider).
// Passive holders include company insiders (gaps 0; they never trade, C13's "signal unchanged").
// Long-term institutions read order books and hyperscalers' plans (the analyst who phoned 25 CIOs)
// but learn by phone, and look far ahead. Fast money sees what institutions see a little later and
// acts on short-run moves. Retail reads headlines, late, and weighs short-run moves most.
// Market makers and leveraged ETFs do not act on news (no gaps: the feed skips them); zero-
// intelligence noise traders have no access either. The values are assumptions (docs/model.md).
import type { Gaps } from '../news/gaps.ts';
import { InvestorClass } from './classes.ts';

export const DEFAULT_CLASS_GAPS: readonly (Gaps | undefined)[] = (() => {
  const g: (Gaps | undefined)[] = [];
  g[InvestorClass.NOISE] = undefined;
  g[InvestorClass.MARKET_MAKER] = undefined;
  g[InvestorClass.INSTITUTION] = { information: 0.2, onSite: 0.4, horizon: 0.1 };
  g[InvestorClass.FAST_MONEY] = { information: 0.5, onSite: 0.3, horizon: 0.8 };
  g[InvestorClass.RETAIL] = { information: 0.85, onSite: 0.8, horizon: 0.7 };
  g[InvestorClass.LEVERAGED_ETF] = undefined;
  g[InvestorClass.PASSIVE] = { information: 0, onSite: 0, horizon: 0 };
  return g;
})();
