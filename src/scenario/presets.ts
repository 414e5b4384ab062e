// Built-in scenarios, by name. Each is plain data in the scenario format, so `shocklab preset
// show NAME` can print it for a user to edit and run.
import type { ScenarioInput } from './schema.ts';
import { CALM_DAY } from './presets/calm-day.ts';
import { RMSC04 } from './presets/rmsc04.ts';
import { DEEPSEEK_2025, DEEPSEEK_2025_FIT_PARAMS } from './presets/deepseek-2025.ts';

export const PRESETS: Record<string, ScenarioInput> = {
  'zi-smoke': {
    name: 'zi-smoke',
    description: 'Ten minutes of zero-intelligence flow around two market makers on one symbol: the smallest run that exercises book, kernel and exchange.',
    durationSeconds: 600,
    symbols: [{ name: 'ZI', referencePrice: 10_000 }],
    stp: 'none',
    agents: {
      zeroIntelligence: { count: 50, meanWakeSeconds: 5, pCancel: 0.2, pMarket: 0.1, pCross: 0.05, offsetMean: 4, maxQty: 100, maxLive: 16, latencyUs: 100 },
      marketMakers: { count: 2, intervalSeconds: 2, halfSpread: 2, skew: 0.01, size: 50, maxInventory: 2_000, latencyUs: 50 },
    },
  },
  'calm-day': CALM_DAY,
  rmsc04: RMSC04,
  'deepseek-2025': DEEPSEEK_2025,
};

/** The behavioural parameters `shocklab calibrate` fits by default, per preset (path, bounds, scale). */
export const PRESET_FIT_PARAMS: Record<string, { params: { path: string; lo: number; hi: number; scale?: 'linear' | 'log'; integer?: boolean }[] }> = {
  'deepseek-2025': DEEPSEEK_2025_FIT_PARAMS,
};

export function presetNames(): string[] {
  return Object.keys(PRESETS);
}

export function getPreset(name: string): ScenarioInput {
  const p = PRESETS[name];
  if (!p) throw new RangeError(`unknown preset ${JSON.stringify(name)}; known presets: ${presetNames().join(', ')}`);
  return structuredClone(p);
}
