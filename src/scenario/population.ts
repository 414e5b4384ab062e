// Builds the investor population of a scenario: for every symbol, each configured class's
// agents with their initial holdings (their class's share of the float, split equally; cash as a
// multiple of the holding's value), their own seeded streams, and the retail social network.
// Holdings follow the ownership record when the scenario says so (targets.md: institutions
// ~65-69% of NVDA, of which ~3/4 long-term and ~1/4 fast; retail ~27-30%; insiders ~4.3%).

import { stream } from '../core/rng.ts';
import { NS_PER_SECOND } from '../core/units.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import type { Calendar } from '../market/calendar.ts';
import { US_EQUITY_DAY } from '../market/schedule.ts';
import { barabasiAlbert, wattsStrogatz, type SocialNetwork } from '../news/network.ts';
import type { Narrative } from '../news/event.ts';
import type { Listener } from '../news/feed.ts';
import { Activity } from '../agents/activity.ts';
import { Attention } from '../agents/attention.ts';
import { DEFAULT_CLASS_GAPS } from '../agents/class-gaps.ts';
import { InvestorClass } from '../agents/classes.ts';
import { FastMoney } from '../agents/fast-money.ts';
import { Institution } from '../agents/institution.ts';
import { LeveragedEtf } from '../agents/leveraged-etf.ts';
import { MarketMaker } from '../agents/market-maker.ts';
import { PassiveHolder } from '../agents/passive-holder.ts';
import { Retail } from '../agents/retail.ts';
import { RetailCrowd } from '../agents/retail-crowd.ts';
import type { Trader } from '../agents/trader.ts';
import { ZeroIntelligence } from '../agents/zero-intelligence.ts';
import type { Scenario } from './schema.ts';

const US = 1_000;

/** What the population needs from the run being built. */
export interface PopulationContext {
  kernel: Kernel;
  exchange: Exchange;
  seed: number;
  /** Narratives every informed class hears about (none for a calm day). */
  narratives: readonly Narrative[];
  /** The sessions, for a scenario with a schedule. */
  calendar?: Calendar;
}

/** Stable key of the i-th agent of a class on `symbol` (the news feed's draws are keyed by it). */
export function listenerKey(symbol: number, i: number): number {
  return symbol * 2 ** 20 + i;
}

export interface Population {
  traders: Trader[];
  /** The retail network and crowd of each symbol (for the news feed's social channel). */
  retail: { symbol: number; network: SocialNetwork; members: number[] }[];
  /** Every trader that reads news, with its stable key. */
  listeners: Listener[];
}

/** Splits `total` lots into `count` integer parts that differ by at most one and add up exactly. */
export function splitLots(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  const extra = total - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}

function cashFor(s: Scenario, symbol: number, lots: number, ratio: number, usd: number): number {
  const sym = s.symbols[symbol];
  return Math.round(ratio * lots * sym.referencePrice * sym.tickCents + usd * 100);
}

export function buildPopulation(s: Scenario, ctx: PopulationContext): Population {
  const { kernel, exchange, seed, narratives, calendar } = ctx;
  const listeners: Listener[] = [];
  const sleepsWhenClosed = s.schedule?.tradersSleepWhenClosed ?? true;
  const listen = (t: Trader, symbol: number, i: number) => listeners.push({ id: t.id, classId: t.classId, key: listenerKey(symbol, i) });
  const n = s.symbols.length;
  const a = s.agents;
  const traders: Trader[] = [];
  const retailGroups: Population['retail'] = [];
  const add = <T extends Trader>(t: T, latencyUs: number): T => {
    kernel.add(t, Math.round(latencyUs * US));
    traders.push(t);
    return t;
  };

  const mm = a.marketMakers;
  if (mm) {
    for (let i = 0; i < mm.count; i++) {
      const perSymbol = Math.floor(mm.count / n) + (i % n < mm.count % n ? 1 : 0);
      const closeOffset = mm.closingOffset > 0 && calendar ? { closeOffset: { share: mm.closingOffset / perSymbol, offsetTimeNs: calendar.day.onCloseCutoff - 60 * NS_PER_SECOND, collar: s.schedule?.closingCollar ?? 0 } } : {};
      const p = { symbol: i % n, intervalNs: Math.round(mm.intervalSeconds * NS_PER_SECOND), halfSpread: mm.halfSpread, skew: mm.skew, size: mm.size, maxInventory: mm.maxInventory, volSpread: mm.volSpread, ...closeOffset };
      add(new MarketMaker(exchange, n, stream(seed, 'market-maker', i), p), mm.latencyUs);
    }
  }
  const zi = a.zeroIntelligence;
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
    for (let i = 0; i < zi.count; i++) {
      const p = { symbol: i % n, meanWakeNs: zi.meanWakeSeconds * NS_PER_SECOND, pCancel: zi.pCancel, pMarket: zi.pMarket, pCross: zi.pCross, offsetMean: zi.offsetMean, maxQty: zi.maxQty, maxLive: zi.maxLive, attention: attention[i % n], activity: activity[i % n], referenceWeight: zi.referenceWeight, ...maxAge };
      add(new ZeroIntelligence(exchange, n, stream(seed, 'zero-intelligence', i), p), zi.latencyUs);
    }
  }

  for (let symbol = 0; symbol < n; symbol++) {
    const sym = s.symbols[symbol];
    const valueTicks = sym.valueTicks ?? sym.referencePrice;
    const inst = a.institutions;
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
    const fm = a.fastMoney;
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
    const rt = a.retail;
    if (rt && rt.count > 0) {
      const netRng = stream(seed, 'retail-network', symbol);
      const degree = Math.min(rt.network.degree, Math.max(2, rt.count - 1));
      const network =
        rt.count < 3 ? { n: rt.count, offsets: new Int32Array(rt.count + 1), neighbours: new Int32Array(0) } : rt.network.kind === 'small-world' ? wattsStrogatz(rt.count, degree - (degree % 2), rt.network.rewire, netRng) : barabasiAlbert(rt.count, Math.max(1, degree >> 1), netRng);
      const opinionRng = stream(seed, 'retail-opinion', symbol);
      const initial = Array.from({ length: rt.count }, () => (opinionRng.nextFloat() < rt.optimists ? 1 : -1));
      const crowd = new RetailCrowd(network as SocialNetwork, initial);
      const lots = splitLots(Math.floor(sym.floatLots * rt.floatShare), rt.count);
      const members: number[] = [];
      const marginEvery = rt.marginShare > 0 ? 1 / rt.marginShare : Infinity;
      for (let i = 0; i < rt.count; i++) {
        const onMargin = marginEvery !== Infinity && i % Math.max(1, Math.round(marginEvery)) === 0;
        const t = add(
          new Retail(exchange, n, stream(seed, 'retail', symbol, i), {
            symbol,
            initialPosition: lots[i],
            initialCash: cashFor(s, symbol, lots[i], rt.cashRatio, rt.cashUsd),
            referenceTicks: sym.referencePrice,
            basisMedianRatio: rt.basisMedianRatio,
            basisSigma: rt.basisSigma,
            valueTicks,
            gaps: rt.gaps ?? DEFAULT_CLASS_GAPS[InvestorClass.RETAIL]!,
            narratives,
            crowd,
            node: i,
            meanWakeNs: rt.meanWakeSeconds * NS_PER_SECOND,
            sleepsWhenClosed,
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
    const pv = a.passive;
    if (pv && pv.floatShare > 0) {
      add(new PassiveHolder(exchange, n, { symbol, initialPosition: Math.floor(sym.floatLots * pv.floatShare) }), 0);
    }
  }

  a.leveragedEtfs.forEach((e) => {
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

  return { traders, retail: retailGroups, listeners };
}
