// The long-term institutions of a scenario (`agents.institutions`): their parameters and how each
// symbol's are added, holding their share of its float (agents/institution.ts: trade toward value).
import { z } from 'zod';
import { stream } from '../../core/rng.ts';
import { NS_PER_SECOND } from '../../core/units.ts';
import { DEFAULT_CLASS_GAPS } from '../../agents/class-gaps.ts';
import { INVESTOR_CLASS_NAMES, InvestorClass } from '../../agents/classes.ts';
import { Institution } from '../../agents/institution.ts';
import { cashFor, gaps, holding, nonNegativeInt, splitLots } from './common.ts';
import type { AgentClass } from './descriptor.ts';

export const InstitutionsSchema = z.strictObject({
  count: nonNegativeInt,
  ...holding,
  meanWakeSeconds: z.number().positive().default(900),
  /** Lots of target position change per unit of log mispricing, as a multiple of the base position. */
  sensitivity: z.number().nonnegative().default(2),
  /** Largest order, as a fraction of the base position. */
  maxOrderFraction: z.number().positive().max(1).default(0.01),
  /** Take liquidity up to the own value estimate when it lies beyond the opposite touch (agents/institution.ts). */
  crossToValue: z.boolean().default(false),
  gaps: gaps.optional(),
  latencyUs: z.number().nonnegative().default(200),
});

const section = InstitutionsSchema.optional();

export const institutions: AgentClass<'institutions', typeof section> = {
  key: 'institutions',
  classId: InvestorClass.INSTITUTION,
  name: INVESTOR_CLASS_NAMES[InvestorClass.INSTITUTION],
  schema: InstitutionsSchema,
  section,
  gaps: DEFAULT_CLASS_GAPS[InvestorClass.INSTITUTION],
  gapsOverride: (s) => s.agents.institutions?.gaps,
  stage: 'per-symbol',
  build(s, b, symbol) {
    const { exchange, seed, narratives, n, sleepsWhenClosed, add, listen } = b;
    const sym = s.symbols[symbol];
    const valueTicks = sym.valueTicks ?? sym.referencePrice;
    const inst = s.agents.institutions;
    if (inst && inst.count > 0) {
      const lots = splitLots(Math.floor(sym.floatLots * inst.floatShare), inst.count);
      for (let i = 0; i < inst.count; i++) {
        const t = add(
          new Institution(exchange, n, stream(seed, 'institution', symbol, i), {
            symbol,
            initialPosition: lots[i],
            initialCash: cashFor(s, symbol, lots[i], inst.cashRatio, inst.cashUsd),
            valueTicks,
            gaps: inst.gaps ?? DEFAULT_CLASS_GAPS[InvestorClass.INSTITUTION]!,
            narratives,
            meanWakeNs: inst.meanWakeSeconds * NS_PER_SECOND,
            sleepsWhenClosed,
            sensitivity: inst.sensitivity * Math.max(1, lots[i]),
            maxOrder: Math.max(1, Math.round(inst.maxOrderFraction * lots[i])),
            crossToValue: inst.crossToValue,
          }),
          inst.latencyUs,
        );
        listen(t, symbol, i);
      }
    }
  },
};
