// The long-term institutions of a scenario (`agents.institutions`): their parameters and how each
// symbol's are added, holding their share of its float (agents/institution.ts: trade toward value).
import { z } from 'zod';
import { stream } from '../../core/rng.ts';
import { DEFAULT_CLASS_GAPS } from '../../agents/class-gaps.ts';
import { INVESTOR_CLASS_NAMES, InvestorClass } from '../../agents/classes.ts';
import { Institution } from '../../agents/institution.ts';
import { agentCount, duration, gaps, holderParams, holding, latencyMicros } from './common.ts';
import type { AgentClass } from './descriptor.ts';

export const InstitutionsSchema = z.strictObject({
  count: agentCount,
  ...holding,
  meanWakeSeconds: duration.default(900),
  /** Lots of target position change per unit of log mispricing, as a multiple of the base position. */
  sensitivity: z.number().nonnegative().default(2),
  /** Largest order, as a fraction of the base position. */
  maxOrderFraction: z.number().positive().max(1).default(0.01),
  /** Rebalancing band, a fraction of the base position: no order while the target differs from the position by less, else an order to the band's edge (agents/institution.ts). */
  rebalanceBand: z.number().nonnegative().max(1).default(0),
  /** Take liquidity up to the own value estimate when it lies beyond the opposite touch (agents/institution.ts). */
  crossToValue: z.boolean().default(false),
  /** In the pre-open, value against the published indicative opening price rather than the last close (agents/institution.ts). */
  preOpenIndicative: z.boolean().default(false),
  gaps: gaps.optional(),
  latencyUs: latencyMicros.default(200),
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
    const inst = s.agents.institutions;
    if (!inst || inst.count === 0) return;
    holderParams(s, b, symbol, inst, DEFAULT_CLASS_GAPS[InvestorClass.INSTITUTION]!).forEach((h, i) => {
      const t = b.add(
        new Institution(b.exchange, b.n, stream(b.seed, 'institution', symbol, i), {
          ...h,
          sensitivity: inst.sensitivity * Math.max(1, h.initialPosition),
          maxOrder: Math.max(1, Math.round(inst.maxOrderFraction * h.initialPosition)),
          band: Math.round(inst.rebalanceBand * h.initialPosition),
          crossToValue: inst.crossToValue,
          preOpenIndicative: inst.preOpenIndicative,
        }),
        inst.latencyUs,
      );
      b.listen(t, symbol, i);
    });
  },
};
