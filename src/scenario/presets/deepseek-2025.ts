// The DeepSeek week: Fri 24 Jan to Fri 31 Jan 2025 (6 NYSE sessions), NVDA and AVGO traded by
// every investor class, one compute economy behind both, and the news of the week as economic
// content with its readings (../shared/seeds/NOTES.md, ../shared/targets.md). Nothing here is a
// price, return or value ratio the model should produce: the fall must come from the readings'
// value ratios (computed by the economy), the classes' gaps, their orders and the book.
//
// Inputs from the record (the pre-shock information set and the data, each with its source):
//   - prices: 1-cent ticks in real dollars. Every class's pre-shock value is the 24 Jan close
//     (NVDA $142.62, AVGO $241.18, dividend-adjusted as in the data): "each class's valuation is
//     scaled once so that the 24 Jan close is the pre-shock equilibrium" (targets.md, model
//     rule), and the run starts at that equilibrium (the reference price is the same close), so
//     24 Jan is the calm day before the news: its return is not a prediction. (Until 3 Dec 2026
//     the run started from the 23 Jan close, $147.22 / $236.82; nothing in the model explained
//     the 3.1% fall to the value, and the gap alone made fast money sell ~85M shares to the
//     institutions on 24 Jan: a busy day, -5% on average, 2.85x the average volume.)
//   - volume scale: one lot stands for `realSharesPerLot` real shares, set once from 24 Jan (the
//     simulated 24 Jan volume without news of an earlier version, seeds 1-4, against 234.66M
//     NVDA / 25.39M AVGO shares that day) and kept since: the 24 Jan volume multiple is a fitted
//     moment, not an identity; the float is shares outstanding / that scale (NVDA 24.5B, AVGO 4.69B);
//   - ownership (targets.md): institutions ~65-69% (3/4 long-term, 1/4 fast money), retail
//     ~27-30%, insiders ~4.3% (passive);
//   - the 2x long NVDA ETFs: NVDL ~$5.0B, NVDU ~$435M, NVDX ~$488M before the shock; ~$1B of
//     NVDL and $61M of NVDU creations on 27 Jan (targets.md);
//   - volumeMultiple's base: the mean volume of the 20 sessions 24 Dec 2024 - 24 Jan 2025 in
//     ../shared/data (NVDA 200.85M, AVGO 25.34M shares).
// Behavioural parameters (how far and how fast each reading reaches each class, the classes'
// appetite) are documented in docs/model.md; six of them are fitted to the record of 24-28 Jan by
// `shocklab calibrate` (docs/calibration.md), with the provenance in DEEPSEEK_2025_FIT below; the
// others are hand-set.
import type { ScenarioInput } from '../schema.ts';

const NVDA_SHARES_PER_LOT = 451;
const AVGO_SHARES_PER_LOT = 29;

export const DEEPSEEK_2025: ScenarioInput = {
  name: 'deepseek-2025',
  description: 'The DeepSeek week, 24-31 Jan 2025: NVDA and AVGO, every investor class, the compute economy behind both, and the news of the week read naively (fewer GPUs) and by Jevons (more compute).',
  // The closing cross is collared at 1% of the last trade, as exchanges collar their closing crosses.
  schedule: { kind: 'us-equity', startDate: '2025-01-24', days: 6, luld: false, closingCollar: 0.01, startBeforeOpenSeconds: 300 },
  recording: { realSharesPerLot: NVDA_SHARES_PER_LOT, sampleSeconds: 10 },
  symbols: [
    { name: 'NVDA', company: 'nvda', referencePrice: 14_262, valueTicks: 14_262, tickCents: 1, realSharesPerLot: NVDA_SHARES_PER_LOT, floatLots: Math.round(24.5e9 / NVDA_SHARES_PER_LOT), averageVolumeShares: 200_851_770 },
    { name: 'AVGO', company: 'avgo', referencePrice: 24_118, valueTicks: 24_118, tickCents: 1, realSharesPerLot: AVGO_SHARES_PER_LOT, floatLots: Math.round(4.69e9 / AVGO_SHARES_PER_LOT), averageVolumeShares: 25_338_705 },
  ],
  stp: 'none',
  agents: {
    // Noise flow, split evenly over the two symbols: limit orders around the live mid, U-shaped
    // activity, self-exciting attention (volatility draws traders in). meanWakeSeconds: fitted.
    // Attention decays in an hour (gain 4): a shock keeps traders looking for the rest of its day,
    // while a calm day's ripples excite them little (hand-set with probes on seeds 1-4, fit 10 in
    // docs/calibration.md; until then 15 min and gain 10, which left the shock day only 1.7x as
    // busy as the calm day, against 3.5x in the record).
    zeroIntelligence: {
      count: 1_200, meanWakeSeconds: 15.227350603077053, pCancel: 0.3, pMarket: 0.2, pCross: 0.03, offsetMean: 10, maxQty: 3, maxLive: 16, latencyUs: 100, maxAgeSeconds: 900,
      attention: { decaySeconds: 3_600, gain: 4, asymmetry: 6, maxMultiplier: 5 },
      activity: { uShape: 0.5, leadSeconds: 300 },
      referenceWeight: 0,
    },
    // Two makers per symbol; together they offset the published closing imbalance, as designated
    // market makers do, so the closing cross stays inside its collar with the on-close orders filled.
    marketMakers: { count: 4, intervalSeconds: 1, halfSpread: 1, skew: 0.002, size: 10, maxInventory: 5_000, volSpread: 0, latencyUs: 50, closingOffset: 1 },
    // gaps.information, gaps.horizon, rebalanceBand: fitted (DEEPSEEK_2025_FIT below);
    // maxOrderFraction from fit 7 (docs/calibration.md); floatShare from the record (3/4 of
    // institutional money long-term, 1/4 fast money); sensitivity hand-set.
    institutions: { count: 60, floatShare: 0.48, cashRatio: 0.2, meanWakeSeconds: 900, sensitivity: 0.6, maxOrderFraction: 0.0038755598571028763, rebalanceBand: 0.004944195252990351, crossToValue: true, preOpenIndicative: true, gaps: { information: 0.44224917793597956, onSite: 0.4, horizon: 0.5 } },
    // The trend-following, levered book of fast money (C6, C14): 1.5x exposure on margin, held at
    // rest. maxOrder: fitted; liquidationChunk from fit 6 (docs/calibration.md).
    fastMoney: { count: 40, floatShare: 0.16, cashRatio: -0.33, holdInitialExposure: true, meanWakeSeconds: 60, trendGain: 2, valueGain: 2, maxLeverage: 2, drawdownStop: 0.15, maxOrder: 21, liquidationChunk: 17, liquidationIntervalSeconds: 60 },
    retail: { count: 2_000, floatShare: 0.28, meanWakeSeconds: 1_800, maxOrder: 5, pTake0: 0.005, pTakeSlope: 0.01, pDip: 0.1, trendWeight: -0.5 },
    passive: { floatShare: 0.08 },
    leveragedEtfs: [
      // targets.md: NVDL ~$5.0B before, ~$1B inflows on 27 Jan; NVDU ~$435M, +$61M; NVDX ~$488M.
      { symbol: 'NVDA', leverage: 2, aumUsd: 5.0e9, dailyFlowUsd: [0, 1.0e9] },
      { symbol: 'NVDA', leverage: 2, aumUsd: 435e6, dailyFlowUsd: [0, 61e6] },
      { symbol: 'NVDA', leverage: 2, aumUsd: 488e6 },
    ],
  },
  // The economy as documented (docs/model.md): the pre-shock information set, elasticity 1.2.
  economy: {},
  news: [
    {
      label: 'DeepSeek-R1',
      // R1 released 20 Jan 2025 (NOTES.md C8, targets.md). Efficiency at equal capability: o1 $60
      // vs R1 $2.19 per 1M output tokens, ~27x (targets.md, API prices).
      at: '2025-01-20T09:00-05:00',
      content: { kind: 'efficiency', factor: 27 },
      readings: [
        {
          // C8: "trained for $6 million" spread as "the future needs far fewer GPUs": the static
          // reading, in which cheaper AI does not raise its use enough (half of the jump reaches
          // token prices: rebound 0.6 < 1). It spread with the app at #1 in the US App Store over
          // the weekend of 25-26 Jan (NOTES.md, targets.md timeline).
          name: 'naive',
          economy: { 'demand.jumpPassThrough': 0.5 },
          startsAt: '2025-01-25T09:00-05:00',
          reachFloor: 0.9,
          shareProbability: 0.05,
        },
        {
          // C9: the Jevons counter-reading (cheaper compute, more of it), in circulation from 27 Jan
          // (NOTES.md; the timeline): the scenario's own economy, elasticity 1.2.
          name: 'jevons',
          economy: {},
          startsAt: '2025-01-27T09:30-05:00',
          reachFloor: 0.3,
          // The institutions' share: fitted (DEEPSEEK_2025_FIT below).
          classes: { institution: { share: 0.39991826145712706, delayScale: 40 }, 'fast-money': { delayScale: 40 }, retail: { delayScale: 20 } },
          shareProbability: 0.02,
        },
      ],
    },
    {
      label: 'Meta confirms 2025 capex',
      // C13: Meta confirmed $60-65B of 2025 capex on 24 Jan knowing of DeepSeek: no change to the
      // plan the pre-shock economy already holds.
      at: '2025-01-24T10:00-05:00',
      content: { kind: 'capex', company: 'meta', amountUsd: 65e9, changeUsd: 0 },
      readings: [{ name: 'informed', startsAt: '2025-01-24T10:00-05:00', reachFloor: 0.5 }],
    },
    {
      label: 'Microsoft keeps $80B capex',
      // C13: Microsoft kept ~$80B (FY25) at its results after the close on 29 Jan.
      at: '2025-01-29T16:05-05:00',
      content: { kind: 'capex', company: 'microsoft', amountUsd: 80e9, changeUsd: 0 },
      readings: [{ name: 'informed', startsAt: '2025-01-29T16:05-05:00', reachFloor: 0.5 }],
    },
  ],
};

/**
 * What `shocklab calibrate --preset deepseek-2025` fits (docs/calibration.md): the institutions'
 * information gap (how far the naive reading moves them), horizon gap (how much they follow the
 * trend) and rebalancing band, how far the Jevons reading reaches them, fast money's order size,
 * and how often noise traders act. Behaviour only: no reading's economy content, start, or any
 * price or return.
 */
export const DEEPSEEK_2025_FIT_PARAMS = {
  params: [
    { path: 'agents.institutions.gaps.information', lo: 0.4, hi: 0.65 },
    { path: 'agents.institutions.gaps.horizon', lo: 0, hi: 0.5 },
    { path: 'news.0.readings.1.classes.institution.share', lo: 0.2, hi: 0.9 },
    { path: 'agents.fastMoney.maxOrder', lo: 8, hi: 40, scale: 'log' as const, integer: true },
    { path: 'agents.institutions.rebalanceBand', lo: 0, hi: 0.03 },
    { path: 'agents.zeroIntelligence.meanWakeSeconds', lo: 15, hi: 240, scale: 'log' as const },
  ],
};

/**
 * Provenance of the fitted values above (docs/calibration.md, "The DeepSeek fit"): the command,
 * the code it ran on, the starting values, the fitted values, the objective and each moment over
 * the search seeds 1-8 and the check seeds 1-20. `npm run bench:calibrate` reruns the command
 * from `start` and prints its wall time.
 */
export const DEEPSEEK_2025_FIT = {
  command: 'shocklab calibrate --preset deepseek-2025 --targets examples/deepseek-2025.targets.yaml --seeds 8 --max-evals 33 --check-seeds 20',
  /** The model and calibration code of commit 85da2de (the preset at `start`). */
  commit: '85da2de',
  seeds: 8,
  maxEvals: 33,
  evaluations: 39,
  /** 3 Dec 2026, 2 cores (one 20-second run beside it in its first minute). */
  wallSeconds: 1787,
  objective: 42.60246636539862,
  startObjective: 47.63078451687522,
  /**
   * The starting point (docs/calibration.md, fit 10): fit 8's values, with the institutions'
   * rebalancing band (now traded to its edge) at 0.005 and the Jevons reading's reach to
   * institutions at 0.4, and the noise traders' attention at an hour (gain 4), all three set from
   * probes on seeds 1-4; maxOrderFraction stays at fit 7's value.
   */
  start: {
    'agents.institutions.gaps.information': 0.4234143131822492,
    'agents.institutions.gaps.horizon': 0.4709822287945293,
    'news.0.readings.1.classes.institution.share': 0.4,
    'agents.fastMoney.maxOrder': 24,
    'agents.institutions.rebalanceBand': 0.005,
    'agents.zeroIntelligence.meanWakeSeconds': 15.148847764047803,
  },
  fitted: {
    'agents.institutions.gaps.information': 0.44224917793597956,
    'agents.institutions.gaps.horizon': 0.5,
    'news.0.readings.1.classes.institution.share': 0.39991826145712706,
    'agents.fastMoney.maxOrder': 21,
    'agents.institutions.rebalanceBand': 0.004944195252990351,
    'agents.zeroIntelligence.meanWakeSeconds': 15.227350603077053,
  },
  /** Moment: target, weight (1 / variance over seeds 1-8 at the start), then mean and sd over seeds 1-8 (the search) and 1-20 (the check, the whole week). */
  moments: {
    'NVDA volumeMultiple 2025-01-24': { target: 1.168, weight: 41.4, search: [2.01, 0.1522], check: [2.072, 0.1699] },
    'NVDA return 2025-01-27': { target: -0.1697, weight: 6380, search: [-0.1706, 0.01372], check: [-0.1736, 0.01543] },
    'NVDA return 2025-01-28': { target: 0.0893, weight: 7620, search: [0.1068, 0.01183], check: [0.1053, 0.01269] },
    'NVDA openGap 2025-01-27': { target: -0.125, weight: 7910, search: [-0.1262, 0.01444], check: [-0.1266, 0.01778] },
    'NVDA low 2025-01-27': { target: -0.182, weight: 5390, search: [-0.1929, 0.01496], check: [-0.1945, 0.01658] },
    'NVDA volumeMultiple 2025-01-27': { target: 4.077, weight: 100, search: [4.01, 0.1019], check: [3.976, 0.1416] },
    'NVDA retailNetUsd 2025-01-27': { target: 562000000, weight: 2.61e-17, search: [1173e6, 188.8e6], check: [1187e6, 218.8e6] },
    'NVDA letfRebalanceShare 2025-01-27': { target: 0.021, weight: 267000, search: [0.02136, 0.002145], check: [0.02207, 0.002415] },
  },
  /** Condition number of the weighted moment Jacobian at the fit, and the parameters the moments pin down weakly. */
  identification: { conditionNumber: 13.2, weak: ['news.0.readings.1.classes.institution.share','agents.fastMoney.maxOrder'] },
  /**
   * The fit shipped before (commit f2e63cc, fit 8 in docs/calibration.md): institutions traded to
   * the target once outside the band, attention decayed in 15 min (gain 10); objective 63.6 ->
   * 51.1 in 51 evaluations, 2,328 s; over seeds 1-20 a 27 Jan return of -14.8%, 0.66 pp short of
   * its band, 24 Jan 2.36x and 27 Jan 3.92x the average volume.
   */
  previous: {
    commit: 'f2e63cc',
    fitted: { 'agents.institutions.gaps.information': 0.4234143131822492, 'agents.institutions.gaps.horizon': 0.4709822287945293, 'news.0.readings.1.classes.institution.share': 0.6347765220432193, 'agents.fastMoney.maxOrder': 24, 'agents.institutions.rebalanceBand': 0.0004087918541588195, 'agents.zeroIntelligence.meanWakeSeconds': 15.148847764047803 },
  },
};
