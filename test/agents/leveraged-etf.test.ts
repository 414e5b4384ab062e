// Leveraged ETFs: Cheng & Madhavan rebalancing A (x^2 - x) r (targets.md vectors), MOC orders,
// creations, the daily loop and the fallback when on-close orders are refused.
import { describe, expect, it } from 'vitest';
import { LeveragedEtf, letfTradeLots, letfTradeValue, type LeveragedEtfParams } from '../../src/agents/leveraged-etf.ts';
import { FLAG_ON_CLOSE } from '../../src/market/protocol.ts';
import { market, ordersOf } from './helpers.ts';

const H = 3_600e9;

describe('rebalancing trade', () => {
  it('matches the targets.md vectors', () => {
    expect(letfTradeValue(100, 3, 0.05)).toBeCloseTo(30, 12);
    expect(letfTradeValue(1, 2, -0.1697)).toBeCloseTo(-0.3394, 12);
    // inverse funds: factors 2, 6, 12, trading in the market's direction
    expect(letfTradeValue(1, -1, 0.1)).toBeCloseTo(0.2, 12);
    expect(letfTradeValue(1, -2, 0.1)).toBeCloseTo(0.6, 12);
    expect(letfTradeValue(1, -3, -0.1)).toBeCloseTo(-1.2, 12);
    // NVDA 27 Jan: 2 x 0.1697 x $5.9B ~ $2.0B of selling
    expect(letfTradeValue(5.9e9, 2, -0.1697) / 1e9).toBeCloseTo(-2.0, 1);
  });

  it('adds x F for net creations F and rounds to the nearest lot', () => {
    expect(letfTradeValue(100, 2, 0, 10)).toBe(20);
    expect(letfTradeValue(100, -2, 0, 10)).toBe(-20);
    // A = $1M, x = 3, r = 5%: $300,000 = 3e7 cents at 100 ticks x 1 cent per lot -> 300,000 lots
    expect(letfTradeLots(1e8, 3, 0.05, 0, 100, 1)).toBe(300_000);
    expect(letfTradeLots(1e6, 2, -0.1697, 0, 100, 1)).toBe(-3_394);
    expect(letfTradeLots(1_000, 2, 0.0125, 0, 10, 1)).toBe(3); // 2.5 lots rounds half away from zero
    expect(letfTradeLots(1_000, 2, -0.0125, 0, 10, 1)).toBe(-3);
  });
});

describe('LeveragedEtf agent', () => {
  const params = (over: Partial<LeveragedEtfParams> = {}): LeveragedEtfParams => ({
    symbol: 0,
    leverage: 2,
    aumCents: 1e8,
    initialPosition: 20_000,
    initialCash: 0,
    prevCloseTicks: 10_000,
    firstSubmitNs: 6.25 * H,
    days: 2,
    ...over,
  });

  it('sends exactly A (x^2 - x) r (to the lot) as a market-on-close order, r from the previous close to the mid at submission', () => {
    const m = market(10_000);
    const etf = m.k.add(new LeveragedEtf(m.ex, 1, params()), 0);
    m.k.run(6 * H);
    m.ex.last[0] = 8_303; // -16.97%
    m.k.run(6.3 * H);
    const o = ordersOf(m, etf, 'market');
    const expected = Math.round((1e8 * 2 * 0.1697) / 8_303);
    expect(etf.lastReturn).toBeCloseTo(-0.1697, 12);
    expect(o[0]).toMatchObject({ side: 1, qty: expected, time: 6.25 * H });
    expect(o[0].flags & FLAG_ON_CLOSE).toBe(FLAG_ON_CLOSE);
    expect(etf.lastTradeLots).toBe(-expected);
  });

  it('books the day at the close (A <- A (1 + x r_close) + F) and measures the next day from that close', () => {
    const m = market(10_000);
    const etf = m.k.add(new LeveragedEtf(m.ex, 1, params({ leverage: 3, dailyFlowCents: [1_000_000, 0] })), 0);
    m.ex.last[0] = 10_500;
    m.k.run(6.3 * H);
    // day 0: r = 5%, flow +$10,000: rebalancing 1e8 x 6 x 0.05 = 3e7 cents at 10,500 -> 2,857 lots,
    // creations 3 x 1e6 = 3e6 cents -> 286 lots, as two on-close orders
    const sent = ordersOf(m, etf, 'market');
    expect(sent[0]).toMatchObject({ side: 0, qty: Math.round(3e7 / 10_500) });
    expect(sent[1]).toMatchObject({ side: 0, qty: Math.round(3e6 / 10_500) });
    expect(etf.sessions[0]).toMatchObject({ rebalanceLots: 2_857, creationLots: 286 });
    m.ex.last[0] = 10_400; // the close
    m.k.run(7 * H);
    expect(etf.day).toBe(1);
    expect(etf.prevClose).toBe(10_400);
    expect(etf.aumCents).toBeCloseTo(1e8 * (1 + 3 * 0.04) + 1_000_000, 3);
    m.ex.last[0] = 10_400; // flat next day: no trade
    m.k.run(31 * H);
    // two on-close orders over the two days, both on day 0 (an exchange without a closing auction
    // refuses them and the fund re-sends each as a market order: counted in fallbacks)
    const moc = ordersOf(m, etf, 'market').filter((o) => (o.flags & FLAG_ON_CLOSE) !== 0);
    expect(moc.map((o) => [o.time, o.side, o.qty])).toEqual([
      [6.25 * H, 0, 2_857],
      [6.25 * H, 0, 286],
    ]);
    expect(ordersOf(m, etf, 'market').length).toBe(2 + etf.fallbacks);
    expect(etf.day).toBe(2);
  });

  it('re-sends a refused on-close order at once as a market order', () => {
    const m = market(10_000);
    const etf = m.k.add(new LeveragedEtf(m.ex, 1, params({ days: 1 })), 0);
    // an exchange that refuses on-close orders: reject every order carrying the flag
    const receive = m.ex.receive.bind(m.ex);
    m.ex.receive = (k, slot) => {
      if ((k.msgs.f[slot] & FLAG_ON_CLOSE) !== 0 && k.msgs.kind[slot] === 2) {
        const r = k.send(m.ex.id, k.msgs.from[slot], 11);
        k.msgs.a[r] = 0;
        k.msgs.b[r] = 34;
        k.msgs.e[r] = k.msgs.e[slot];
        return;
      }
      receive(k, slot);
    };
    m.ex.last[0] = 9_000;
    m.k.run(7 * H);
    const o = m.orders.filter((x) => x.from === etf.id); // the refused order never reached the log
    expect(etf.ordersSent).toBe(2);
    expect(o.length).toBe(1);
    expect(o[0]).toMatchObject({ side: 1, qty: -etf.lastTradeLots, flags: 0 });
    expect(etf.lastTradeLots).toBe(Math.round((1e8 * 2 * -0.1) / 9_000));
    expect(etf.fallbacks).toBe(1);
  });

  it('refuses zero leverage and non-positive assets', () => {
    const m = market(10_000);
    expect(() => new LeveragedEtf(m.ex, 1, params({ leverage: 0 }))).toThrow(/leverage must be a finite non-zero number, got 0/);
    expect(() => new LeveragedEtf(m.ex, 1, params({ aumCents: 0 }))).toThrow(/aumCents must be > 0/);
  });
});
