// The fast money of a scenario (`agents.fastMoney`): its parameters and how each symbol's funds
// are added, holding their share of its float (agents/fast-money.ts: trend, leverage, stops).
import { z } from 'zod';
import { stream } from '../../core/rng.ts';
import { NS_PER_SECOND } from '../../core/units.ts';
import { DEFAULT_CLASS_GAPS } from '../../agents/class-gaps.ts';
import { INVESTOR_CLASS_NAMES, InvestorClass } from '../../agents/classes.ts';
import { FastMoney } from '../../agents/fast-money.ts';
import { agentCount, duration, fraction, gaps, holderParams, holding, latencyMicros, MAX_RUN_SECONDS, orderLots } from './common.ts';
import type { AgentClass } from './descriptor.ts';

export const FastMoneySchema = z.strictObject({
  count: agentCount,
  ...holding,
  meanWakeSeconds: duration.default(30),
  trendFastSeconds: duration.default(300),
  trendSlowSeconds: duration.default(1800),
  trendGain: z.number().nonnegative().default(40),
  valueGain: z.number().nonnegative().default(5),
  maxLeverage: z.number().positive().default(2),
  maintenanceMargin: fraction.default(0.25),
  drawdownStop: fraction.default(0.1),
  maxOrder: orderLots.default(1000),
  /** Hold the initial exposure at zero signal (phi_0 = initial position value / equity); false: phi_0 = 0. */
  holdInitialExposure: z.boolean().default(false),
  /** Largest market order while liquidating after a stop, lots (default: maxOrder). */
  liquidationChunk: orderLots.optional(),
  /** Time between liquidation orders after a stop. */
  liquidationIntervalSeconds: duration.default(5),
  /** Flat period after a drawdown stop. */
  cooldownMinutes: z.number().min(0).max(MAX_RUN_SECONDS / 60).default(60),
  gaps: gaps.optional(),
  latencyUs: latencyMicros.default(20),
});

const section = FastMoneySchema.optional();

export const fastMoney: AgentClass<'fastMoney', typeof section> = {
  key: 'fastMoney',
  classId: InvestorClass.FAST_MONEY,
  name: INVESTOR_CLASS_NAMES[InvestorClass.FAST_MONEY],
  schema: FastMoneySchema,
  section,
  gaps: DEFAULT_CLASS_GAPS[InvestorClass.FAST_MONEY],
  gapsOverride: (s) => s.agents.fastMoney?.gaps,
  stage: 'per-symbol',
  build(s, b, symbol) {
    const fm = s.agents.fastMoney;
    if (!fm || fm.count === 0) return;
    holderParams(s, b, symbol, fm, DEFAULT_CLASS_GAPS[InvestorClass.FAST_MONEY]!).forEach((h, i) => {
      const t = b.add(
        new FastMoney(b.exchange, b.n, stream(b.seed, 'fast-money', symbol, i), {
          ...h,
          trendFastNs: fm.trendFastSeconds * NS_PER_SECOND,
          trendSlowNs: fm.trendSlowSeconds * NS_PER_SECOND,
          trendGain: fm.trendGain,
          valueGain: fm.valueGain,
          maxLeverage: fm.maxLeverage,
          maintenanceMargin: fm.maintenanceMargin,
          drawdownStop: fm.drawdownStop,
          maxOrder: fm.maxOrder,
          liquidationChunk: fm.liquidationChunk ?? fm.maxOrder,
          liquidationIntervalNs: fm.liquidationIntervalSeconds * NS_PER_SECOND,
          cooldownNs: fm.cooldownMinutes * 60 * NS_PER_SECOND,
          ...(fm.holdInitialExposure ? { baseExposure: 1 / (1 + fm.cashRatio) } : {}),
        }),
        fm.latencyUs,
      );
      b.listen(t, symbol, i);
    });
  },
};
