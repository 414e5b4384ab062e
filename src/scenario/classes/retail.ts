// The retail traders of a scenario (`agents.retail`): their parameters and how each symbol's are
// added, with their share of its float, their social network and their shared crowd of opinions
// (agents/retail.ts, agents/retail-crowd.ts; the news feed spreads word of mouth over the network).
import { z } from 'zod';
import { stream, streams } from '../../core/rng.ts';
import { barabasiAlbert, wattsStrogatz, type SocialNetwork } from '../../news/network.ts';
import { DEFAULT_CLASS_GAPS } from '../../agents/class-gaps.ts';
import { INVESTOR_CLASS_NAMES, InvestorClass } from '../../agents/classes.ts';
import { Retail } from '../../agents/retail.ts';
import { RetailCrowd } from '../../agents/retail-crowd.ts';
import { agentCount, duration, durationMinutes, fraction, gaps, holderParams, holding, latencyMicros, orderLots, positiveInt } from './common.ts';
import type { AgentClass } from './descriptor.ts';

export const RetailSchema = z.strictObject({
  count: agentCount,
  ...holding,
  meanWakeSeconds: duration.default(1800),
  /** Median cost basis as a fraction of the reference price (NVDA rose ~10x in two years). */
  basisMedianRatio: z.number().positive().default(0.3),
  basisSigma: z.number().nonnegative().default(0.5),
  /** Social network over retail agents: small-world (Watts-Strogatz) or scale-free (Barabasi-Albert). */
  network: z
    .strictObject({
      kind: z.enum(['small-world', 'scale-free']).default('small-world'),
      degree: positiveInt.default(6),
      rewire: fraction.default(0.1),
      /** Mean delay before a retail trader who heard a reading tells a neighbour (word of mouth; whether it does is the reading's shareProbability). */
      shareDelayMinutes: durationMinutes.default(60),
    })
    .default({ kind: 'small-world', degree: 6, rewire: 0.1, shareDelayMinutes: 60 }),
  /** Share of retail agents starting optimistic (opinion +1). */
  optimists: fraction.default(0.5),
  herding: z.number().nonnegative().default(0.8),
  /** a_2: weight of the price trend in the opinion field (> 0 chases trends, < 0 buys falls). */
  trendWeight: z.number().default(1),
  /** a_3: weight of the value estimate in the opinion field. */
  valueWeight: z.number().nonnegative().default(10),
  switchRatePerHour: z.number().nonnegative().default(0.5),
  /** Per wake-up: buy (optimists), sell (pessimists), take profit (base rate and slope per unit of log gain). */
  pBuy: fraction.default(0.05),
  pSell: fraction.default(0.05),
  pTake0: fraction.default(0.01),
  pTakeSlope: z.number().nonnegative().default(0.05),
  /** Probability of buying the dip on a wake-up after a fall. */
  pDip: fraction.default(0.1),
  /** Retail trade only in continuous trading (their brokers hold orders placed before the open until it); false: from the pre-open, into the opening auction. */
  fromOpen: z.boolean().default(false),
  /** Share of retail agents trading on margin (initial margin 50%). */
  marginShare: fraction.default(0.1),
  maxOrder: orderLots.default(100),
  gaps: gaps.optional(),
  latencyUs: latencyMicros.default(5000),
});

const section = RetailSchema.optional();

export const retail: AgentClass<'retail', typeof section> = {
  key: 'retail',
  classId: InvestorClass.RETAIL,
  name: INVESTOR_CLASS_NAMES[InvestorClass.RETAIL],
  schema: RetailSchema,
  section,
  gaps: DEFAULT_CLASS_GAPS[InvestorClass.RETAIL],
  gapsOverride: (s) => s.agents.retail?.gaps,
  stage: 'per-symbol',
  build(s, b, symbol) {
    const { exchange, seed, n, add, listen, retail: retailGroups } = b;
    const sym = s.symbols[symbol];
    const rt = s.agents.retail;
    if (rt && rt.count > 0) {
      const netRng = stream(seed, 'retail-network', symbol);
      const degree = Math.min(rt.network.degree, Math.max(2, rt.count - 1));
      const network =
        rt.count < 3 ? { n: rt.count, offsets: new Int32Array(rt.count + 1), neighbours: new Int32Array(0) } : rt.network.kind === 'small-world' ? wattsStrogatz(rt.count, degree - (degree % 2), rt.network.rewire, netRng) : barabasiAlbert(rt.count, Math.max(1, degree >> 1), netRng);
      const opinionRng = stream(seed, 'retail-opinion', symbol);
      const initial = Array.from({ length: rt.count }, () => (opinionRng.nextFloat() < rt.optimists ? 1 : -1));
      const crowd = new RetailCrowd(network as SocialNetwork, initial);
      const holders = holderParams(s, b, symbol, rt, DEFAULT_CLASS_GAPS[InvestorClass.RETAIL]!);
      const members: number[] = [];
      const marginEvery = rt.marginShare > 0 ? 1 / rt.marginShare : Infinity;
      const rng = streams(seed, 'retail', symbol);
      for (let i = 0; i < rt.count; i++) {
        const onMargin = marginEvery !== Infinity && i % Math.max(1, Math.round(marginEvery)) === 0;
        const t = add(
          new Retail(exchange, n, rng(i), {
            ...holders[i],
            referenceTicks: sym.referencePrice,
            basisMedianRatio: rt.basisMedianRatio,
            basisSigma: rt.basisSigma,
            crowd,
            node: i,
            herding: rt.herding,
            trendWeight: rt.trendWeight,
            fromOpen: rt.fromOpen,
            valueWeight: rt.valueWeight,
            switchRatePerHour: rt.switchRatePerHour,
            pBuy: rt.pBuy,
            pSell: rt.pSell,
            pTake0: rt.pTake0,
            pTakeSlope: rt.pTakeSlope,
            pDip: rt.pDip,
            maxOrder: rt.maxOrder,
            initialMargin: onMargin ? 0.5 : 1,
          }),
          rt.latencyUs,
        );
        members.push(t.id);
        listen(t, symbol, i);
      }
      retailGroups.push({ symbol, network: network as SocialNetwork, members });
    }
  },
};
