// The fall comes from the news's economic content: the same seeds (common random numbers) with
// an efficiency factor of 3 instead of 27 for DeepSeek-R1 fall less on 27 Jan. The paired
// per-seed difference (3 minus 27) has a mean > 0 and a 95% t-interval that excludes 0.
import { describe, expect, it } from 'vitest';
import { dayReturn, runWeek, SEEDS, tInterval, week } from './deepseek-week-helpers.ts';

describe('deepseek-2025: efficiency 3 instead of 27, seeds 1-8', () => {
  it('falls less on 27 Jan (paired difference > 0, 95% t-interval excludes 0)', () => {
    const base = week(2);
    const mild = week(2, (raw) => void (raw.news[0].content.factor = 3));
    const diffs = SEEDS.map((seed) => dayReturn(runWeek(mild, seed).report, 'NVDA', 1) - dayReturn(runWeek(base, seed).report, 'NVDA', 1));
    const t = tInterval(diffs);
    expect(t.mean, `differences ${diffs.map((x) => x.toFixed(4)).join(', ')}`).toBeGreaterThan(0);
    expect(t.lo).toBeGreaterThan(0);
  }, 600_000);
});
