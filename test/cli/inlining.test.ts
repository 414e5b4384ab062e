// The inlining budget follows the size of the run: rmsc04 and small runs get the short-run budget,
// calm-day, the 10,000-agent day and the DeepSeek week the long-run one (src/cli/inlining.ts).
import { describe, expect, it } from 'vitest';
import { LONG_RUN_INLINING, SHORT_RUN_INLINING, inliningBudgetFor } from '../../src/cli/inlining.ts';
import { buildRun, getPreset, parseScenario } from '../../src/index.ts';

const budgetOf = (preset: string) => {
  const r = buildRun(parseScenario(getPreset(preset)), 1, { tradeRows: false });
  return inliningBudgetFor(r.kernel.agents.length, r.endNs - r.startNs);
};

describe('inliningBudgetFor', () => {
  it('gives the short-run budget to rmsc04 and zi-smoke, the long-run one to calm-day and deepseek-2025', () => {
    expect(budgetOf('rmsc04')).toBe(SHORT_RUN_INLINING);
    expect(budgetOf('zi-smoke')).toBe(SHORT_RUN_INLINING);
    expect(budgetOf('calm-day')).toBe(LONG_RUN_INLINING);
    expect(budgetOf('deepseek-2025')).toBe(LONG_RUN_INLINING);
  });

  it('is the long-run budget from 20,000 agent-hours', () => {
    const hour = 3_600_000_000_000;
    expect(inliningBudgetFor(20_000, hour - 1)).toBe(SHORT_RUN_INLINING);
    expect(inliningBudgetFor(20_000, hour)).toBe(LONG_RUN_INLINING);
    expect(inliningBudgetFor(1_000, 20 * hour)).toBe(LONG_RUN_INLINING);
  });
});
