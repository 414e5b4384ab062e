// The market maker's volatility-widened spread, liquidity withdrawal and taper; passive holders.
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/core/rng.ts';
import { ewmaVariance, MarketMaker, quoteHalfSpread, taperedSize, type MarketMakerParams } from '../../src/agents/market-maker.ts';
import { PassiveHolder } from '../../src/agents/passive-holder.ts';
import { InvestorClass } from '../../src/agents/classes.ts';
import { market, ordersOf } from './helpers.ts';

const base: MarketMakerParams = { symbol: 0, intervalNs: 1e9, halfSpread: 2, skew: 0, size: 50, maxInventory: 1_000 };

function firstQuotes(p: MarketMakerParams, setup?: (mm: MarketMaker) => void) {
  const m = market(10_000);
  const mm = m.k.add(new MarketMaker(m.ex, 1, stream(1, 'mm'), p), 0);
  setup?.(mm);
  m.k.run(1e9);
  const q = ordersOf(m, mm, 'limit');
  return { bid: q.find((o) => o.side === 0), ask: q.find((o) => o.side === 1) };
}

describe('MarketMaker', () => {
  it('without the new parameters quotes mid -/+ halfSpread as before', () => {
    const { bid, ask } = firstQuotes(base);
    expect(bid).toMatchObject({ price: 9_998, qty: 50 });
    expect(ask).toMatchObject({ price: 10_002, qty: 50 });
  });

  it('widens the half-spread with realised volatility: H = halfSpread + volSpread sigma mid', () => {
    expect(quoteHalfSpread(2, 1, 0.02, 10_000)).toBe(202);
    const { bid, ask } = firstQuotes({ ...base, volSpread: 1 }, (mm) => (mm.variance = 0.02 * 0.02));
    expect(bid?.price).toBe(9_798);
    expect(ask?.price).toBe(10_202);
  });

  it('updates sigma^2 as an EWMA of squared log mid changes, and stays 0 around a still mid', () => {
    expect(ewmaVariance(0.0004, 0.01, 0.9)).toBeCloseTo(0.9 * 0.0004 + 0.1 * 0.0001, 15);
    const m = market(10_000);
    const mm = m.k.add(new MarketMaker(m.ex, 1, stream(1, 'mm'), { ...base, volSpread: 1, volDecay: 0.9 }), 0);
    m.k.run(10e9);
    expect(mm.variance).toBe(0); // its own symmetric quotes keep the mid where it was
  });

  it('withdraws both quotes above maxVolatility, and the adding side at the inventory limit', () => {
    const hot = firstQuotes({ ...base, volSpread: 1, maxVolatility: 0.01 }, (mm) => (mm.variance = 0.02 * 0.02));
    expect(hot.bid).toBeUndefined();
    expect(hot.ask).toBeUndefined();
    const full = firstQuotes({ ...base, initialPosition: 1_000 });
    expect(full.bid).toBeUndefined();
    expect(full.ask).toBeDefined();
  });

  it('tapers the adding side as inventory grows', () => {
    expect(taperedSize(50, 500, 1_000)).toBe(25);
    expect(taperedSize(50, -990, 1_000)).toBe(1);
    const { bid, ask } = firstQuotes({ ...base, taper: true, initialPosition: 600 });
    expect(bid?.qty).toBe(20);
    expect(ask?.qty).toBe(50);
  });
});

describe('PassiveHolder', () => {
  it('holds its shares and cash and never sends an order', () => {
    const m = market(10_000);
    const p = m.k.add(new PassiveHolder(m.ex, 1, { symbol: 0, initialPosition: 1_000_000, initialCash: 5 }), 0);
    m.k.run(24 * 3_600e9);
    expect(p.classId).toBe(InvestorClass.PASSIVE);
    expect(ordersOf(m, p)).toEqual([]);
    expect(p.position[0]).toBe(1_000_000);
    expect(p.cash).toBe(5);
    expect(() => new PassiveHolder(m.ex, 1, { symbol: 0, initialPosition: 1.5 })).toThrow(/integer number of lots, got 1.5/);
  });
});
