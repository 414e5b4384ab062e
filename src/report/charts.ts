// The report's charts as plain ECharts option objects, built from the report's data (data.ts).
// No Node API and no echarts import: html.ts renders them to SVG on the server (ECharts SSR), and
// a web page can pass the same options to echarts.init(el).setOption(...) with the canvas
// renderer. Every price is in dollars, flows in millions of dollars, shares in millions.
//   dailyChart     simulated (mean over seeds) and observed daily candles with volume; the second
//                  symbol's simulated candles marked "forecast" after the record's last date
//   intradayChart  the shock session minute by minute: mean close over seeds, its 10-90% band,
//                  the simulated previous close and open, and the observed reference lines
//   beliefChart    per class, the mean value estimate beside the mid, one panel per symbol
//   flowsChart     net dollars bought per class and session, the record's figures as markers
//   spreadChart    per class, the share that has heard each reading, one panel per class
import type { BeliefSeries, DailySeries, FlowSeries, IntradaySeries, NewsSeries } from './data.ts';
import { classLabel } from './data.ts';

/** An ECharts option (kept untyped so this module needs no echarts import). */
export type ChartOption = Record<string, unknown>;

/** Colours per investor class, shared by every chart. */
export const CLASS_COLORS: Record<string, string> = {
  noise: '#adb5bd',
  'market-maker': '#868e96',
  institution: '#1c7ed6',
  'fast-money': '#e8590c',
  retail: '#2f9e44',
  'leveraged-etf': '#ae3ec9',
  passive: '#495057',
};
const READING_COLORS = ['#c92a2a', '#2b8a3e', '#1864ab', '#e67700', '#5f3dc4', '#0b7285'];
const FONT = { fontFamily: 'system-ui, sans-serif', fontSize: 12 };
// Server-side rendering estimates text widths without a browser's fonts: keep generous gaps.
const LEGEND = { itemGap: 28, itemWidth: 14, textStyle: { fontSize: 11 } };

const round2 = (x: number): number | '-' => (Number.isFinite(x) ? Math.round(x * 100) / 100 : '-');
const round4 = (x: number): number | '-' => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : '-');
const usdAxis = { type: 'value', scale: true, axisLabel: { formatter: '$' + '{value}' } };
const base = (): ChartOption => ({ animation: false, backgroundColor: '#ffffff', textStyle: FONT });

/** Shows only the labels at `starts` (the sessions' first samples). */
const sessionLabels = (starts: readonly number[]) => {
  const set = new Set(starts);
  return { interval: (i: number) => set.has(i), formatter: (v: string) => v.slice(0, 5) };
};

/** The last date the record covers for a symbol with no record of its own. */
export const RECORD_END = '2025-01-24';

export function dailyChart(daily: readonly DailySeries[], seeds: number): ChartOption {
  const [first, second] = daily;
  const dates = first.simulated.map((c) => c.date);
  const candle = (c: { open: number; high: number; low: number; close: number } | null) => (c === null ? ['-', '-', '-', '-'] : [round2(c.open), round2(c.close), round2(c.low), round2(c.high)]);
  const simStyle = { color: '#a5d8ff', color0: '#1971c2', borderColor: '#1971c2', borderColor0: '#1971c2' };
  const obsStyle = { color: '#e9ecef', color0: '#495057', borderColor: '#212529', borderColor0: '#212529' };
  const who = `mean of ${seeds} seed${seeds === 1 ? '' : 's'}`;
  const grids: ChartOption[] = [
    { left: 70, right: 30, top: 75, height: second ? 210 : 280 },
    { left: 70, right: 30, top: second ? 315 : 385, height: 85 },
  ];
  const xAxes: ChartOption[] = [
    { type: 'category', gridIndex: 0, data: dates, axisLabel: { show: false } },
    { type: 'category', gridIndex: 1, data: dates },
  ];
  const yAxes: ChartOption[] = [
    { ...usdAxis, gridIndex: 0 },
    { type: 'value', gridIndex: 1, axisLabel: { formatter: '{value}M' }, splitNumber: 2 },
  ];
  const series: ChartOption[] = [
    { name: 'volume, simulated', type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: first.simulated.map((c) => round2(c.volume / 1e6)), itemStyle: { color: '#74c0fc' }, barMaxWidth: 22 },
  ];
  // Candles of two series on one category overlap: the observed one wide, behind; the simulated narrow, in front.
  const simCandles = { name: `${first.symbol} simulated`, type: 'candlestick', xAxisIndex: 0, yAxisIndex: 0, data: first.simulated.map(candle), itemStyle: simStyle, barWidth: 9, z: 3 };
  const legend = [simCandles.name, series[0].name];
  if (first.observed) {
    series.push(
      { name: `${first.symbol} observed`, type: 'candlestick', xAxisIndex: 0, yAxisIndex: 0, data: first.observed.map(candle), itemStyle: obsStyle, barWidth: 28, z: 2 },
      { name: 'volume, observed', type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: first.observed.map((c) => (c === null ? '-' : round2(c.volume / 1e6))), itemStyle: { color: '#868e96' }, barMaxWidth: 22 },
    );
    legend.push(`${first.symbol} observed`, 'volume, observed');
  }
  series.push(simCandles);
  const title: ChartOption[] = [
    { text: `${first.symbol} ($): daily bars, simulated (${who}) vs observed`, left: 10, top: 5, textStyle: { fontSize: 14 } },
    { text: 'volume (million shares)', left: 75, top: second ? 300 : 370, textStyle: { fontSize: 11, fontWeight: 'normal', color: '#666' } },
  ];
  if (second) {
    grids.push({ left: 70, right: 30, top: 465, height: 140 });
    xAxes.push({ type: 'category', gridIndex: 2, data: second.simulated.map((c) => (second.observed === null && c.date > RECORD_END ? `${c.date} (forecast)` : c.date)), axisLabel: { interval: 0 } });
    yAxes.push({ ...usdAxis, gridIndex: 2 });
    const name = `${second.symbol} simulated (forecast)`;
    series.push({ name, type: 'candlestick', xAxisIndex: 2, yAxisIndex: 2, data: second.simulated.map(candle), itemStyle: { color: '#ffd8a8', color0: '#d9480f', borderColor: '#d9480f', borderColor0: '#d9480f' }, barMaxWidth: 22 });
    legend.push(name);
    title.push({ text: `${second.symbol} ($): simulated only, a forecast (no record shown after ${RECORD_END})`, left: 10, top: 435, textStyle: { fontSize: 13, fontWeight: 'normal' } });
  }
  return { ...base(), title, legend: { ...LEGEND, data: legend, top: 28, left: 10 }, grid: grids, xAxis: xAxes, yAxis: yAxes, series };
}

export function intradayChart(d: IntradaySeries, seeds: number): ChartOption {
  const band = d.p90.map((hi, i) => (Number.isFinite(hi) && Number.isFinite(d.p10[i]) ? round4(hi - d.p10[i]) : '-'));
  const line = (name: string, y: number, color: string, type: string, position = 'insideEndTop') => ({ name, yAxis: round2(y), lineStyle: { color, type, width: 1.5 }, label: { formatter: `${name} $${y.toFixed(2)}`, position, color, fontSize: 11 } });
  const simLines = [line('simulated previous close', d.prevClose, '#1971c2', 'dotted', 'insideStartBottom'), line('simulated close', d.close, '#1971c2', 'dashed', 'insideMiddleTop')];
  const obsLines = d.observed ? [line('observed previous close', d.observed.prevClose, '#495057', 'dotted'), line('observed open', d.observed.open, '#495057', 'dashed'), line('observed low', d.observed.low, '#c92a2a', 'dashed'), line('observed close', d.observed.close, '#212529', 'solid')] : [];
  const lo = Math.min(...d.p10.filter(Number.isFinite), d.observed?.low ?? Infinity, d.prevClose);
  const hi = Math.max(...d.p90.filter(Number.isFinite), d.observed?.prevClose ?? -Infinity, d.prevClose);
  return {
    ...base(),
    title: { text: `${d.symbol} on ${d.date}, minute by minute`, left: 10, top: 5, textStyle: { fontSize: 14 } },
    legend: { ...LEGEND, data: [`mean close of ${seeds} seed${seeds === 1 ? '' : 's'}`, '10-90% of seeds'], top: 28, left: 10 },
    grid: { left: 70, right: 30, top: 60, bottom: 40 },
    xAxis: { type: 'category', data: d.labels, boundaryGap: false, axisLabel: { interval: 29 } },
    yAxis: { ...usdAxis, min: Math.floor(lo - 1), max: Math.ceil(hi + 1) },
    series: [
      { name: '10-90% lower', type: 'line', data: d.p10.map(round4), stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, silent: true },
      { name: '10-90% of seeds', type: 'line', data: band, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: '#a5d8ff', opacity: 0.6 }, itemStyle: { color: '#a5d8ff' } },
      {
        name: `mean close of ${seeds} seed${seeds === 1 ? '' : 's'}`,
        type: 'line',
        data: d.mean.map(round4),
        symbol: 'none',
        lineStyle: { color: '#1971c2', width: 1.5 },
        itemStyle: { color: '#1971c2' },
        markLine: { symbol: 'none', silent: true, data: [...simLines, ...obsLines] },
        markPoint: { symbol: 'circle', symbolSize: 8, itemStyle: { color: '#1971c2' }, data: [{ name: 'simulated open', coord: [d.labels[0], round2(d.open)], label: { show: true, position: 'right', formatter: `open $${d.open.toFixed(2)} (${(100 * (d.open / d.prevClose - 1)).toFixed(1)}% gap)`, color: '#1971c2', fontSize: 11 } }] },
      },
    ],
  };
}

export function beliefChart(beliefs: readonly BeliefSeries[]): ChartOption {
  const panels = beliefs.slice(0, 2);
  const h = panels.length === 1 ? 330 : 170;
  const grids = panels.map((_, i) => ({ left: 70, right: 30, top: 85 + i * (h + 50), height: h }));
  const legend = new Set<string>();
  const series: ChartOption[] = [];
  panels.forEach((b, i) => {
    for (const c of b.classes) {
      const name = classLabel(c.name);
      legend.add(name);
      series.push({ name, type: 'line', xAxisIndex: i, yAxisIndex: i, data: c.value.map(round4), symbol: 'none', lineStyle: { width: 1.5, color: CLASS_COLORS[c.name] }, itemStyle: { color: CLASS_COLORS[c.name] } });
    }
    legend.add('price (mid)');
    series.push({ name: 'price (mid)', type: 'line', xAxisIndex: i, yAxisIndex: i, data: b.price.map(round4), symbol: 'none', lineStyle: { width: 1.5, color: '#212529' }, itemStyle: { color: '#212529' } });
  });
  return {
    ...base(),
    title: [
      { text: `Mean value estimate of each class ($) beside the price`, left: 10, top: 5, textStyle: { fontSize: 14 } },
      ...panels.map((b, i) => ({ text: b.symbol, left: 75, top: 85 + i * (h + 50) - 20, textStyle: { fontSize: 12 } })),
    ],
    legend: { ...LEGEND, data: [...legend], top: 30, left: 10 },
    grid: grids,
    xAxis: panels.map((b, i) => ({ type: 'category', gridIndex: i, data: b.labels, boundaryGap: false, axisLabel: sessionLabels(b.sessionStarts), splitLine: { show: true, interval: sessionLabels(b.sessionStarts).interval, lineStyle: { color: '#eee' } } })),
    yAxis: panels.map((_, i) => ({ ...usdAxis, gridIndex: i })),
    series,
  };
}

export function flowsChart(f: FlowSeries, seeds: number): ChartOption {
  const series: ChartOption[] = f.classes.map((c) => ({ name: classLabel(c.name), type: 'bar', data: c.netUsd.map((x) => round2(x / 1e6)), itemStyle: { color: CLASS_COLORS[c.name] ?? '#888' }, barMaxWidth: 18 }));
  for (const o of f.observed) {
    const name = `${classLabel(o.class)}, record (${o.source}): ${o.netUsd >= 0 ? '+' : '-'}$${Math.abs(o.netUsd / 1e6).toFixed(0)}M`;
    series.push({ name, type: 'scatter', data: f.dates.map((d) => (d === o.date ? round2(o.netUsd / 1e6) : '-')), symbol: 'diamond', symbolSize: 16, itemStyle: { color: '#000', borderColor: CLASS_COLORS[o.class] ?? '#888', borderWidth: 3 }, label: { show: true, position: 'top', formatter: 'record', fontSize: 11 }, z: 10 });
  }
  const sellers = f.netSellers.length ? f.netSellers.join(', ') : 'none';
  return {
    ...base(),
    title: { text: `${f.symbol}: net dollars bought by class (mean of ${seeds} seed${seeds === 1 ? '' : 's'}); net sellers on ${f.shockDate.slice(5)}: ${sellers}`, left: 10, top: 5, textStyle: { fontSize: 13 } },
    legend: { ...LEGEND, top: 30, left: 10 },
    grid: { left: 80, right: 30, top: 85, bottom: 40 },
    xAxis: { type: 'category', data: f.dates },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${v < 0 ? '-' : ''}$${Math.abs(v).toLocaleString('en-US')}M` } },
    series,
  };
}

export function spreadChart(n: NewsSeries): ChartOption {
  const C = n.classes.length;
  const h = Math.max(90, Math.floor(330 / Math.max(1, C)));
  const grids = n.classes.map((_, i) => ({ left: 70, right: 30, top: 80 + i * (h + 35), height: h }));
  const series: ChartOption[] = [];
  n.classes.forEach((c, i) => {
    n.readings.forEach((r, j) => {
      const color = READING_COLORS[j % READING_COLORS.length];
      series.push({ name: r, type: 'line', xAxisIndex: i, yAxisIndex: i, data: c.share[j].map((x) => round4(100 * x)), symbol: 'none', lineStyle: { width: 1.5, color }, itemStyle: { color } });
    });
  });
  return {
    ...base(),
    title: [
      { text: 'How far each reading of the news has spread, by class (% that has heard it)', left: 10, top: 5, textStyle: { fontSize: 14 } },
      ...n.classes.map((c, i) => ({ text: classLabel(c.name), left: 75, top: 80 + i * (h + 35) - 2, textStyle: { fontSize: 12, fontWeight: 'normal' } })),
    ],
    legend: { ...LEGEND, data: n.readings, top: 30, left: 10 },
    grid: grids,
    xAxis: n.classes.map((_, i) => ({ type: 'category', gridIndex: i, data: n.labels, boundaryGap: false, axisLabel: { ...sessionLabels(n.sessionStarts), show: i === C - 1 } })),
    yAxis: n.classes.map((_, i) => ({ type: 'value', gridIndex: i, min: 0, max: 100, interval: 50, axisLabel: { formatter: '{value}%' } })),
    series,
  };
}

/** Height (px) each chart is drawn at, for a given option's data. */
export function chartHeight(kind: 'daily' | 'intraday' | 'belief' | 'flows' | 'spread', panels = 1): number {
  switch (kind) {
    case 'daily':
      return panels > 1 ? 640 : 500;
    case 'intraday':
      return 440;
    case 'belief':
      return panels > 1 ? 545 : 455;
    case 'flows':
      return 430;
    case 'spread':
      return 80 + panels * (Math.max(90, Math.floor(330 / Math.max(1, panels))) + 35) + 10;
  }
}
