// Activity (agents/activity.ts): the session clock and U-shape, the mean-one regime, the
// consensus reference's variance (sigma_d^2 a^gamma dt / T_s), and the zero-intelligence trader's
// use of it (sleeps when closed, prices around V, cancels orders older than maxAgeNs).
import { describe, expect, it } from 'vitest';
import { Activity } from '../../src/agents/activity.ts';
import { ZeroIntelligence, ZiRings, ZiRule } from '../../src/agents/zero-intelligence.ts';
import { stream } from '../../src/core/rng.ts';
import { market, ordersOf, toyCalendar } from './helpers.ts';

const session = { calendar: toyCalendar(1_000, 300, 700), leadNs: 50 };
const base = { uShape: 0, regimeSd: 0, regimeNs: 100, referenceSigma: 0, sessionNs: 400 };

describe('Activity', () => {
  it('is closed outside [open - lead, close), U-shaped with mean 1 inside', () => {
    const a = new Activity({ ...base, session, uShape: 1.2 }, stream(1, 'a'));
    expect(a.intraday(100)).toBe(0);
    expect(a.intraday(700)).toBe(0);
    expect(a.intraday(1_260)).toBeCloseTo(1 + 1.2 * (2 / 3), 12); // lead of day 1: u(0)
    expect(a.intraday(500)).toBeCloseTo(1 - 1.2 / 3, 12); // mid-session
    let s = 0;
    for (let t = 300; t < 700; t++) s += a.intraday(t + 0.5);
    expect(s / 400).toBeCloseTo(1, 3);
    expect(a.nextOpen(100)).toBe(250);
    expect(a.nextOpen(800)).toBe(1_250);
    expect(a.nextOpen(400)).toBe(400);
  });

  it('returns 0 when closed and u R m when open', () => {
    const a = new Activity({ ...base, session }, stream(1, 'a'));
    expect(a.advance(100, 3, 100)).toBe(0);
    expect(a.advance(500, 3, 100)).toBeCloseTo(3, 12);
  });

  it('has a mean-one log-normal regime', () => {
    const a = new Activity({ ...base, regimeSd: 0.8, regimeNs: 10 }, stream(2, 'a'));
    let s = 0;
    const n = 20_000;
    for (let i = 1; i <= n; i++) s += a.advance(i * 50, 1, 100);
    expect(s / n).toBeGreaterThan(0.93);
    expect(s / n).toBeLessThan(1.07);
  });

  it('jumps the reference lambda_J a dt / T_s times on average, by sigma_J Z', () => {
    // Diffusion ~0: every visible move is a jump. 40,000 steps of dt = 10 over T_s = 400 is 1,000
    // sessions; at lambda_J = 3 and activity m = 2: ~6,000 jumps expected.
    const a = new Activity({ ...base, referenceSigma: 1e-12, referenceJumpsPerDay: 3, referenceJumpSigma: 0.05 }, stream(9, 'jumps'));
    a.advance(0, 2, 100);
    let prev = Math.log(a.reference());
    let jumps = 0;
    let sq = 0;
    for (let i = 1; i <= 40_000; i++) {
      a.advance(i * 10, 2, 100);
      const x = Math.log(a.reference());
      if (Math.abs(x - prev) > 1e-6) {
        jumps++;
        sq += (x - prev) ** 2;
      }
      prev = x;
    }
    const expected = (3 * 2 * 10 * 40_000) / 400;
    expect(Math.abs(jumps - expected)).toBeLessThan(5 * Math.sqrt(expected));
    expect(Math.sqrt(sq / jumps) / 0.05).toBeCloseTo(1, 1);
  });

  it('moves the reference with variance sigma^2 a^gamma dt / T_s and not while closed', () => {
    const stepVar = (gamma: number, m: number) => {
      const a = new Activity({ ...base, referenceSigma: 0.1, referenceExponent: gamma }, stream(3, 'a', gamma));
      a.advance(0, m, 100);
      let prev = Math.log(a.reference());
      let s = 0;
      const n = 20_000;
      for (let i = 1; i <= n; i++) {
        a.advance(i * 100, m, 100);
        const x = Math.log(a.reference());
        s += (x - prev) ** 2;
        prev = x;
      }
      return s / n;
    };
    expect(stepVar(1, 2) / (0.01 * 0.25 * 2)).toBeCloseTo(1, 1);
    expect(stepVar(2, 2) / (0.01 * 0.25 * 4)).toBeCloseTo(1, 1);
    const c = new Activity({ ...base, session, referenceSigma: 0.5 }, stream(4, 'a'));
    c.advance(710, 1, 100);
    c.advance(900, 1, 100);
    expect(c.reference()).toBeCloseTo(100, 9);
  });
});

describe('ZeroIntelligence with an activity', () => {
  const zi = (m: ReturnType<typeof market>, extra: object) =>
    new ZeroIntelligence(m.ex, 1, stream(5, 'zi'), { symbol: 0, meanWakeNs: 10, pCancel: 0, pMarket: 0, pCross: 0, offsetMean: 1, maxQty: 1, maxLive: 64, ...extra });

  it('places limit orders around the reference V with weight 1', () => {
    const m = market(10_000);
    const activity = new Activity({ ...base, referenceSigma: 0 }, stream(6, 'a'));
    activity.advance(0, 1, 12_000); // V = 12,000 while the exchange's mid is 10,000
    const a = zi(m, { activity, referenceWeight: 1 });
    m.k.add(a, 0);
    m.k.run(2_000);
    const limits = ordersOf(m, a, 'limit');
    expect(limits.length).toBeGreaterThan(20);
    for (const o of limits) expect(Math.abs(o.price - 12_000)).toBeLessThan(100);
  });

  it('sleeps while the session is closed', () => {
    const m = market(10_000);
    const activity = new Activity({ ...base, session: { calendar: toyCalendar(100_000, 60_000, 90_000), leadNs: 0 } }, stream(6, 'a'));
    const a = zi(m, { activity });
    m.k.add(a, 0);
    m.k.run(59_999);
    expect(ordersOf(m, a).length).toBe(0);
    m.k.run(70_000);
    expect(ordersOf(m, a).length).toBeGreaterThan(100);
  });

  it('cancels orders older than maxAgeNs', () => {
    const m = market(10_000);
    const a = zi(m, { maxAgeNs: 100, pCancel: 0 });
    m.k.add(a, 0);
    m.k.run(5_000);
    const cancels = ordersOf(m, a, 'cancel');
    expect(cancels.length).toBeGreaterThan(100);
    // pCancel = 0: every cancel is an expiry, sent at least maxAgeNs after the first order.
    expect(cancels[0].time).toBeGreaterThanOrEqual(ordersOf(m, a, 'limit')[0].time + 100);
  });
});

describe('ZeroIntelligence as its own random source', () => {
  it('draws exactly what the stream it was given would draw, and shares one rule', () => {
    const m = market(10_000);
    const rule = new ZiRule({ symbol: 0, meanWakeNs: 10, pCancel: 0.2, pMarket: 0.1, pCross: 0, offsetMean: 1, maxQty: 3, maxLive: 4 });
    const rings = new ZiRings(2, 4);
    const a = new ZeroIntelligence(m.ex, 1, stream(9, 'zi', 0), rule, rings.ring(0));
    const b = new ZeroIntelligence(m.ex, 1, stream(9, 'zi', 1), rule, rings.ring(1));
    const ra = stream(9, 'zi', 0);
    const rb = stream(9, 'zi', 1);
    for (let i = 0; i < 1_000; i++) {
      expect(a.nextU32()).toBe(ra.nextU32());
      expect(b.nextFloat()).toBe(rb.nextFloat());
    }
    expect(a.nextU32()).not.toBe(b.nextU32());
    expect(() => new ZeroIntelligence(m.ex, 1, stream(9, 'zi', 2), rule, { data: rings.data, offset: 8 * 2 - 1 })).toThrow(/ring/);
  });
});
