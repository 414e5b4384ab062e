// ABIDES's value agents (`agents.abidesValue`; agents/abides-value.ts) and the fundamental they
// observe, one mean-reverting oracle per symbol (agents/mean-reverting-oracle.ts); dealt
// round-robin over the symbols. Prices in ticks (RMSC04: cents, a 1-cent tick).
import { z } from 'zod';
import { stream, streams } from '../../core/rng.ts';
import { NS_PER_SECOND } from '../../core/units.ts';
import { AbidesValue } from '../../agents/abides-value.ts';
import { INVESTOR_CLASS_NAMES, InvestorClass } from '../../agents/classes.ts';
import { MeanRevertingOracle } from '../../agents/mean-reverting-oracle.ts';
import { abidesLatency, continuousSession } from './abides-common.ts';
import { agentCount, duration, probability } from './common.ts';
import type { AgentClass } from './descriptor.ts';

export const AbidesValueSchema = z.strictObject({
  count: agentCount,
  /** Mean time between wake-ups (RMSC04: 1 / 5.7e-12 per ns = 175.44 s). */
  meanWakeSeconds: duration.default(175.438596),
  /** r_bar: the fundamental's long-run mean and start, ticks (also the agents' belief); at most 10^12 so that its integer path stays exact. */
  fundamentalMean: z.number().positive().max(1e12).default(100_000),
  /** The agents' belief about mean reversion, per ns. */
  kappaPerNs: z.number().min(0).max(1e-6).default(1.67e-15),
  /** sigma_n: observation noise variance, ticks^2. */
  observationVariance: z.number().nonnegative().default(1000),
  percentAggressive: probability.default(0.1),
  depthSpread: z.number().positive().default(2),
  /** The fundamental (ABIDES's sparse mean-reverting oracle). */
  oracle: z
    .strictObject({
      kappaPerNs: z.number().positive().max(1e-6).default(1.67e-16),
      /** theta: volatility per sqrt(ns), ticks. */
      volatility: z.number().nonnegative().default(5e-5),
      megashockRatePerNs: z.number().nonnegative().default(2.77778e-18),
      megashockMean: z.number().min(-1e12).max(1e12).default(1000),
      megashockVariance: z.number().nonnegative().default(50_000),
      /** The oracle's close, seconds from the open (RMSC04: 16:00, whatever the session's end). */
      closeSeconds: duration.default(23_400),
    })
    .prefault({}),
});

const section = AbidesValueSchema.optional();

export const abidesValue: AgentClass<'abidesValue', typeof section> = {
  key: 'abidesValue',
  classId: InvestorClass.INSTITUTION,
  name: INVESTOR_CLASS_NAMES[InvestorClass.INSTITUTION],
  schema: AbidesValueSchema,
  section,
  gaps: undefined,
  stage: 'last',
  build(s, b) {
    const c = s.agents.abidesValue;
    if (!c) return;
    const latencyUs = abidesLatency(b.seed);
    const { openNs, closeNs } = continuousSession(s);
    const o = c.oracle;
    const oracles = Array.from({ length: b.n }, (_, symbol) => new MeanRevertingOracle({ meanCents: c.fundamentalMean, kappaPerNs: o.kappaPerNs, volatility: o.volatility, megashockRatePerNs: o.megashockRatePerNs, megashockMean: o.megashockMean, megashockVariance: o.megashockVariance, closeNs: openNs + Math.round(o.closeSeconds * NS_PER_SECOND) }, stream(b.seed, 'oracle', symbol)));
    const rng = streams(b.seed, 'abides-value');
    for (let i = 0; i < c.count; i++) {
      const symbol = i % b.n;
      const p = { symbol, openNs, closeNs, meanWakeNs: c.meanWakeSeconds * NS_PER_SECOND, oracle: oracles[symbol], meanCents: c.fundamentalMean, kappaPerNs: c.kappaPerNs, observationVariance: c.observationVariance, percentAggressive: c.percentAggressive, depthSpread: c.depthSpread };
      b.add(new AbidesValue(b.exchange, b.n, rng(i), p), latencyUs('abides-value', i));
    }
  },
};
