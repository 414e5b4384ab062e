// The calm-day preset: one NVDA-like trading day without news (daily sigma ~3%, a realistic
// intraday volume shape), the population of the ownership record, and the stylized facts of
// targets.md as its test. Prices in 10-cent ticks; one simulated lot stands for 100 shares.
import type { ScenarioInput } from '../schema.ts';

export const CALM_DAY: ScenarioInput = {
  name: 'calm-day',
  description: 'One NVDA-like trading day without news: US sessions, the ownership record population, self-exciting background flow; passes the stylized facts of targets.md.',
  schedule: { kind: 'us-equity', days: 1, luld: false, startBeforeOpenSeconds: 300 },
  recording: { realSharesPerLot: 100, sampleSeconds: 1 },
  symbols: [{ name: 'NVDA', referencePrice: 1426, tickCents: 10, floatLots: 2_000_000 }],
  stp: 'none',
  agents: {
    zeroIntelligence: { count: 2000, meanWakeSeconds: 60, pCancel: 0.25, pMarket: 0.25, pCross: 0.03, offsetMean: 4, maxQty: 10, maxLive: 8, latencyUs: 100, attention: { decaySeconds: 1200, gain: 300, asymmetry: 1, maxMultiplier: 8 } },
    marketMakers: { count: 2, intervalSeconds: 5, halfSpread: 1, skew: 0.002, size: 20, maxInventory: 5000, volSpread: 0, latencyUs: 50 },
    institutions: { count: 50, floatShare: 0.5, maxOrderFraction: 0.0005 },
    retail: { count: 2000, floatShare: 0.28, maxOrder: 5, pTake0: 0.005, pTakeSlope: 0 },
    passive: { floatShare: 0.07 },
    leveragedEtfs: [],
  },
};
