// The calm-day preset: one NVDA-like trading day without news (daily sigma ~3.4%, a U-shaped
// intraday activity), the population of the ownership record, and the stylized facts of
// targets.md as its test. Evaluated as seeds 1-10 x 20 days each (`--set schedule.days=20`), every
// fact passes the rule (pooled in band and >= 8 of 10 seeds): no-autocorrelation 10/10, heavy
// tails 10/10 (Hill 3.72), kurtosis 8/10 (6.83 > 3.18 > 1.94 > 1.49), clustering 8/10, volume-
// volatility 10/10 (0.345), leverage 9/10 (-0.129). With fewer days per seed the per-seed ACF is
// too noisy (77 five-minute returns a day). Prices in 10-cent ticks; one lot stands for 100 shares.
import type { ScenarioInput } from '../schema.ts';

export const CALM_DAY: ScenarioInput = {
  name: 'calm-day',
  description: 'One NVDA-like trading day without news: US sessions, the ownership record population, noise flow around an activity-driven consensus reference with self-exciting attention; judged by the stylized facts of targets.md (all pass over seeds 1-10 with --set schedule.days=20).',
  // Tuned with institutions and retail waking around the clock (their orders rejected while the
  // market is closed); kept so until it is re-tuned (issue: calibration of the calm baseline).
  schedule: { kind: 'us-equity', days: 1, luld: false, startBeforeOpenSeconds: 300, tradersSleepWhenClosed: false },
  recording: { realSharesPerLot: 100, sampleSeconds: 1 },
  symbols: [{ name: 'NVDA', referencePrice: 1426, tickCents: 10, floatLots: 2_000_000 }],
  stp: 'none',
  agents: {
    // Noise flow: pCancel > share of limit orders so an agent's live list never overflows (a
    // forgotten order rests forever and anchors the book); pMarket near the limit share keeps the
    // touch thin enough to be depleted. Attention samples the mid once a minute (attention.ts).
    zeroIntelligence: {
      count: 3000, meanWakeSeconds: 80, pCancel: 0.5, pMarket: 0.24, pCross: 0.03, offsetMean: 2, maxQty: 10, maxLive: 8, latencyUs: 100,
      attention: { decaySeconds: 600, gain: 10, asymmetry: 6, maxMultiplier: 5 },
      // Limit orders around the consensus reference V (activity.ts), not the live mid: the mid
      // follows V instead of bouncing against the book's memory. V's variance grows as
      // activity^1.5 (U-shape x regime x attention); traders sleep while the market is closed.
      activity: { uShape: 0.5, regimeSd: 0.3, regimeSeconds: 900, referenceSigma: 0.02, referenceExponent: 1.5, referenceJumpsPerDay: 20, referenceJumpSigma: 0.004, leadSeconds: 300 },
      referenceWeight: 1,
    },
    // Memoryless liquidity at the touch: re-quoted every second around the current mid.
    marketMakers: { count: 2, intervalSeconds: 1, halfSpread: 0.5, skew: 0.002, size: 8, maxInventory: 5000, volSpread: 0, latencyUs: 50 },
    institutions: { count: 50, floatShare: 0.5, maxOrderFraction: 0.0001 },
    retail: { count: 2000, floatShare: 0.28, maxOrder: 5, pTake0: 0.005, pTakeSlope: 0, pDip: 0.02 },
    passive: { floatShare: 0.07 },
    leveragedEtfs: [],
  },
};
