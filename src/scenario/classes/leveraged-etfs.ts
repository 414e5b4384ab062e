// The leveraged ETFs of a scenario (`agents.leveragedEtfs`, a list, one fund per entry): their
// parameters and how they are added, after every other class, with their assets scaled from real
// dollars to the simulation's (agents/leveraged-etf.ts: rebalancing in the closing auction).
import { z } from 'zod';
import { NS_PER_SECOND } from '../../core/units.ts';
import { US_EQUITY_DAY } from '../../market/schedule.ts';
import { DEFAULT_CLASS_GAPS } from '../../agents/class-gaps.ts';
import { INVESTOR_CLASS_NAMES, InvestorClass } from '../../agents/classes.ts';
import { LeveragedEtf } from '../../agents/leveraged-etf.ts';
import { latencyMicros, MAX_FUND_USD } from './common.ts';
import type { AgentClass } from './descriptor.ts';

export const LeveragedEtfSchema = z.strictObject({
  symbol: z.string().min(1),
  leverage: z.number().refine((x) => x !== 0 && Number.isFinite(x), 'leverage must be a non-zero number'),
  /** Assets under management in real dollars at the start (divided by the symbol's real shares per lot in the simulation). */
  aumUsd: z.number().positive().max(MAX_FUND_USD),
  /** Net creations (+) or redemptions (-) per session in real dollars. */
  dailyFlowUsd: z.array(z.number().min(-MAX_FUND_USD).max(MAX_FUND_USD)).default([]),
  latencyUs: latencyMicros.default(100),
});

const section = z.array(LeveragedEtfSchema).default([]);

export const leveragedEtfs: AgentClass<'leveragedEtfs', typeof section> = {
  key: 'leveragedEtfs',
  classId: InvestorClass.LEVERAGED_ETF,
  name: INVESTOR_CLASS_NAMES[InvestorClass.LEVERAGED_ETF],
  schema: LeveragedEtfSchema,
  section,
  gaps: DEFAULT_CLASS_GAPS[InvestorClass.LEVERAGED_ETF],
  stage: 'last',
  build(s, b) {
    const { exchange, calendar, n, add } = b;
    s.agents.leveragedEtfs.forEach((e) => {
      const symbol = s.symbols.findIndex((x) => x.name === e.symbol);
      const sym = s.symbols[symbol];
      // Real dollars to the simulation's: one lot stands for `scale` real shares.
      const scale = sym.realSharesPerLot ?? s.recording.realSharesPerLot;
      const aumCents = Math.round((e.aumUsd * 100) / scale);
      const position = Math.round((e.leverage * aumCents) / (sym.referencePrice * sym.tickCents));
      add(
        new LeveragedEtf(exchange, n, {
          symbol,
          leverage: e.leverage,
          aumCents,
          initialPosition: position,
          initialCash: aumCents - position * sym.referencePrice * sym.tickCents,
          prevCloseTicks: sym.referencePrice,
          firstSubmitNs: US_EQUITY_DAY.onCloseCutoff - 5 * 60 * NS_PER_SECOND,
          days: s.schedule?.days ?? 1,
          ...(calendar ? { calendar } : {}),
          dailyFlowCents: e.dailyFlowUsd.map((x) => Math.round((x * 100) / scale)),
        }),
        e.latencyUs,
      );
    });
  },
};
