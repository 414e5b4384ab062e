// The calm-day preset: one NVDA-like trading day without news (daily sigma ~3.7%, a U-shaped
// intraday activity), the population of the ownership record, and the stylized facts of
// targets.md as its test, evaluated as 10 seeds x 20 days each (`--set schedule.days=20`; with
// fewer days the per-seed ACF is too noisy: 77 five-minute returns a day). Tuned on seeds 1-20
// and judged on seeds 21-30, which no tuning run saw (seeds above 30 are kept for later
// judgements). Every fact passes the rule (pooled in band and >= 8 of 10 seeds) on each set of
// ten; seeds in band, tuning 1-10 | 11-20 | judging 21-30 (the judging set's pooled estimate):
// no-autocorrelation 10 | 10 | 10 (max |ACF| 0.024); heavy tails 10 | 10 | 10 (Hill 2.44);
// kurtosis 9 | 9 | 9 (35.5 > 9.2 > 4.8 > 3.4 at 1, 5, 15, 30 min); clustering 10 | 10 | 10 (min
// ACF 0.087, lag 30 0.050 < lag 1 0.127); volume-volatility 10 | 10 | 10 (0.330); leverage
// 10 | 9 | 10 (-0.265).
// The previous tuning (seeds 1-10 only) failed on 11-20: its attention (600 s, capped at 5) and
// 15-minute regime made volatility bursts of 10-30 minutes, so 15- and 30-minute returns stayed
// heavy-tailed. Now the bursts are shorter and capped lower, the slow regime is off, and the
// persistence the clustering fact needs comes from a stronger U-shape; the 1- and 5-minute tails
// come from rarer, larger jumps of the reference. Prices in 10-cent ticks; one lot stands for 100 shares.
import type { ScenarioInput } from '../schema.ts';

export const CALM_DAY: ScenarioInput = {
  name: 'calm-day',
  description: 'One NVDA-like trading day without news: US sessions, the ownership record population, noise flow around an activity-driven consensus reference with self-exciting attention; judged by the stylized facts of targets.md (tuned on seeds 1-20, judged on seeds 21-30, 20 days each: --set schedule.days=20).',
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
      // Attention mostly to falls (gain 2 per unit log rise, 2 x 81 per unit log fall): the
      // leverage effect. Excitement fades in ~7 minutes and the multiplier is capped at 3, so a
      // burst of volatility is over well within 30 minutes (aggregational Gaussianity).
      attention: { decaySeconds: 400, gain: 2, asymmetry: 80, maxMultiplier: 3 },
      // Limit orders around the consensus reference V (activity.ts), not the live mid: the mid
      // follows V instead of bouncing against the book's memory. V's variance grows as
      // activity^1.5 (U-shape x attention; no slow regime: regimeSd 0); traders sleep while the
      // market is closed. U-shape 1.2: activity from 0.6 at midday to 1.8 at the open and close,
      // 1-minute volatility ~2.5x higher at the ends of the day than at midday. Jumps: 4 a day at
      // activity 1, sd 1% (news-like; most of the 1- and 5-minute excess kurtosis).
      activity: { uShape: 1.2, regimeSd: 0, referenceSigma: 0.018, referenceExponent: 1.5, referenceJumpsPerDay: 4, referenceJumpSigma: 0.01, leadSeconds: 300 },
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
