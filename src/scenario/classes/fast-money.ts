// The fast money of a scenario (`agents.fastMoney`): its parameters and how each symbol's funds
// are added, holding their share of its float (agents/fast-money.ts: trend, leverage, stops).
import { z } from 'zod';
import { stream } from '../../core/rng.ts';
import { NS_PER_SECOND } from '../../core/units.ts';
import { DEFAULT_CLASS_GAPS } from '../../agents/class-gaps.ts';
import { INVESTOR_CLASS_NAMES, InvestorClass } from '../../agents/classes.ts';
import { FastMoney } from '../../agents/fast-money.ts';
import { cashFor, fraction, gaps, holding, nonNegativeInt, positiveInt, splitLots } from './common.ts';
import type { AgentClass } from './descriptor.ts';

export const FastMoneySchema = z.strictObject({
  count: nonNegativeInt,
  ...holding,
  meanWakeSeconds: z.number().positive().default(30),
  trendFastSeconds: z.number().positive().default(300),
  trendSlowSeconds: z.number().positive().default(1800),
  trendGain: z.number().nonnegative().default(40),
  valueGain: z.number().nonnegative().default(5),
  maxLeverage: z.number().positive().default(2),
  maintenanceMargin: fraction.default(0.25),
  drawdownStop: fraction.default(0.1),
  maxOrder: positiveInt.default(1000),
  /** Hold the initial exposure at zero signal (phi_0 = initial position value / equity); false: phi_0 = 0. */
  holdInitialExposure: z.boolean().default(false),
  /** Largest market order while liquidating after a stop, lots (default: maxOrder). */
  liquidationChunk: positiveInt.optional(),
  /** Time between liquidation orders after a stop. */
  liquidationIntervalSeconds: z.number().positive().default(5),
  /** Flat period after a drawdown stop. */
  cooldownMinutes: z.number().nonnegative().default(60),
  gaps: gaps.optional(),
  latencyUs: z.number().nonnegative().default(20),
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
    const { exchange, seed, narratives, n, sleepsWhenClosed, add, listen } = b;
    const sym = s.symbols[symbol];
    const valueTicks = sym.valueTicks ?? sym.referencePrice;
    const fm = s.agents.fastMoney;
    if (fm && fm.count > 0) {
      const lots = splitLots(Math.floor(sym.floatLots * fm.floatShare), fm.count);
      for (let i = 0; i < fm.count; i++) {
        const t = add(
          new FastMoney(exchange, n, stream(seed, 'fast-money', symbol, i), {
            symbol,
            initialPosition: lots[i],
            initialCash: cashFor(s, symbol, lots[i], fm.cashRatio, fm.cashUsd),
            valueTicks,
            gaps: fm.gaps ?? DEFAULT_CLASS_GAPS[InvestorClass.FAST_MONEY]!,
            narratives,
            meanWakeNs: fm.meanWakeSeconds * NS_PER_SECOND,
            sleepsWhenClosed,
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
        listen(t, symbol, i);
      }
    }
  },
};
