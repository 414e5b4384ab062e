// Shared by the DeepSeek week tests: the preset cut to its first sessions (24 and 27 Jan), with
// the news that falls inside them, run for seeds 1-8; and a paired t-interval.
import { buildRun, completeRun, getPreset, parseScenario, seedReport, type SeedReport } from '../../src/index.ts';
import type { BuiltRun } from '../../src/scenario/run.ts';

export const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** deepseek-2025 over its first `days` sessions, the news after them dropped, `edit` applied to the raw scenario. */
export function week(days: number, edit: (raw: Record<string, any>) => void = () => {}) {
  const raw = getPreset('deepseek-2025') as Record<string, any>;
  raw.schedule.days = days;
  const lastDate = ['2025-01-24', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'][days - 1];
  raw.news = raw.news.filter((e: { at: string }) => e.at.slice(0, 10) <= lastDate);
  edit(raw);
  return parseScenario(raw);
}

export function runWeek(s: ReturnType<typeof week>, seed: number): { report: SeedReport; run: BuiltRun } {
  const run = buildRun(s, seed);
  completeRun(run);
  return { report: seedReport(s, seed, run), run };
}

/** The return of `symbol` on session `day` of a report. */
export function dayReturn(r: SeedReport, symbol: string, day: number): number {
  return r.days.find((d) => d.symbol === symbol && d.day === day)!.return;
}

/** Mean and two-sided 95% t-interval of paired differences. */
export function tInterval(xs: readonly number[]): { mean: number; lo: number; hi: number } {
  const n = xs.length;
  const T975 = [NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086];
  const mean = xs.reduce((a, x) => a + x, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const h = T975[n - 1] * (sd / Math.sqrt(n));
  return { mean, lo: mean - h, hi: mean + h };
}
