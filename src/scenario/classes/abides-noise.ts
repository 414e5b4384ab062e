// ABIDES's noise agents (`agents.abidesNoise`; agents/abides-noise.ts): one order each, once, at a
// U-quadratic time in a window around the session; dealt round-robin over the symbols.
import { z } from 'zod';
import { streams } from '../../core/rng.ts';
import { NS_PER_SECOND } from '../../core/units.ts';
import { AbidesNoise } from '../../agents/abides-noise.ts';
import { INVESTOR_CLASS_NAMES, InvestorClass } from '../../agents/classes.ts';
import { abidesLatency, continuousSession } from './abides-common.ts';
import { agentCount, secondsFromOpen } from './common.ts';
import type { AgentClass } from './descriptor.ts';

export const AbidesNoiseSchema = z.strictObject({
  count: agentCount,
  /** The window the wake time is drawn in, seconds from the open (RMSC04: 09:00 to 16:00). */
  windowStartSeconds: secondsFromOpen.default(-1800),
  windowEndSeconds: secondsFromOpen.default(23_400),
});

const section = AbidesNoiseSchema.optional();

export const abidesNoise: AgentClass<'abidesNoise', typeof section> = {
  key: 'abidesNoise',
  classId: InvestorClass.NOISE,
  name: INVESTOR_CLASS_NAMES[InvestorClass.NOISE],
  schema: AbidesNoiseSchema,
  section,
  gaps: undefined,
  stage: 'last',
  build(s, b) {
    const c = s.agents.abidesNoise;
    if (!c) return;
    const latencyUs = abidesLatency(b.seed);
    const { openNs } = continuousSession(s);
    const rng = streams(b.seed, 'abides-noise');
    for (let i = 0; i < c.count; i++) {
      const p = { symbol: i % b.n, openNs, windowStartNs: openNs + Math.round(c.windowStartSeconds * NS_PER_SECOND), windowEndNs: openNs + Math.round(c.windowEndSeconds * NS_PER_SECOND) };
      b.add(new AbidesNoise(b.exchange, b.n, rng(i), p), latencyUs('abides-noise', i));
    }
  },
};
