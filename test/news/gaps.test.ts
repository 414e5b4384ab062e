// The gap maps of docs/model.md: reach, delay, signal noise, naive weight and horizon weight.
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/core/rng.ts';
import { checkGaps, DEFAULT_GAP_MAP, delayMedianNs, drawDelayNs, horizonWeight, naiveWeight, reach, signalSd } from '../../src/news/gaps.ts';

describe('gap maps', () => {
  it('reach = 1 - (1 - floor) gI: insiders always hear, outsiders at the floor', () => {
    expect(reach(0, 0.2)).toBe(1);
    expect(reach(1, 0.2)).toBeCloseTo(0.2, 15);
    expect(reach(0.5, 0.2)).toBeCloseTo(0.6, 15);
    expect(reach(0.85, 0.9)).toBeCloseTo(1 - 0.1 * 0.85, 15);
  });

  it('median delay interpolates geometrically from the insider to the outsider median', () => {
    const p = { ...DEFAULT_GAP_MAP, insiderDelayNs: 100, outsiderDelayNs: 10_000 };
    expect(delayMedianNs(0, p)).toBeCloseTo(100, 9);
    expect(delayMedianNs(1, p)).toBeCloseTo(10_000, 6);
    expect(delayMedianNs(0.5, p)).toBeCloseTo(1_000, 6);
    expect(delayMedianNs(0.25, p)).toBeCloseTo(100 * Math.sqrt(10), 6);
  });

  it('delay draws are lognormal around that median with log-sd delaySigma', () => {
    const p = { ...DEFAULT_GAP_MAP, insiderDelayNs: 1e9, outsiderDelayNs: 1e11, delaySigma: 0.8 };
    const rng = stream(5, 'delay-test');
    const xs = Array.from({ length: 20_000 }, () => drawDelayNs(rng, 0.5, p)).sort((a, b) => a - b);
    const median = xs[xs.length / 2];
    expect(median / 1e10).toBeGreaterThan(0.96);
    expect(median / 1e10).toBeLessThan(1.04);
    const logs = xs.map((x) => Math.log(x / 1e10));
    const sd = Math.sqrt(logs.reduce((a, b) => a + b * b, 0) / logs.length);
    expect(sd).toBeGreaterThan(0.78);
    expect(sd).toBeLessThan(0.82);
    expect(xs[0]).toBeGreaterThanOrEqual(0);
  });

  it('signal noise grows linearly with the information gap', () => {
    const p = { ...DEFAULT_GAP_MAP, minSignalSd: 0.01, maxSignalSd: 0.21 };
    expect(signalSd(0, p)).toBe(0.01);
    expect(signalSd(1, p)).toBeCloseTo(0.21, 15);
    expect(signalSd(0.5, p)).toBeCloseTo(0.11, 15);
  });

  it('naive weight is gI^gamma (0 for insiders) and horizon weight is 1 - gH', () => {
    expect(naiveWeight(0)).toBe(0);
    expect(naiveWeight(1)).toBe(1);
    expect(naiveWeight(0.6)).toBeCloseTo(0.6, 12);
    expect(naiveWeight(0.5, { ...DEFAULT_GAP_MAP, naiveExponent: 2 })).toBeCloseTo(0.25, 12);
    expect(horizonWeight(0)).toBe(1);
    expect(horizonWeight(0.7)).toBeCloseTo(0.3, 15);
  });

  it('rejects gaps outside [0, 1], naming the field', () => {
    expect(() => checkGaps({ information: 0.5, onSite: 1.2, horizon: 0 }, 'retail')).toThrow(/retail\.onSite must be in \[0, 1\], got 1\.2/);
    expect(() => checkGaps({ information: Number.NaN, onSite: 0, horizon: 0 })).toThrow(/information/);
    expect(() => checkGaps({ information: 0, onSite: 0, horizon: 1 })).not.toThrow();
  });
});
