// The ranges the scenario schema enforces so that every number of a run stays exact and every
// array can be made: times are integers of nanoseconds below 2^53 (a run lasts at most 100 days,
// every length of time is between a nanosecond and that), money is integer cents below 2^53 (the
// float's value and the cash multiples are bounded), populations, order sizes and rings have a
// ceiling, and two symbols may not share a name. Each violation is one line naming the field,
// the value and the limit.
import { describe, expect, it } from 'vitest';
import { MAX_RUN_DAYS, MAX_RUN_SECONDS } from '../../src/scenario/classes/common.ts';
import { getPreset, parseScenario, runEndNs, ScenarioError } from '../../src/scenario/index.ts';

const withSet = (preset: string, edit: (s: Record<string, any>) => void) => {
  const s = getPreset(preset) as Record<string, any>;
  edit(s);
  return s;
};
const message = (input: unknown): string => {
  try {
    parseScenario(input);
    return '';
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
};

describe('the longest run', () => {
  it('keeps the last time of the longest allowed run an exact integer of nanoseconds', () => {
    const everyDay = parseScenario(withSet('calm-day', (s) => (s.schedule.days = MAX_RUN_DAYS)));
    const continuous = parseScenario(withSet('rmsc04', (s) => (s.durationSeconds = MAX_RUN_SECONDS)));
    for (const s of [everyDay, continuous]) {
      expect(Number.isSafeInteger(runEndNs(s))).toBe(true);
      expect(runEndNs(s)).toBeLessThan(2 ** 53);
    }
  });

  it('rejects one session or one second more, naming the field, the value and the limit', () => {
    expect(message(withSet('calm-day', (s) => (s.schedule.days = MAX_RUN_DAYS + 1)))).toMatch(/^schedule\.days: .* at most 100 days .*\(got 101\)$/);
    expect(message(withSet('rmsc04', (s) => (s.durationSeconds = MAX_RUN_SECONDS + 1)))).toMatch(/^durationSeconds: .*<=8640000 \(got 8640001\)$/);
  });

  it('counts calendar days, not sessions, when the sessions follow the NYSE calendar', () => {
    // 60 sessions from 2 Jan 2025 close in early April (inside 100 days); 75 close in late April.
    const dated = (days: number) => withSet('calm-day', (s) => Object.assign(s.schedule, { days, startDate: '2025-01-02' }));
    expect(message(dated(60))).toBe('');
    expect(message(dated(75))).toMatch(/^schedule\.days: the last session would close 1\d\d days after .*\(got 75\)$/);
  });

  it('bounds every duration field: at least a nanosecond, at most the longest run', () => {
    const cases: [string, (s: Record<string, any>) => void, RegExp][] = [
      ['zi-smoke', (s) => (s.agents.zeroIntelligence.meanWakeSeconds = 1e-12), /^agents\.zeroIntelligence\.meanWakeSeconds: .*>=1e-9 \(got 1e-12\)$/],
      ['rmsc04', (s) => (s.agents.abidesNoise.windowEndSeconds = 1e300), /^agents\.abidesNoise\.windowEndSeconds: .*<=8640000 \(got 1e\+300\)$/],
      ['rmsc04', (s) => (s.recording = { sampleSeconds: 1e-6 }), /^recording\.sampleSeconds: .*>=0\.001 \(got 0\.000001\)$/],
      ['calm-day', (s) => (s.agents.institutions.meanWakeSeconds = Infinity), /^agents\.institutions\.meanWakeSeconds: .*\(got Infinity\)$/],
      ['rmsc04', (s) => (s.durationSeconds = NaN), /^durationSeconds: .*\(got NaN\)$/],
    ];
    for (const [preset, edit, expected] of cases) expect(message(withSet(preset, edit)), preset).toMatch(expected);
  });
});

describe('sizes and money', () => {
  it('bounds populations, order sizes, rings, ladders, latencies, prices in ticks and fund sizes', () => {
    const cases: [string, (s: Record<string, any>) => void, RegExp][] = [
      ['zi-smoke', (s) => (s.agents.zeroIntelligence.count = 1e9), /^agents\.zeroIntelligence\.count: .*<=1000000 \(got 1000000000\)$/],
      ['zi-smoke', (s) => (s.agents.zeroIntelligence.maxQty = 1e15), /^agents\.zeroIntelligence\.maxQty: .*<=1000000000 \(got 1000000000000000\)$/],
      ['zi-smoke', (s) => (s.agents.zeroIntelligence.maxLive = 1e9), /^agents\.zeroIntelligence\.maxLive: .*<=1000 \(got 1000000000\)$/],
      ['calm-day', (s) => (s.agents.retail.latencyUs = 1e300), /^agents\.retail\.latencyUs: .*<=8640000000000 \(got 1e\+300\)$/],
      ['calm-day', (s) => (s.agents.zeroIntelligence.attention.maxMultiplier = 1e12), /^agents\.zeroIntelligence\.attention\.maxMultiplier: .*<=100 \(got 1000000000000\)$/],
      ['rmsc04', (s) => (s.agents.abidesMarketMakers.levels = 1e9), /^agents\.abidesMarketMakers\.levels: .*<=1000 \(got 1000000000\)$/],
      ['rmsc04', (s) => (s.agents.abidesValue.fundamentalMean = 1e300), /^agents\.abidesValue\.fundamentalMean: .*<=1000000000000 \(got 1e\+300\)$/],
      ['deepseek-2025', (s) => (s.agents.leveragedEtfs[0].aumUsd = 1e20), /^agents\.leveragedEtfs\.0\.aumUsd: .*<=10000000000000 \(got 100000000000000000000\)$/],
    ];
    for (const [preset, edit, expected] of cases) expect(message(withSet(preset, edit)), preset).toMatch(expected);
  });

  it("keeps cents exact: the float's value at the reference price and the cash multiples are bounded", () => {
    // Every preset's floats fit (the DeepSeek week's AVGO float is the largest, 3.9e12 cents).
    for (const preset of ['zi-smoke', 'calm-day', 'rmsc04', 'deepseek-2025']) expect(message(getPreset(preset)), preset).toBe('');
    expect(message(withSet('calm-day', (s) => (s.symbols[0].floatLots = 1e15)))).toMatch(/^symbols\.0\.floatLots: the float's value .* is 1\.426e\+19 cents, above 8\.796e\+12 .*\(got 1000000000000000\)$/);
    expect(message(withSet('calm-day', (s) => (s.agents.retail.cashRatio = 1e300)))).toMatch(/^agents\.retail\.cashRatio: .*<=1000 \(got 1e\+300\)$/);
  });

  it('refuses two symbols of one name (their files and flows are named after them)', () => {
    expect(message(withSet('zi-smoke', (s) => s.symbols.push({ ...s.symbols[0], referencePrice: 500 })))).toMatch(/^symbols\.1\.name: symbols\.0 has this name too; .*\(got "ZI"\)$/);
  });
});
