// Shared by the DeepSeek week tests: the preset cut to its first sessions (24 and 27 Jan), with
// the news that falls inside them, run for seeds 1-8; and a paired t-interval.
import { meanInterval } from '../../src/analysis/t-interval.ts';
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

/** Mean and two-sided 95% t-interval of paired differences (the audit's, analysis/t-interval.ts). */
export const tInterval = meanInterval;
