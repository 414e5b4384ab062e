// What really happened in the DeepSeek week, for comparison (never an input of a run): NVDA's
// daily bars of 23-31 Jan 2025 and the figures of ../shared/targets.md the week is judged on.
// Bars are ../shared/data/nvda-daily.csv times 1.0026144 (the data's split/dividend adjustment,
// so 24 Jan closes at the printed $142.62), rounded to the cent; volume is not adjusted.
// test/scenario/record-2025.test.ts checks every number here against that file.

export interface ObservedBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export const NVDA_WEEK: readonly ObservedBar[] = [
  { date: '2025-01-23', open: 145.05, high: 147.23, low: 143.72, close: 147.22, volume: 155_915_500 },
  { date: '2025-01-24', open: 148.37, high: 148.97, low: 141.88, close: 142.62, volume: 234_657_600 },
  { date: '2025-01-27', open: 124.8, high: 128.4, low: 116.7, close: 118.42, volume: 818_830_900 },
  { date: '2025-01-28', open: 121.81, high: 129.0, low: 116.25, close: 128.99, volume: 579_666_400 },
  { date: '2025-01-29', open: 126.5, high: 126.89, low: 120.05, close: 123.7, volume: 467_120_600 },
  { date: '2025-01-30', open: 123.1, high: 125.0, low: 118.1, close: 124.65, volume: 392_925_500 },
  { date: '2025-01-31', open: 123.78, high: 127.85, low: 119.19, close: 120.07, volume: 388_161_100 },
];

/** Mean NVDA volume of the 20 sessions 24 Dec 2024 - 24 Jan 2025 (shares). */
export const NVDA_AVERAGE_VOLUME_20D = 200_851_770;

/** targets.md: retail net buying of NVDA on 27 Jan 2025 (Vanda Research), dollars. */
export const RETAIL_NET_USD_27_JAN = 562e6;

/** targets.md: the 2x ETFs' required rebalancing sale on 27 Jan as a share of the day's volume (derived, M). */
export const LETF_REBALANCE_SHARE_27_JAN = 0.021;
