// The record the DeepSeek week is compared with (src/scenario/record-2025.ts) is exactly the
// shared data: every bar is ../shared/data/nvda-daily.csv x 1.0026144 to the cent, and the
// 20-session average volume and the presets' averageVolumeShares come from the same files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/index.ts';
import { NVDA_AVERAGE_VOLUME_20D, NVDA_WEEK } from '../../src/scenario/record-2025.ts';

const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const rows = (file: string) =>
  readFileSync(join(DATA, file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [date, open, high, low, close, volume] = l.split(',');
      return { date, open: +open, high: +high, low: +low, close: +close, volume: +volume };
    });
const mean20 = (rs: ReturnType<typeof rows>, end: string) => {
  const i = rs.findIndex((r) => r.date === end);
  return rs.slice(i - 19, i + 1).reduce((a, r) => a + r.volume, 0) / 20;
};

describe('record-2025', () => {
  const nvda = rows('nvda-daily.csv');
  it('has the data bars of 23-31 Jan 2025 at printed prices', () => {
    for (const bar of NVDA_WEEK) {
      const r = nvda.find((x) => x.date === bar.date)!;
      for (const k of ['open', 'high', 'low', 'close'] as const) expect(bar[k]).toBeCloseTo(r[k] * 1.0026144, 2);
      expect(bar.volume).toBe(r.volume);
    }
  });

  it('has the 20-session average volumes of the data', () => {
    expect(NVDA_AVERAGE_VOLUME_20D).toBe(mean20(nvda, '2025-01-24'));
    const preset = getPreset('deepseek-2025') as { symbols: { name: string; averageVolumeShares: number; referencePrice: number; valueTicks: number }[] };
    const [n, a] = preset.symbols;
    expect(n.averageVolumeShares).toBe(mean20(nvda, '2025-01-24'));
    const avgo = rows('avgo-daily-to-2025-01-24.csv');
    expect(a.averageVolumeShares).toBe(mean20(avgo, '2025-01-24'));
    // each symbol is valued at the 24 Jan close, and the run starts there (the pre-shock equilibrium)
    expect(n.referencePrice / 100).toBeCloseTo(NVDA_WEEK[1].close, 2);
    expect(n.valueTicks / 100).toBeCloseTo(NVDA_WEEK[1].close, 2);
    expect(a.referencePrice / 100).toBeCloseTo(avgo.find((r) => r.date === '2025-01-24')!.close, 2);
    expect(a.valueTicks / 100).toBeCloseTo(avgo.find((r) => r.date === '2025-01-24')!.close, 2);
  });
});
