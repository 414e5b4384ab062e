// The DeepSeek week shrunk for tests: a tenth of its traders (the same model, cheap to run), the
// first `days` sessions with the news up to then, and optionally NVDA alone.
import { getPreset, type ScenarioInput } from '../../src/index.ts';

export function smallWeek(days: number, options: { nvdaOnly?: boolean } = {}): ScenarioInput {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const s = getPreset('deepseek-2025') as any;
  if (options.nvdaOnly) s.symbols = s.symbols.slice(0, 1);
  s.schedule.days = days;
  if (days < 6) s.news = s.news.slice(0, 2);
  Object.assign(s.agents.zeroIntelligence, { count: 120 });
  Object.assign(s.agents.retail, { count: 200 });
  Object.assign(s.agents.institutions, { count: 12 });
  Object.assign(s.agents.fastMoney, { count: 8 });
  Object.assign(s.agents.marketMakers, { count: 2 });
  return s;
}
