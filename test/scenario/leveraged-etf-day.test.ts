// A leveraged ETF through a real trading day: its rebalancing trade A(x^2 - x)r goes into the
// closing auction as a market-on-close order (no fallback), and the audit holds.
import { describe, expect, it } from 'vitest';
import { LeveragedEtf, letfTradeLots } from '../../src/agents/leveraged-etf.ts';
import { buildRun, completeRun, parseScenario } from '../../src/scenario/index.ts';

const scenario = (aumUsd: number, referencePrice: number) =>
  parseScenario({
    name: 'letf-day',
    schedule: { kind: 'us-equity', days: 1, startBeforeOpenSeconds: 60 },
    symbols: [{ name: 'X', referencePrice, tickCents: 1, floatLots: 1_000_000 }],
    agents: {
      zeroIntelligence: { count: 60, meanWakeSeconds: 20, pCancel: 0.2, pMarket: 0.1, pCross: 0.05, offsetMean: 4, maxQty: 50, maxLive: 8 },
      marketMakers: { count: 2, intervalSeconds: 3, halfSpread: 2, skew: 0.01, size: 50, maxInventory: 100_000 },
      leveragedEtfs: [{ symbol: 'X', leverage: 2, aumUsd }],
    },
  });

describe('leveraged ETF in the closing auction', () => {
  it('sends A(x^2 - x)r as a market-on-close order that trades in the auction', () => {
    const s = scenario(5_000_000, 10_000);
    const r = buildRun(s, 11);
    const fund = r.traders.find((t): t is LeveragedEtf => t instanceof LeveragedEtf)!;
    const before = fund.position[0];
    completeRun(r);
    expect(fund.fallbacks).toBe(0);
    // The trade the fund computed from its return at submission...
    const expected = letfTradeLots(500_000_000, 2, fund.lastReturn, 0, 10_000 * (1 + fund.lastReturn), 1);
    expect(fund.lastTradeLots).toBe(expected);
    expect(fund.lastTradeLots).not.toBe(0);
    // ...is what its position changed by, all of it at the closing auction's price.
    expect(fund.position[0] - before).toBe(fund.lastTradeLots);
    const tape = r.recorder;
    let auctionLots = 0;
    for (let i = 0; i < tape.count; i++) if (tape.side[i] === 2 && (tape.maker[i] === fund.id || tape.taker[i] === fund.id)) auctionLots += tape.qty[i];
    expect(auctionLots).toBe(Math.abs(fund.lastTradeLots));
  });
});
