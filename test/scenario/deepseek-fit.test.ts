// The deepseek-2025 preset ships the values its provenance (DEEPSEEK_2025_FIT) says were fitted,
// for exactly the parameters `shocklab calibrate --preset deepseek-2025` searches.
import { describe, expect, it } from 'vitest';
import { getPath } from '../../src/analysis/fit-params.ts';
import { DEEPSEEK_2025, DEEPSEEK_2025_FIT, DEEPSEEK_2025_FIT_PARAMS } from '../../src/scenario/presets/deepseek-2025.ts';

describe('deepseek-2025 fit provenance', () => {
  it('names the parameters the preset fits, each inside its bounds', () => {
    expect(Object.keys(DEEPSEEK_2025_FIT.fitted).sort()).toEqual(DEEPSEEK_2025_FIT_PARAMS.params.map((p) => p.path).sort());
    for (const p of DEEPSEEK_2025_FIT_PARAMS.params) {
      const v = DEEPSEEK_2025_FIT.fitted[p.path as keyof typeof DEEPSEEK_2025_FIT.fitted];
      expect(v, p.path).toBeGreaterThanOrEqual(p.lo);
      expect(v, p.path).toBeLessThanOrEqual(p.hi);
    }
  });

  it('carries the fitted values in the scenario', () => {
    for (const [path, v] of Object.entries(DEEPSEEK_2025_FIT.fitted)) expect(getPath(DEEPSEEK_2025, path), path).toBe(v);
  });
});
