// ABIDES's momentum agents (`agents.abidesMomentum`; agents/abides-momentum.ts): moving-average
// crossover traders at the touch on a Poisson clock; dealt round-robin over the symbols.
import { z } from 'zod';
import { stream } from '../../core/rng.ts';
import { NS_PER_SECOND } from '../../core/units.ts';
import { AbidesMomentum } from '../../agents/abides-momentum.ts';
import { INVESTOR_CLASS_NAMES, InvestorClass } from '../../agents/classes.ts';
import { abidesLatency, continuousSession } from './abides-common.ts';
import { agentCount, duration, positiveInt } from './common.ts';
import type { AgentClass } from './descriptor.ts';

export const AbidesMomentumSchema = z.strictObject({
  count: agentCount,
  meanWakeSeconds: duration.default(37),
  /** Samples in the short and the long moving average. */
  short: positiveInt.default(20),
  long: positiveInt.default(50),
});

const section = AbidesMomentumSchema.optional();

export const abidesMomentum: AgentClass<'abidesMomentum', typeof section> = {
  key: 'abidesMomentum',
  classId: InvestorClass.FAST_MONEY,
  name: INVESTOR_CLASS_NAMES[InvestorClass.FAST_MONEY],
  schema: AbidesMomentumSchema,
  section,
  gaps: undefined,
  stage: 'last',
  build(s, b) {
    const c = s.agents.abidesMomentum;
    if (!c) return;
    const latencyUs = abidesLatency(b.seed);
    const { openNs } = continuousSession(s);
    for (let i = 0; i < c.count; i++) {
      const p = { symbol: i % b.n, openNs, meanWakeNs: c.meanWakeSeconds * NS_PER_SECOND, short: c.short, long: c.long };
      b.add(new AbidesMomentum(b.exchange, b.n, stream(b.seed, 'abides-momentum', i), p), latencyUs('abides-momentum', i));
    }
  },
};
