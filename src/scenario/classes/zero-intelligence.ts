// The zero-intelligence noise traders of a scenario (`agents.zeroIntelligence`): their
// parameters, the attention and activity clock they share per symbol, and how they are added,
// dealt round-robin over the symbols right after the market makers (agents/zero-intelligence.ts).
import { z } from 'zod';
import { stream, streams } from '../../core/rng.ts';
import { NS_PER_SECOND } from '../../core/units.ts';
import { US_EQUITY_DAY } from '../../market/schedule.ts';
import { Activity } from '../../agents/activity.ts';
import { Attention } from '../../agents/attention.ts';
import { ZeroIntelligence, ZiRings, ZiRule } from '../../agents/zero-intelligence.ts';
import { DEFAULT_CLASS_GAPS } from '../../agents/class-gaps.ts';
import { INVESTOR_CLASS_NAMES, InvestorClass } from '../../agents/classes.ts';
import { agentCount, duration, durationOrZero, latencyMicros, orderLots, positiveInt, probability } from './common.ts';
import type { AgentClass } from './descriptor.ts';

export const ZeroIntelligenceSchema = z.strictObject({
  count: agentCount,
  meanWakeSeconds: duration,
  pCancel: probability,
  pMarket: probability,
  pCross: probability,
  offsetMean: z.number().positive(),
  maxQty: orderLots,
  maxLive: positiveInt.max(1000).default(16),
  latencyUs: latencyMicros.default(100),
  /** Self-exciting attention shared by the symbol's noise traders (agents/attention.ts); off when absent. */
  attention: z
    .strictObject({
      decaySeconds: duration,
      gain: z.number().nonnegative(),
      asymmetry: z.number().nonnegative().default(0),
      /** The most the attention multiplies the wake-up rate (at most 100: each step up is that many more events). */
      maxMultiplier: z.number().min(1).max(100).default(10),
      /** How often the mid is sampled into the excitement (0 = at every observation). */
      sampleSeconds: durationOrZero.default(60),
    })
    .optional(),
  /** Shared activity clock (agents/activity.ts): trading hours and U-shape, a slow regime, a consensus reference; off when absent. */
  activity: z
    .strictObject({
      /** U-shape strength c in [0, 1.5]. */
      uShape: z.number().min(0).max(1.5).default(0),
      /** Stationary sd of the log activity regime (0 = none). */
      regimeSd: z.number().nonnegative().default(0),
      /** Time constant of the regime. */
      regimeSeconds: duration.default(3600),
      /** Daily sigma of the consensus reference at activity 1 (0 = none). */
      referenceSigma: z.number().nonnegative().default(0),
      /** gamma: the reference's variance grows as activity^gamma. */
      referenceExponent: z.number().min(0).max(4).default(1),
      /** Expected jumps of the consensus reference per session at activity 1 (0 = none). */
      referenceJumpsPerDay: z.number().nonnegative().default(0),
      /** Sd of one jump of the log reference. */
      referenceJumpSigma: z.number().nonnegative().default(0),
      /** With a schedule: how long before the open the noise traders wake up. */
      leadSeconds: durationOrZero.default(300),
    })
    .optional(),
  /** Weight of the activity's reference in the limit-price reference (0 = the live mid). */
  referenceWeight: probability.default(0),
  /** Orders older than this are cancelled at the trader's next wake-up (absent = never). */
  maxAgeSeconds: duration.optional(),
});

const section = ZeroIntelligenceSchema.optional();

export const zeroIntelligence: AgentClass<'zeroIntelligence', typeof section> = {
  key: 'zeroIntelligence',
  classId: InvestorClass.NOISE,
  name: INVESTOR_CLASS_NAMES[InvestorClass.NOISE],
  schema: ZeroIntelligenceSchema,
  section,
  gaps: DEFAULT_CLASS_GAPS[InvestorClass.NOISE],
  stage: 'first',
  build(s, b) {
    const { exchange, seed, calendar, n, add } = b;
    const zi = s.agents.zeroIntelligence;
    if (zi) {
      const at = zi.attention;
      const attention = s.symbols.map(() => (at ? new Attention({ decayNs: at.decaySeconds * NS_PER_SECOND, gain: at.gain, asymmetry: at.asymmetry, maxMultiplier: at.maxMultiplier, sampleNs: at.sampleSeconds * NS_PER_SECOND }) : undefined));
      const ac = zi.activity;
      const day = US_EQUITY_DAY;
      const activity = s.symbols.map((_, symbol) =>
        ac
          ? new Activity(
              {
                ...(calendar ? { session: { calendar, leadNs: Math.min(day.open, Math.round(ac.leadSeconds * NS_PER_SECOND)) } } : {}),
                uShape: ac.uShape,
                regimeSd: ac.regimeSd,
                regimeNs: ac.regimeSeconds * NS_PER_SECOND,
                referenceSigma: ac.referenceSigma,
                referenceExponent: ac.referenceExponent,
                referenceJumpsPerDay: ac.referenceJumpsPerDay,
                referenceJumpSigma: ac.referenceJumpSigma,
                sessionNs: day.close - day.open,
              },
              stream(seed, 'zi-activity', symbol),
            )
          : undefined,
      );
      const maxAge = zi.maxAgeSeconds === undefined ? {} : { maxAgeNs: zi.maxAgeSeconds * NS_PER_SECOND };
      const rings = new ZiRings(zi.count, zi.maxLive);
      // One rule per symbol, shared by that symbol's traders (agents/zero-intelligence.ts ZiRule).
      const rules = s.symbols.map((_, symbol) => new ZiRule({ symbol, meanWakeNs: zi.meanWakeSeconds * NS_PER_SECOND, pCancel: zi.pCancel, pMarket: zi.pMarket, pCross: zi.pCross, offsetMean: zi.offsetMean, maxQty: zi.maxQty, maxLive: zi.maxLive, attention: attention[symbol], activity: activity[symbol], referenceWeight: zi.referenceWeight, ...maxAge }));
      const rng = streams(seed, 'zero-intelligence');
      for (let i = 0; i < zi.count; i++) add(new ZeroIntelligence(exchange, n, rng(i), rules[i % n]!, rings.ring(i)), zi.latencyUs);
    }
  },
};
