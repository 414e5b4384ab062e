// Fast money: exposure rule, drawdown stop, margin call, trend following.
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/core/rng.ts';
import { exposureTargetLots, FastMoney, fastMoneyExposure, type FastMoneyParams } from '../../src/agents/fast-money.ts';
import { Liquidity, market, ordersOf } from './helpers.ts';

const S = 1e9;

const params = (over: Partial<FastMoneyParams> = {}): FastMoneyParams => ({
  symbol: 0,
  initialPosition: 1_000,
  initialCash: -5_000_000, // equity 5e6 cents at 10,000 ticks x 1 cent: leverage 2
  valueTicks: 10_000,
  gaps: { information: 0.5, onSite: 0.3, horizon: 0.8 },
  narratives: [],
  meanWakeNs: 1 * S,
  minTrade: 1e9, // never trades voluntarily unless a test says so
  ...over,
});

describe('fast-money decision rule', () => {
  it('exposure = clamp(gT (1 - h) trend + gV h m, -L, L); target = trunc(phi E / (P c))', () => {
    expect(fastMoneyExposure(0.01, 0.05, 0.2, 40, 5, 2)).toBeCloseTo(40 * 0.8 * 0.01 + 5 * 0.2 * 0.05, 12);
    expect(fastMoneyExposure(0.5, 0, 0.2, 40, 5, 2)).toBe(2);
    expect(fastMoneyExposure(-0.5, 0, 0.2, 40, 5, 2)).toBe(-2);
    expect(exposureTargetLots(1.5, 5_000_000, 10_000, 1)).toBe(750);
    expect(exposureTargetLots(-1.5, 5_000_000, 10_000, 1)).toBe(-750);
    expect(exposureTargetLots(1, -1, 10_000, 1)).toBe(0);
  });
});

describe('FastMoney agent', () => {
  it('does not sell while the drawdown is below the stop', () => {
    const m = market(10_000);
    const fm = m.k.add(new FastMoney(m.ex, 1, stream(1, 'fm'), params({ drawdownStop: 0.1 })), 0);
    m.k.run(10 * S);
    m.ex.last[0] = 9_600; // equity 4.6e6: drawdown 8%
    m.k.run(20 * S);
    expect(ordersOf(m, fm)).toEqual([]);
    expect(fm.stops).toBe(0);
  });

  it('closes the whole position by market sells when the drawdown passes the stop', () => {
    const m = market(10_000);
    const fm = m.k.add(new FastMoney(m.ex, 1, stream(1, 'fm'), params({ drawdownStop: 0.1 })), 0);
    m.k.run(10 * S);
    expect(fm.peakEquity).toBe(5_000_000);
    m.ex.last[0] = 9_400; // equity 4.4e6: drawdown 12% >= 10%
    m.k.run(11.5 * S);
    const sells = ordersOf(m, fm, 'market');
    expect(fm.stops).toBe(1);
    expect(sells[0]).toMatchObject({ side: 1, qty: 1_000 });
  });

  it('liquidates in chunks while cooling down, to flat, and stays flat', () => {
    const m = market(10_000);
    m.k.add(new Liquidity(m.ex, [{ side: 0, price: 9_300, qty: 100_000 }]));
    const fm = m.k.add(new FastMoney(m.ex, 1, stream(2, 'fm'), params({ drawdownStop: 0.1, liquidationChunk: 300, liquidationIntervalNs: 1 * S, cooldownNs: 3_600 * S })), 0);
    m.k.run(10 * S);
    m.ex.last[0] = 9_400;
    m.k.run(60 * S);
    const sells = ordersOf(m, fm, 'market');
    expect(sells.map((o) => o.qty)).toEqual([300, 300, 300, 100]);
    expect(sells.every((o) => o.side === 1)).toBe(true);
    expect(fm.position[0]).toBe(0);
    expect(fm.isCoolingDown(m.k.now)).toBe(true);
  });

  it('meets a margin call by cutting the position back to the initial margin', () => {
    const m = market(10_000);
    // E = 2e6 on X = 1e7: E/X = 0.2 < mm 0.25 -> keep floor(2e6 / (0.5 x 1e4)) = 400 lots: sell 600
    const fm = m.k.add(new FastMoney(m.ex, 1, stream(3, 'fm'), params({ initialCash: -8_000_000, drawdownStop: 0.99 })), 0);
    m.k.run(1.5 * S + 5 * S);
    const sells = ordersOf(m, fm, 'market');
    expect(sells[0]).toMatchObject({ side: 1, qty: 600 });
    expect(fm.marginCalls).toBeGreaterThan(0);
  });

  it('follows a rising trend: buys when the fast EMA is above the slow one', () => {
    const m = market(10_000);
    // an empty book: orders do not fill, the mid is the last price the test sets
    const fm = m.k.add(new FastMoney(m.ex, 1, stream(4, 'fm'), params({ initialPosition: 0, initialCash: 10_000_000, minTrade: 1, trendFastNs: 60 * S, trendSlowNs: 600 * S, gaps: { information: 0.5, onSite: 0.3, horizon: 1 } })), 0);
    for (let t = 1; t <= 300; t++) {
      m.ex.last[0] = 10_000 + 10 * t; // +3% over 5 minutes
      m.k.run(t * S);
    }
    const buys = ordersOf(m, fm, 'market').filter((o) => o.side === 0);
    expect(buys.length).toBeGreaterThan(0);
    expect(ordersOf(m, fm, 'market').filter((o) => o.side === 1)).toEqual([]);
    // and sells into a falling one
    for (let t = 301; t <= 900; t++) {
      m.ex.last[0] = 13_000 - 10 * (t - 300);
      m.k.run(t * S);
    }
    expect(ordersOf(m, fm, 'market').filter((o) => o.side === 1).length).toBeGreaterThan(0);
  });
});
