// ABIDES's adaptive market makers (`agents.abidesMarketMakers`; agents/abides-market-maker.ts):
// a ladder a side re-quoted on a Poisson clock; dealt round-robin over the symbols.
import { z } from 'zod';
import { stream } from '../../core/rng.ts';
import { NS_PER_SECOND } from '../../core/units.ts';
import { AbidesMarketMaker } from '../../agents/abides-market-maker.ts';
import { INVESTOR_CLASS_NAMES, InvestorClass } from '../../agents/classes.ts';
import { abidesLatency, continuousSession } from './abides-common.ts';
import { agentCount, duration, positiveInt, probability } from './common.ts';
import type { AgentClass } from './descriptor.ts';

export const AbidesMarketMakerSchema = z.strictObject({
  count: agentCount,
  meanWakeSeconds: duration.default(60),
  pov: probability.default(0.025),
  /** Ladder levels a side (at most 1,000: every level is an order at each wake-up). */
  levels: positiveInt.max(1000).default(10),
  levelSpacing: z.number().positive().default(5),
  spreadAlpha: probability.default(0.75),
  priceSkew: z.number().nonnegative().default(4),
  initialSpread: z.number().positive().default(50),
  /** An extra ladder whenever resting volume becomes more than this one-sided (null: no subscription). */
  minImbalance: z.number().min(0).lt(1).nullable().default(0.9),
});

const section = AbidesMarketMakerSchema.optional();

export const abidesMarketMakers: AgentClass<'abidesMarketMakers', typeof section> = {
  key: 'abidesMarketMakers',
  classId: InvestorClass.MARKET_MAKER,
  name: INVESTOR_CLASS_NAMES[InvestorClass.MARKET_MAKER],
  schema: AbidesMarketMakerSchema,
  section,
  gaps: undefined,
  stage: 'last',
  build(s, b) {
    const c = s.agents.abidesMarketMakers;
    if (!c) return;
    const latencyUs = abidesLatency(b.seed);
    const { openNs } = continuousSession(s);
    for (let i = 0; i < c.count; i++) {
      const p = { symbol: i % b.n, openNs, meanWakeNs: c.meanWakeSeconds * NS_PER_SECOND, pov: c.pov, levels: c.levels, levelSpacing: c.levelSpacing, spreadAlpha: c.spreadAlpha, priceSkew: c.priceSkew, initialSpread: c.initialSpread, ...(c.minImbalance !== null ? { minImbalance: c.minImbalance } : {}) };
      b.add(new AbidesMarketMaker(b.exchange, b.n, stream(b.seed, 'abides-market-maker', i), p), latencyUs('abides-market-maker', i));
    }
  },
};
