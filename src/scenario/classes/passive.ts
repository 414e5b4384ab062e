// The passive holders of a scenario (`agents.passive`): insiders and index funds, one holder per
// symbol with the class's share of its float, never trading (agents/passive-holder.ts).
import { z } from 'zod';
import { DEFAULT_CLASS_GAPS } from '../../agents/class-gaps.ts';
import { INVESTOR_CLASS_NAMES, InvestorClass } from '../../agents/classes.ts';
import { PassiveHolder } from '../../agents/passive-holder.ts';
import { fraction } from './common.ts';
import type { AgentClass } from './descriptor.ts';

export const PassiveSchema = z.strictObject({
  /** Insiders and index funds: fraction of the float held, never traded. */
  floatShare: fraction,
});

const section = PassiveSchema.optional();

export const passive: AgentClass<'passive', typeof section> = {
  key: 'passive',
  classId: InvestorClass.PASSIVE,
  name: INVESTOR_CLASS_NAMES[InvestorClass.PASSIVE],
  schema: PassiveSchema,
  section,
  gaps: DEFAULT_CLASS_GAPS[InvestorClass.PASSIVE],
  stage: 'per-symbol',
  build(s, b, symbol) {
    const { exchange, n, add } = b;
    const sym = s.symbols[symbol];
    const pv = s.agents.passive;
    if (pv && pv.floatShare > 0) {
      add(new PassiveHolder(exchange, n, { symbol, initialPosition: Math.floor(sym.floatLots * pv.floatShare) }), 0);
    }
  },
};
