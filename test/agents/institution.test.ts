// The long-term institution: target position from mispricing, passive limit orders, news.
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/core/rng.ts';
import { Institution, institutionTarget, orderTowards, passivePrice, type InstitutionParams } from '../../src/agents/institution.ts';
import { InvestorClass } from '../../src/agents/classes.ts';
import { MSG_NEWS } from '../../src/market/protocol.ts';
import type { Narrative } from '../../src/news/event.ts';
import { DEFAULT_GAP_MAP } from '../../src/news/gaps.ts';
import { Hitter, Liquidity, market, ordersOf } from './helpers.ts';

describe('institution decision rule', () => {
  it('target = clamp(round(base + kappa (h m + (1 - h) trend)))', () => {
    expect(institutionTarget(1_000, 2_000, 1, 0.1, 0, 0, 5_000)).toBe(1_200);
    expect(institutionTarget(1_000, 2_000, 0.5, 0.1, 0.02, 0, 5_000)).toBe(1_000 + 2_000 * (0.05 + 0.01));
    expect(institutionTarget(1_000, 2_000, 1, -1, 0, 100, 5_000)).toBe(100);
    expect(institutionTarget(1_000, 2_000, 1, 5, 0, 0, 5_000)).toBe(5_000);
    expect(orderTowards(1_200, 1_000, 50, 1)).toBe(50);
    expect(orderTowards(990, 1_000, 50, 1)).toBe(-10);
    expect(orderTowards(1_000, 1_000, 50, 1)).toBe(0);
    expect(orderTowards(1_003, 1_000, 50, 5)).toBe(0);
  });

  it('sends nothing while the target lies within the rebalancing band, and outside it an order to the band\'s edge', () => {
    // the band is judged on the target's distance, before the order is clamped to maxOrder
    expect(orderTowards(1_030, 1_000, 50, 1, 40)).toBe(0);
    expect(orderTowards(950, 1_000, 50, 1, 40)).toBe(-10);
    expect(orderTowards(1_130, 1_000, 50, 1, 100)).toBe(30);
    expect(orderTowards(1_200, 1_000, 50, 1, 100)).toBe(50);
    expect(orderTowards(1_099, 1_000, 50, 1, 100)).toBe(0);
    // on the edge itself there is nothing left to trade
    expect(orderTowards(960, 1_000, 50, 1, 40)).toBe(0);
    // band 0 is the rule without a band
    for (const t of [990, 1_000, 1_003, 1_200]) expect(orderTowards(t, 1_000, 50, 1, 0)).toBe(orderTowards(t, 1_000, 50, 1));
  });

  it('places passive limits one tick inside a wide spread, at the touch otherwise', () => {
    expect(passivePrice(0, 100, 105, 102.5)).toBe(101);
    expect(passivePrice(1, 100, 105, 102.5)).toBe(104);
    expect(passivePrice(0, 100, 101, 100.5)).toBe(100);
    expect(passivePrice(1, 100, 101, 100.5)).toBe(101);
    expect(passivePrice(0, null, null, 99.5)).toBe(99);
    expect(passivePrice(1, null, 120, 110)).toBe(120);
  });
});

describe('Institution agent', () => {
  const nar: Narrative[] = [{ event: 0, kind: 'informed', startNs: 0, valueRatios: [1.2], reachFloor: 0.2 }];
  const params = (over: Partial<InstitutionParams> = {}): InstitutionParams => ({
    symbol: 0,
    initialPosition: 10_000,
    initialCash: 1_000_000_000,
    valueTicks: 10_000,
    gaps: { information: 0, onSite: 0, horizon: 0 },
    gapMap: { ...DEFAULT_GAP_MAP, minSignalSd: 0, maxSignalSd: 0 },
    narratives: nar,
    meanWakeNs: 60e9,
    maxOrder: 500,
    ...over,
  });

  it('holds at equilibrium, then buys with a passive bid after hearing value is 20% higher', () => {
    const m = market(10_000);
    m.k.add(new Liquidity(m.ex, [{ side: 0, price: 9_990, qty: 100 }, { side: 1, price: 10_010, qty: 100 }]));
    const inst = m.k.add(new Institution(m.ex, 1, stream(1, 'inst'), params()), 0);
    expect(inst.classId).toBe(InvestorClass.INSTITUTION);
    expect(inst.position[0]).toBe(10_000);
    m.k.run(3_600e9);
    expect(ordersOf(m, inst, 'limit')).toEqual([]); // mid = value: target = base
    // the news arrives (the feed's message, by hand)
    const s = m.k.send(0, inst.id, MSG_NEWS);
    m.k.msgs.a[s] = 0;
    m.k.msgs.b[s] = 0;
    m.k.run(2 * 3_600e9);
    expect(inst.valueEstimate).toBeCloseTo(12_000, 6);
    const buys = ordersOf(m, inst, 'limit');
    expect(buys.length).toBeGreaterThan(0);
    expect(buys[0]).toMatchObject({ side: 0, price: 9_991, qty: 500, flags: 0 });
  });

  it('an insider ignores the naive reading; a low-information class sells on it', () => {
    const naive: Narrative[] = [{ event: 0, kind: 'naive', startNs: 0, valueRatios: [0.8], reachFloor: 0.9 }];
    for (const [info, expectSell] of [[0, false], [0.9, true]] as const) {
      const m = market(10_000);
      m.k.add(new Liquidity(m.ex, [{ side: 0, price: 9_990, qty: 100 }, { side: 1, price: 10_010, qty: 100 }]));
      const inst = m.k.add(new Institution(m.ex, 1, stream(2, 'inst'), params({ narratives: naive, gaps: { information: info, onSite: 0, horizon: 0 } })), 0);
      const s = m.k.send(0, inst.id, MSG_NEWS);
      m.k.msgs.b[s] = 0;
      m.k.run(3_600e9);
      expect(ordersOf(m, inst, 'limit').some((o) => o.side === 1)).toBe(expectSell);
    }
  });

  it('does not trade a target inside its rebalancing band, and outside it trades to the band\'s edge', () => {
    // value +0.5%: target = base + 2 x base x ln(1.005), about 100 lots above the position
    const small: Narrative[] = [{ event: 0, kind: 'informed', startNs: 0, valueRatios: [1.005], reachFloor: 0.2 }];
    const firstOrder = (band: number) => {
      const m = market(10_000);
      m.k.add(new Liquidity(m.ex, [{ side: 0, price: 9_990, qty: 100 }, { side: 1, price: 10_010, qty: 100 }]));
      const inst = m.k.add(new Institution(m.ex, 1, stream(4, 'inst'), params({ narratives: small, band })), 0);
      const s = m.k.send(0, inst.id, MSG_NEWS);
      m.k.msgs.b[s] = 0;
      m.k.run(3_600e9);
      expect(inst.valueEstimate).toBeCloseTo(10_050, 6);
      return ordersOf(m, inst, 'limit')[0];
    };
    const free = firstOrder(0);
    expect(free.side).toBe(0);
    expect(free.qty).toBeGreaterThan(50);
    expect(firstOrder(free.qty + 1)).toBeUndefined();
    expect(firstOrder(50).qty).toBe(free.qty - 50);
  });

  it('never trades past its position limits', () => {
    const m = market(10_000);
    m.k.add(new Liquidity(m.ex, [{ side: 0, price: 9_999, qty: 1_000_000 }, { side: 1, price: 10_001, qty: 1_000_000 }]));
    const inst = m.k.add(new Institution(m.ex, 1, stream(3, 'inst'), params({ valueTicks: 20_000, maxPosition: 11_000, maxOrder: 400 })), 0);
    m.k.add(new Hitter(m.ex, 1, 150, 10e9)); // sellers hitting the best bid every 10 s
    let peak = 0;
    for (let h = 1; h <= 48; h++) {
      m.k.run(h * 3_600e9);
      peak = Math.max(peak, inst.position[0]);
    }
    expect(peak).toBeLessThanOrEqual(11_000);
    expect(inst.position[0]).toBeGreaterThan(10_800); // it did buy up towards the limit
  });
});
