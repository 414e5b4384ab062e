// The rmsc04 preset: the workload of ABIDES's reference configuration RMSC04
// (jpmorganchase/abides-jpmc-public, abides-markets/abides_markets/configs/rmsc04.py) in
// shocklab's agents, for the day benchmark: a 30-minute session (09:30-10:00) with 1 exchange,
// 2 market makers, 102 value agents, 12 momentum agents and 1000 noise agents at ABIDES's wake
// rates: value agents arrive at lambda_a = 5.7e-12 per ns (mean 175 s), momentum agents every
// 37 s, noise agents once in a 7-hour window (so ~7% of them act in the 30 minutes). ABIDES's
// adaptive market makers re-quote a 10-level ladder on each market-data update; ours quote one
// level a side, re-quoted every 0.24 s, which gives a comparable order count (~30k new orders in
// the session, ABIDES: 31.6k new orders, 11.8k cancels).
import type { ScenarioInput } from '../schema.ts';

export const RMSC04: ScenarioInput = {
  name: 'rmsc04',
  description: "ABIDES RMSC04's agent counts and wake rates in shocklab's agents (the day benchmark's peer workload): 30 minutes, 1116 agents.",
  durationSeconds: 1800,
  recording: { realSharesPerLot: 1, sampleSeconds: 1 },
  symbols: [{ name: 'ABM', referencePrice: 100_000, tickCents: 1, floatLots: 10_000_000 }],
  stp: 'none',
  agents: {
    zeroIntelligence: { count: 1000, meanWakeSeconds: 25_200, pCancel: 0, pMarket: 0.1, pCross: 0.05, offsetMean: 4, maxQty: 100, maxLive: 4, latencyUs: 100 },
    marketMakers: { count: 2, intervalSeconds: 0.24, halfSpread: 2, skew: 0.01, size: 100, maxInventory: 100_000, latencyUs: 50 },
    institutions: { count: 102, floatShare: 0.5, meanWakeSeconds: 175.4, maxOrderFraction: 0.0002 },
    fastMoney: { count: 12, floatShare: 0, cashRatio: 0, cashUsd: 10_000_000, meanWakeSeconds: 37, maxOrder: 10 },
    leveragedEtfs: [],
  },
};
