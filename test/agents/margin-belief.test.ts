// Margin arithmetic, the EMA trend, and how a trader's belief weighs naive and informed readings.
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/core/rng.ts';
import { Belief, readingWeight } from '../../src/agents/belief.ts';
import { buyingPowerCents, drawdown, equityCents, marginCallLots } from '../../src/agents/margin.ts';
import { EmaTrend } from '../../src/agents/trend.ts';
import type { Narrative } from '../../src/news/event.ts';
import { DEFAULT_GAP_MAP } from '../../src/news/gaps.ts';

describe('margin', () => {
  it('computes equity, drawdown and buying power', () => {
    expect(equityCents(-5_000_000, 1_000, 10_000, 1)).toBe(5_000_000);
    expect(drawdown(4_400_000, 5_000_000)).toBeCloseTo(0.12, 12);
    expect(drawdown(1, 0)).toBe(0);
    expect(buyingPowerCents(1_000_000, 0, 100, 1, 1)).toBe(1_000_000);
    expect(buyingPowerCents(1_000_000, 0, 100, 1, 0.5)).toBe(2_000_000);
    expect(buyingPowerCents(-1_000_000, 200, 10_000, 1, 0.5)).toBe(0); // E = 1e6, X = 2e6: fully used
  });

  it('cuts to the initial margin when equity falls below the maintenance margin', () => {
    // E = 2e6, X = 1e7: E / X = 0.2 < 0.25 -> keep floor(2e6 / (0.5 * 1e4)) = 400 of 1000
    expect(marginCallLots(1_000, 10_000, 1, -8_000_000, 0.25, 0.5)).toBe(600);
    // E / X = 0.3 >= 0.25: no call
    expect(marginCallLots(1_000, 10_000, 1, -7_000_000, 0.25, 0.5)).toBe(0);
    // shorts: q = -1000, cash = 1.2e7 -> E = 2e6, same cut
    expect(marginCallLots(-1_000, 10_000, 1, 12_000_000, 0.25, 0.5)).toBe(600);
    // equity wiped out: close everything
    expect(marginCallLots(1_000, 10_000, 1, -11_000_000, 0.25, 0.5)).toBe(1_000);
    expect(marginCallLots(0, 10_000, 1, -1, 0.25, 0.5)).toBe(0);
  });
});

describe('EmaTrend', () => {
  it('follows the time-aware EMA formula', () => {
    const t = new EmaTrend(10, 100);
    t.update(1, 0);
    t.update(2, 10);
    const af = 1 - Math.exp(-1);
    const as = 1 - Math.exp(-0.1);
    expect(t.fast).toBeCloseTo(1 + af, 12);
    expect(t.slow).toBeCloseTo(1 + as, 12);
    expect(t.crossover).toBeCloseTo(af - as, 12);
    expect(t.deviation).toBeCloseTo(1 - as, 12);
  });
});

describe('Belief', () => {
  const nar: Narrative[] = [
    { event: 0, kind: 'naive', startNs: 0, valueRatios: [0.8, 0.9], reachFloor: 0.9 },
    { event: 0, kind: 'informed', startNs: 0, valueRatios: [1.2, 1.1], reachFloor: 0.2 },
    { event: 1, kind: 'informed', startNs: 0, valueRatios: [1.05, 1], reachFloor: 0.2 },
  ];
  const exact = { ...DEFAULT_GAP_MAP, minSignalSd: 0, maxSignalSd: 0 };

  it('weighs readings of one event by w = gI for naive and 1 - w for informed (the prior until one is heard); events add up', () => {
    const b = new Belief(nar, 0, 0.75, exact);
    expect(readingWeight('naive', 0.75)).toBe(0.75);
    expect(b.logShift).toBe(0);
    b.hear(0, stream(1));
    expect(b.logShift).toBeCloseTo(0.75 * Math.log(0.8), 12); // only the naive reading so far: the prior holds 1 - w
    expect(b.value).toBeCloseTo(Math.exp(0.75 * Math.log(0.8)), 12);
    b.hear(1, stream(1));
    expect(b.logShift).toBeCloseTo(0.75 * Math.log(0.8) + 0.25 * Math.log(1.2), 12);
    b.hear(2, stream(1));
    expect(b.logShift).toBeCloseTo(0.75 * Math.log(0.8) + 0.25 * Math.log(1.2) + Math.log(1.05), 12);
    expect(b.hear(2, stream(1))).toBe(false); // heard once
  });

  it('an insider (gI = 0) is unmoved by the naive reading (C13) and takes the informed one', () => {
    const b = new Belief(nar, 1, 0, exact);
    b.hear(0, stream(1));
    expect(b.logShift).toBe(0);
    b.hear(1, stream(1));
    expect(b.logShift).toBeCloseTo(Math.log(1.1), 12);
  });

  it('adds private noise with sd s(gI)', () => {
    const p = { ...DEFAULT_GAP_MAP, minSignalSd: 0, maxSignalSd: 0.1 };
    const xs: number[] = [];
    for (let i = 0; i < 4_000; i++) {
      const b = new Belief(nar, 0, 0.5, p);
      b.hear(2, stream(i, 'belief'));
      xs.push(b.logShift - Math.log(1.05));
    }
    const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.004);
    expect(sd).toBeGreaterThan(0.047);
    expect(sd).toBeLessThan(0.053);
  });
});
