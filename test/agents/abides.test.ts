// ABIDES's RMSC04 agents (src/agents/abides-*.ts) and their parts: the order-size mixture, the
// U-quadratic wake time, the mean-reverting oracle, the market maker's ladder and stall, and the
// exchange's book-imbalance events. Rules as docs/abides-rmsc04.md states them.
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/core/rng.ts';
import { NS_PER_SECOND } from '../../src/core/units.ts';
import { mixtureOrderSize } from '../../src/agents/order-size-mixture.ts';
import { uQuadratic, AbidesNoise } from '../../src/agents/abides-noise.ts';
import { MeanRevertingOracle, discountFactor, logDecayOf } from '../../src/agents/mean-reverting-oracle.ts';
import { AbidesMarketMaker, ladder } from '../../src/agents/abides-market-maker.ts';
import { AbidesValue } from '../../src/agents/abides-value.ts';
import { AbidesMomentum } from '../../src/agents/abides-momentum.ts';
import { bookImbalance, heavierSide } from '../../src/market/imbalance.ts';
import { IMBALANCE_FINISH, IMBALANCE_START, MSG_IMBALANCE } from '../../src/market/protocol.ts';
import type { Agent, Kernel } from '../../src/kernel/kernel.ts';
import { Liquidity, market, ordersOf } from './helpers.ts';

const ORACLE = { meanCents: 100_000, kappaPerNs: 1.67e-16, volatility: 5e-5, megashockRatePerNs: 2.77778e-18, megashockMean: 1000, megashockVariance: 50_000, closeNs: 23_400 * NS_PER_SECOND };

describe('order-size mixture', () => {
  it('draws round lots 70% of the time, a lognormal 20%, with mean about 106', () => {
    const rng = stream(1, 'sizes');
    const n = 200_000;
    let sum = 0;
    let hundreds = 0;
    let zeros = 0;
    for (let i = 0; i < n; i++) {
      const x = mixtureOrderSize(rng);
      expect(Number.isInteger(x) && x >= 0).toBe(true);
      sum += x;
      if (x === 100) hundreds++;
      if (x === 0) zeros++;
    }
    expect(sum / n).toBeGreaterThan(100);
    expect(sum / n).toBeLessThan(112);
    expect(hundreds / n).toBeGreaterThan(0.69); // 0.7 from N(100, 0.15) plus the lognormal's rare 100s
    expect(hundreds / n).toBeLessThan(0.72);
    expect(zeros / n).toBeLessThan(0.001);
  });
});

describe('noise agent', () => {
  it('draws its wake time U-quadratic: most mass near the window ends', () => {
    expect(uQuadratic(0)).toBeCloseTo(0, 12);
    expect(uQuadratic(0.5)).toBeCloseTo(0.5, 12);
    expect(uQuadratic(1)).toBeCloseTo(1, 12);
    // P(u < 1/14) = (1/2)^3 - (1/2 - 1/14)^3 times 4 = 0.5 - 4 (3/7)^3 -> 18.5% before 09:30 in RMSC04.
    const rng = stream(3, 'u');
    let early = 0;
    for (let i = 0; i < 100_000; i++) if (uQuadratic(rng.nextFloat()) < 1 / 14) early++;
    expect(early / 100_000).toBeCloseTo(0.5 - 4 * (3 / 7) ** 3, 2);
  });

  it('sends one limit order at the opposite touch once, or nothing when that side is empty', () => {
    const sent: number[] = [];
    for (const withAsks of [true, false]) {
      const m = market(100_000);
      m.k.add(new Liquidity(m.ex, withAsks ? [{ side: 0, price: 99_990, qty: 1_000_000 }, { side: 1, price: 100_010, qty: 1_000_000 }] : []));
      const agents: AbidesNoise[] = [];
      for (let i = 0; i < 40; i++) agents.push(m.k.add(new AbidesNoise(m.ex, 1, stream(5, 'noise', i), { symbol: 0, openNs: 1_000, windowStartNs: 0, windowEndNs: 3_600 * NS_PER_SECOND }), 10));
      m.k.run(4_000 * NS_PER_SECOND);
      const orders = agents.flatMap((a) => ordersOf(m, a));
      sent.push(orders.length);
      for (const o of orders) {
        expect(o.kind).toBe('limit');
        expect(o.price).toBe(o.side === 0 ? 100_010 : 99_990);
      }
      for (const a of agents) expect(ordersOf(m, a).length).toBeLessThanOrEqual(1);
    }
    expect(sent[0]).toBeGreaterThan(30); // a size of 0 is rare
    expect(sent[1]).toBe(0);
  });
});

describe('mean-reverting oracle', () => {
  it('moves like a random walk of ~1.58 cents per sqrt(second) within a day, in integer cents', () => {
    let sq = 0;
    const n = 2_000;
    for (let i = 0; i < n; i++) {
      const o = new MeanRevertingOracle(ORACLE, stream(9, 'oracle', i));
      const v = o.valueAt(60 * NS_PER_SECOND);
      expect(Number.isInteger(v)).toBe(true);
      sq += (v - 100_000) ** 2;
    }
    const sd = Math.sqrt(sq / n);
    expect(sd).toBeGreaterThan(11); // sqrt(60) x 1.58 = 12.2 (plus rounding)
    expect(sd).toBeLessThan(13.5);
  });

  it("freezes at its close and adds the observer's noise (sigma_n a variance)", () => {
    const o = new MeanRevertingOracle({ ...ORACLE, closeNs: 10 * NS_PER_SECOND }, stream(2, 'oracle'));
    const a = o.valueAt(20 * NS_PER_SECOND);
    expect(o.valueAt(3_000 * NS_PER_SECOND)).toBe(a);
    const obs = stream(2, 'observer');
    let sq = 0;
    for (let i = 0; i < 20_000; i++) sq += (o.observe(30 * NS_PER_SECOND, obs, 1000) - a) ** 2;
    expect(Math.sqrt(sq / 20_000)).toBeCloseTo(Math.sqrt(1000), 0);
  });

  it('discounts toward r_bar by (1 - kappa)^(T - t)', () => {
    expect(discountFactor(logDecayOf(1.67e-15), 0)).toBe(1);
    expect(discountFactor(logDecayOf(1.67e-15), 23_400 * NS_PER_SECOND)).toBeCloseTo(0.9618, 3);
  });
});

describe('adaptive market maker', () => {
  it('centres the ladder on the mid shifted by the trade imbalance', () => {
    expect(ladder(1000, 3, 0, 0, 4, 5)).toEqual({ bid: 999, ask: 1002, tick: 15 });
    expect(ladder(1000, 3, 10, 0, 4, 5)).toEqual({ bid: 1003, ask: 1006, tick: 15 }); // all buys: +4
    expect(ladder(1000, 0.2, 0, 10, 4, 5)).toEqual({ bid: 996, ask: 997, tick: 1 });
  });

  it('cancels and re-quotes 10 levels a side; stalls for good when its first look finds no mid', () => {
    const run = (book: boolean) => {
      const m = market(100_000);
      if (book) m.k.add(new Liquidity(m.ex, [{ side: 0, price: 99_990, qty: 5 }, { side: 1, price: 100_010, qty: 5 }]));
      const mm = m.k.add(new AbidesMarketMaker(m.ex, 1, stream(4, 'mm'), { symbol: 0, openNs: 0, meanWakeNs: 60 * NS_PER_SECOND, pov: 0.025, levels: 10, levelSpacing: 5, spreadAlpha: 0.75, priceSkew: 4, initialSpread: 50 }), 1_000);
      m.k.run(3_600 * NS_PER_SECOND);
      return { m, mm };
    };
    const live = run(true);
    const limits = ordersOf(live.m, live.mm, 'limit');
    expect(live.mm.cycles).toBeGreaterThan(30);
    expect(limits.length).toBe(20 * live.mm.cycles);
    expect(limits.slice(0, 10).every((o) => o.side === 0) && limits.slice(10, 20).every((o) => o.side === 1)).toBe(true);
    expect(limits[9].price).toBeLessThan(limits[10].price);
    expect(ordersOf(live.m, live.mm, 'cancel').length).toBeGreaterThan(0);
    const stalled = run(false);
    expect(stalled.mm.stalled).toBe(true);
    expect(ordersOf(stalled.m, stalled.mm).length).toBe(0);
  });
});

describe('book imbalance events', () => {
  it('measures 1 - min/max of resting volume and names the heavier side', () => {
    expect([bookImbalance(10, 10), heavierSide(10, 10)]).toEqual([0, -1]);
    expect([bookImbalance(0, 5), heavierSide(0, 5)]).toEqual([1, 1]);
    expect([bookImbalance(20, 10), heavierSide(20, 10)]).toEqual([0.5, 0]);
  });

  it('sends START when resting volume turns more than 90% one-sided and FINISH when it ends', () => {
    const m = market(100_000);
    const heard: string[] = [];
    const listener: Agent = { id: -1, start: () => {}, wake: () => {}, receive: (k: Kernel, slot: number) => {
      if (k.msgs.kind[slot] === MSG_IMBALANCE) heard.push(`${k.msgs.b[slot] === IMBALANCE_START ? 'START' : k.msgs.b[slot] === IMBALANCE_FINISH ? 'FINISH' : '?'} ${k.msgs.c[slot]}`);
    } };
    m.k.add(listener, 0);
    m.ex.subscribeImbalance(listener.id, 0, 0.9);
    m.k.add(new Liquidity(m.ex, [{ side: 0, price: 99_990, qty: 100 }, { side: 1, price: 100_010, qty: 50 }, { side: 1, price: 100_020, qty: 60 }]));
    m.k.run(1_000);
    // bid 100 alone: START (bids); asks 50: 0.5, FINISH; asks 110: ask side heavier, 0.09: nothing.
    expect(heard).toEqual(['START 0', 'FINISH 0']);
  });
});

describe('value and momentum agents', () => {
  it('value agents cancel what they believe open and order around r_T; momentum waits for 51 mids', () => {
    const m = market(100_000);
    m.k.add(new Liquidity(m.ex, [{ side: 0, price: 99_990, qty: 100_000 }, { side: 1, price: 100_010, qty: 100_000 }]));
    const oracle = new MeanRevertingOracle(ORACLE, stream(1, 'oracle'));
    const value = m.k.add(new AbidesValue(m.ex, 1, stream(1, 'value'), { symbol: 0, openNs: 0, closeNs: 23_400 * NS_PER_SECOND, meanWakeNs: 175 * NS_PER_SECOND, oracle, meanCents: 100_000, kappaPerNs: 1.67e-15, observationVariance: 1000, percentAggressive: 0.1, depthSpread: 2 }), 1_000);
    const mom = m.k.add(new AbidesMomentum(m.ex, 1, stream(1, 'momentum'), { symbol: 0, openNs: 0, meanWakeNs: 37 * NS_PER_SECOND, short: 20, long: 50 }), 1_000);
    m.k.run(3_600 * NS_PER_SECOND);
    const v = ordersOf(m, value, 'limit');
    expect(v.length).toBeGreaterThan(10);
    for (const o of v) expect(o.price >= 99_990 - 40 && o.price <= 100_010 + 40).toBe(true);
    // Every wake after the first cancels the orders still open (none fill against 100,000-lot walls unless marketable).
    expect(ordersOf(m, value, 'cancel').length).toBeGreaterThan(0);
    const samples = ordersOf(m, mom).length;
    const wakes = 3_600 / 37;
    expect(samples).toBeGreaterThan(wakes - 50 - 25);
    expect(samples).toBeLessThan(wakes - 50 + 25);
  });
});

describe('the imbalance watch keeps the resting totals', () => {
  it('equal to the book summed level by level after random limits, markets and cancels', () => {
    const m = market(1_000);
    const listener: Agent = { id: -1, start: () => {}, wake: () => {}, receive: () => {} };
    m.k.add(listener, 0);
    m.ex.subscribeImbalance(listener.id, 0, 0.5);
    const rng = stream(11, 'random-trader');
    let next = 1;
    const sender: Agent = {
      id: -1,
      start: (k) => k.wakeIn(sender.id, 1),
      wake: (k) => {
        const u = rng.nextFloat();
        const slot = k.send(sender.id, m.ex.id, u < 0.6 ? 1 : u < 0.75 ? 2 : 3); // MSG_LIMIT, MSG_MARKET, MSG_CANCEL
        const msgs = k.msgs;
        msgs.a[slot] = 0;
        msgs.b[slot] = rng.nextU32() & 1;
        msgs.c[slot] = 990 + (rng.nextU32() % 21);
        msgs.d[slot] = 1 + (rng.nextU32() % 9);
        msgs.e[slot] = u < 0.75 ? next++ : 1 + (rng.nextU32() % next);
        msgs.f[slot] = 0;
        if (next < 3_000) k.wakeIn(sender.id, 1);
      },
      receive: () => {},
    };
    m.k.add(sender, 0);
    m.k.run(1e9);
    const book = m.ex.books[0];
    const watch = (m.ex as unknown as { imbalance: { restingLots(s: number, side: number): number } }).imbalance;
    expect(book.levels(0) + book.levels(1)).toBeGreaterThan(5);
    expect(watch.restingLots(0, 0)).toBe(book.depthQty(0, book.levels(0)));
    expect(watch.restingLots(0, 1)).toBe(book.depthQty(1, book.levels(1)));
  });
});
