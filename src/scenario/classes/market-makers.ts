// The market makers of a scenario (`agents.marketMakers`): their parameters and how they are
// added, dealt round-robin over the symbols, before every other class (agents/market-maker.ts).
import { z } from 'zod';
import { stream } from '../../core/rng.ts';
import { NS_PER_SECOND } from '../../core/units.ts';
import { DEFAULT_CLASS_GAPS } from '../../agents/class-gaps.ts';
import { INVESTOR_CLASS_NAMES, InvestorClass } from '../../agents/classes.ts';
import { MarketMaker } from '../../agents/market-maker.ts';
import { agentCount, duration, latencyMicros, orderLots, positiveInt, probability } from './common.ts';
import type { AgentClass } from './descriptor.ts';

export const MarketMakerSchema = z.strictObject({
  count: agentCount,
  intervalSeconds: duration,
  halfSpread: z.number().nonnegative(),
  skew: z.number().nonnegative(),
  size: orderLots,
  maxInventory: positiveInt,
  /** Extra half-spread in ticks per unit of realised volatility (per-tick returns, EWMA). */
  volSpread: z.number().nonnegative().default(0),
  /** Share of each session's market-on-close imbalance the first maker of each symbol offsets with a market-on-close order, a minute before the on-close cut-off (0 = none). */
  closingOffset: probability.default(0),
  latencyUs: latencyMicros.default(50),
});

const section = MarketMakerSchema.optional();

export const marketMakers: AgentClass<'marketMakers', typeof section> = {
  key: 'marketMakers',
  classId: InvestorClass.MARKET_MAKER,
  name: INVESTOR_CLASS_NAMES[InvestorClass.MARKET_MAKER],
  schema: MarketMakerSchema,
  section,
  gaps: DEFAULT_CLASS_GAPS[InvestorClass.MARKET_MAKER],
  stage: 'first',
  build(s, b) {
    const { exchange, seed, calendar, n, add } = b;
    const mm = s.agents.marketMakers;
    if (mm) {
      for (let i = 0; i < mm.count; i++) {
        // The first maker of each symbol offsets the imbalance (it reads it once, before the others move it).
        const closeOffset = mm.closingOffset > 0 && calendar && i < n ? { closeOffset: { share: mm.closingOffset, offsetTimeNs: calendar.day.onCloseCutoff - 60 * NS_PER_SECOND } } : {};
        const p = { symbol: i % n, intervalNs: Math.round(mm.intervalSeconds * NS_PER_SECOND), halfSpread: mm.halfSpread, skew: mm.skew, size: mm.size, maxInventory: mm.maxInventory, volSpread: mm.volSpread, sleepsWhenClosed: b.sleepsWhenClosed && calendar !== undefined, ...closeOffset };
        add(new MarketMaker(exchange, n, stream(seed, 'market-maker', i), p), mm.latencyUs);
      }
    }
  },
};
