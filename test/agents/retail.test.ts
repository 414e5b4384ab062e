// Retail: disposition effect, Lux-Marchesi switching, dip buying, cost basis, margin calls.
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/core/rng.ts';
import { DEFAULT_RETAIL_RULE, opinionField, profitTakeProbability, Retail, RETAIL_BUY, RETAIL_NONE, RETAIL_SELL, RETAIL_TAKE_PROFIT, retailAction, switchProbability, switchRate, type RetailParams } from '../../src/agents/retail.ts';
import { RetailCrowd } from '../../src/agents/retail-crowd.ts';
import { wattsStrogatz } from '../../src/news/network.ts';
import { Liquidity, market, ordersOf } from './helpers.ts';

const MIN = 60e9;
const rule = DEFAULT_RETAIL_RULE;

describe('retail decision rule', () => {
  it('profit-taking probability rises with the unrealised gain, from pTake0, up to pTakeMax', () => {
    expect(profitTakeProbability(-0.5, rule)).toBe(rule.pTake0);
    expect(profitTakeProbability(0, rule)).toBe(rule.pTake0);
    const g = [0.1, 0.5, 1, 2, 3];
    const p = g.map((x) => profitTakeProbability(x, rule));
    for (let i = 1; i < p.length; i++) expect(p[i]).toBeGreaterThan(p[i - 1]);
    expect(p[2]).toBeCloseTo(rule.pTake0 + rule.pTakeSlope * 1, 15);
    expect(profitTakeProbability(100, rule)).toBe(rule.pTakeMax);
  });

  it('switching rates follow Lux-Marchesi: nu e^U to optimism, nu e^-U to pessimism', () => {
    const U = opinionField(0.5, -1, 0.1, 0.3, 0.8, 1, 10);
    expect(U).toBeCloseTo(0.8 * 0.5 + 1 * 0.7 * -1 + 10 * 0.3 * 0.1, 15);
    expect(switchRate(-1, U, 2)).toBeCloseTo(2 * Math.exp(U), 12);
    expect(switchRate(1, U, 2)).toBeCloseTo(2 * Math.exp(-U), 12);
    expect(switchProbability(0.5, 2)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(switchProbability(0, 5)).toBe(0);
  });

  it('chooses buy / sell / take-profit from one uniform; dip buying raises the buy band', () => {
    // optimist, no trend: b = pBuy
    expect(retailAction(rule.pBuy - 1e-9, 1, 0, 0, 10, rule)).toBe(RETAIL_BUY);
    expect(retailAction(rule.pBuy + 1e-9, 1, 0, 0, 10, rule)).toBe(RETAIL_TAKE_PROFIT); // t = pTake0 at zero gain
    expect(retailAction(rule.pBuy + rule.pTake0 + 1e-9, 1, 0, 0, 10, rule)).toBe(RETAIL_NONE);
    // a 2-unit dip: b = pBuy + 2 pDip
    const b = rule.pBuy + 2 * rule.pDip;
    expect(retailAction(b - 1e-9, 1, -2, 0, 10, rule)).toBe(RETAIL_BUY);
    // pessimists never buy; they sell with pSell + pPanic dip
    expect(retailAction(0, -1, -2, 0, 10, rule)).toBe(RETAIL_SELL);
    expect(retailAction(rule.pSell + 2 * rule.pPanic - 1e-9, -1, -2, 0, 10, rule)).toBe(RETAIL_SELL);
    expect(retailAction(0, -1, 0, 0, 0, rule)).toBe(RETAIL_NONE); // nothing to sell
  });
});

function crowdOf(n: number, opinion: number): RetailCrowd {
  return new RetailCrowd(wattsStrogatz(n, 4, 0, stream(1, 'net')), new Array(n).fill(opinion));
}

const base = (crowd: RetailCrowd, node: number, over: Partial<RetailParams> = {}): RetailParams => ({
  symbol: 0,
  initialPosition: 100,
  initialCash: 10_000_000,
  referenceTicks: 10_000,
  valueTicks: 10_000,
  gaps: { information: 0.85, onSite: 0.8, horizon: 0.7 },
  narratives: [],
  crowd,
  node,
  meanWakeNs: 10 * MIN,
  ...over,
});

describe('RetailCrowd', () => {
  it('keeps neighbour sums right through flips', () => {
    const c = crowdOf(10, 1);
    expect(c.neighbourMean(0)).toBe(1);
    c.flip(1);
    c.flip(2);
    expect(c.neighbourMean(0)).toBe(0); // neighbours 8, 9, 1, 2 -> +1 +1 -1 -1
    expect(c.opinion[1]).toBe(-1);
    expect(c.optimistShare()).toBeCloseTo(0.8, 15);
    expect(() => new RetailCrowd(c.network, new Array(10).fill(0))).toThrow(/must be \+1 or -1, got 0/);
  });
});

describe('Retail agent', () => {
  it('draws its cost basis well below the price (median ratio r) from its own stream', () => {
    const crowd = crowdOf(2_000, 1);
    const m = market(10_000);
    const bases = Array.from({ length: 2_000 }, (_, i) => new Retail(m.ex, 1, stream(1, 'retail', i), base(crowd, i, { basisMedianRatio: 0.3, basisSigma: 0.5 })).costBasis).sort((a, b) => a - b);
    expect(bases[1_000] / 3_000).toBeGreaterThan(0.95);
    expect(bases[1_000] / 3_000).toBeLessThan(1.05);
    expect(new Retail(m.ex, 1, stream(1, 'retail', 7), base(crowd, 7)).costBasis).toBe(new Retail(m.ex, 1, stream(1, 'retail', 7), base(crowd, 7)).costBasis);
    expect(new Retail(m.ex, 1, stream(1), base(crowd, 0, { costBasisTicks: 1_234 })).costBasis).toBe(1_234);
  });

  it('moves its cost basis to the average cost on a buy', () => {
    const crowd = crowdOf(10, 1);
    const m = market(12_000);
    m.k.add(new Liquidity(m.ex, [{ side: 1, price: 12_000, qty: 1_000 }]));
    const r = m.k.add(new Retail(m.ex, 1, stream(1), base(crowd, 0, { costBasisTicks: 3_000, pBuy: 1, maxOrder: 10, initialCash: 1_000_000_000 })), 0);
    m.k.run(30 * MIN);
    expect(r.position[0]).toBeGreaterThan(100);
    const q = r.position[0];
    expect(r.costBasis).toBeCloseTo((3_000 * 100 + 12_000 * (q - 100)) / q, 9);
  });

  it('the class can net-buy into a fall (dip buying), and sells into it without the dip rule', () => {
    const net = (pDip: number, pPanic: number, optimists: number): number => {
      const n = 300;
      const crowd = new RetailCrowd(wattsStrogatz(n, 4, 0.1, stream(2, 'net')), Array.from({ length: n }, (_, i) => (i < optimists * n ? 1 : -1)));
      const m = market(10_000);
      const agents = Array.from({ length: n }, (_, i) => m.k.add(new Retail(m.ex, 1, stream(3, 'retail', i), base(crowd, i, { pDip, pPanic, herding: 0, trendWeight: 0, valueWeight: 0, switchRatePerHour: 0 })), 0));
      for (let t = 1; t <= 240; t++) {
        m.ex.last[0] = 10_000 * (1 - 0.2 * (t / 240)); // a 20% fall over 4 hours
        m.k.run(t * MIN);
      }
      let lots = 0;
      for (const a of agents) for (const o of ordersOf(m, a, 'market')) lots += o.side === 0 ? o.qty : -o.qty;
      return lots;
    };
    // half optimists: without dip buying the fall brings net selling (profit taking), with it net buying
    expect(net(0, 0, 0.5)).toBeLessThan(0);
    expect(net(0.05, 0, 0.5)).toBeGreaterThan(0);
    expect(net(0, 0.1, 0.4)).toBeLessThan(net(0, 0, 0.4)); // panic selling by pessimists
  });

  it('herding: an optimist surrounded by pessimists switches at rate nu e^{-a1 x}', () => {
    // isolate herding: trend and value weights 0; node 0 optimist, all others pessimists (x = -1)
    const n = 2_000;
    let switched = 0;
    const m = market(10_000);
    for (let trial = 0; trial < n; trial++) {
      const crowd = new RetailCrowd(wattsStrogatz(10, 4, 0, stream(1)), [1, -1, -1, -1, -1, -1, -1, -1, -1, -1]);
      const r = new Retail(m.ex, 1, stream(trial, 'herd'), base(crowd, 0, { herding: 1, trendWeight: 0, valueWeight: 0, switchRatePerHour: 1, pBuy: 0, pTake0: 0, pTakeSlope: 0 }));
      (r as unknown as { act(k: unknown): void }).act(m.k); // first decision: dt = meanWake = 10 min
      if (crowd.opinion[0] === -1) switched++;
    }
    const p = 1 - Math.exp(-Math.exp(1) * (10 / 60));
    const sd = Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(switched / n - p)).toBeLessThan(4 * sd);
  });

  it('a margin account sells on a margin call; a cash account never borrows', () => {
    const crowd = crowdOf(10, 1);
    const m = market(10_000);
    // 100 lots at 10,000 ticks = 1e6 cents; cash -8e5: E = 2e5, E/X = 0.2 < 0.25 -> keep floor(2e5 / (0.5 x 1e4)) = 40
    const r = m.k.add(new Retail(m.ex, 1, stream(4), base(crowd, 0, { initialCash: -800_000, initialMargin: 0.5 })), 0);
    m.k.run(60 * MIN);
    expect(ordersOf(m, r, 'market')[0]).toMatchObject({ side: 1, qty: 60 });
    // the book is empty, so the sell never fills and the call repeats at every wake-up
    expect(r.marginCalls).toBe(ordersOf(m, r, 'market').length);
    expect(ordersOf(m, r, 'market').every((o) => o.side === 1 && o.qty === 60)).toBe(true);
    const cashOnly = m.k.add(new Retail(m.ex, 1, stream(5), base(crowd, 1, { initialCash: 0, pBuy: 1 })), 0);
    m.k.run(120 * MIN);
    expect(ordersOf(m, cashOnly, 'market').filter((o) => o.side === 0)).toEqual([]);
  });
});
