// Closed forms of the small calculators (Jevons, train and coal, LETF, Bass, GPU-hour shock)
// against formulas computed here, and the printed test vectors of targets.md.
import { describe, expect, it } from 'vitest';
import { bassAdoption, bassPeak, bassRate, gpuHourShock, jevons, letfRebalance, outputPerInputSpend, profitMultiplier, reboundClass, trainCoal } from '../../src/economy/index.ts';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
/** |x - printed| within half a unit of the printed value's last digit. */
function matchesPrinted(x: number, printed: string): boolean {
  const decimals = printed.includes('.') ? printed.split('.')[1].length : 0;
  return Math.abs(x - Number(printed)) <= 0.5 * 10 ** -decimals;
}

describe('jevons', () => {
  it('demand multiplier is E^(eps - 1), rebound eps', () => {
    for (const [e, eps] of [[10, 1.5], [3, 0.2], [27, 1.2], [1.5, -0.4]]) {
      const r = jevons(e, eps);
      expect(rel(r.demandMultiplier, Math.pow(e, eps - 1))).toBeLessThan(1e-9);
      expect(rel(r.serviceMultiplier, Math.pow(e, eps))).toBeLessThan(1e-9);
      expect(r.rebound).toBe(eps);
    }
  });
  it('reproduces the targets.md vectors (E = 10)', () => {
    const vectors: [number, string][] = [[0.5, '0.316'], [1, '1'], [1.5, '3.162'], [2, '10']];
    for (const [eps, printed] of vectors) expect(matchesPrinted(jevons(10, eps).demandMultiplier, printed)).toBe(true);
    expect(matchesPrinted(jevons(10, 1.5).demandMultiplier, '3.1623')).toBe(true);
  });
  it('classifies rebound', () => {
    expect([1.5, 1, 0.5, 0, -0.5].map(reboundClass)).toEqual(['backfire', 'full', 'partial', 'zero', 'super-conservation']);
    expect(jevons(10, 1.5).class).toBe('backfire');
  });
  it('rejects bad parameters, naming them', () => {
    expect(() => jevons(-1, 1)).toThrow(/efficiency.*-1/);
    expect(() => jevons(10, NaN)).toThrow(/elasticity.*NaN/);
  });
});

describe('train and coal (C15)', () => {
  it('output per fuel spend is E / p: 10 -> 10, coal doubled -> 5', () => {
    expect(outputPerInputSpend(10, 1)).toBe(10);
    expect(trainCoal(10, 2).outputPerFuelSpend).toBe(5);
  });
  it('profit multipliers under each reading follow their formulas', () => {
    const [e, p, m] = [10, 2, 0.2];
    expect(profitMultiplier(e, p, 'proportional', m)).toBe(e / p);
    expect(rel(profitMultiplier(e, p, 'fixed-budget', m), (e / p - 1 + m) / m)).toBeLessThan(1e-9);
    expect(rel(profitMultiplier(e, p, 'fixed-output', m), (1 - ((1 - m) * p) / e) / m)).toBeLessThan(1e-9);
    // The fixed-budget reading from first principles: revenue R per km, k km, coal budget C.
    const R = 3, k = 7, C = (1 - m) * R * k;
    expect(rel(profitMultiplier(e, p, 'fixed-budget', m), (R * k * (e / p) - C) / (R * k - C))).toBeLessThan(1e-9);
  });
  it('states the assumption it uses and shows every reading', () => {
    const r = trainCoal(10, 2);
    expect(r.assumption).toMatch(/proportional/);
    expect(r.readings.map((x) => x.reading)).toEqual(['proportional', 'fixed-budget', 'fixed-output']);
    expect(() => trainCoal(10, 0)).toThrow(/fuel-price.*0/);
    expect(() => trainCoal(10, 2, 'proportional', 1.5)).toThrow(/margin.*1.5/);
  });
});

describe('GPU-hour value with supply fixed (C16)', () => {
  it('rental rises by E^(1 - 1/eps) and the user gets E / that per rental dollar', () => {
    const r = gpuHourShock(10, 1.5);
    expect(rel(r.rentalMultiplier, Math.pow(10, 1 / 3))).toBeLessThan(1e-9);
    expect(rel(r.outputPerRentalDollar, 10 / Math.pow(10, 1 / 3))).toBeLessThan(1e-9);
    expect(gpuHourShock(10, 1).rentalMultiplier).toBeCloseTo(1, 12);
  });
});

describe('leveraged ETF rebalancing', () => {
  it('reproduces the targets.md vectors', () => {
    expect(letfRebalance(100, 3, 0.05).trade).toBeCloseTo(30, 12);
    expect(matchesPrinted(letfRebalance(1, 2, -0.1697).trade, '-0.3394')).toBe(true);
    expect([-1, -2, -3].map((x) => letfRebalance(1, x, 1).factor)).toEqual([2, 6, 12]);
  });
  it('rejects a non-positive fund size', () => {
    expect(() => letfRebalance(0, 2, 0.1)).toThrow(/aum.*0/);
  });
});

describe('Bass diffusion', () => {
  const F = (p: number, q: number, t: number) => (1 - Math.exp(-(p + q) * t)) / (1 + (q / p) * Math.exp(-(p + q) * t));
  it('F(t) and its derivative match the closed form', () => {
    for (const t of [0, 0.5, 3, 6.2, 20]) {
      expect(Math.abs(bassAdoption(0.03, 0.38, t) - F(0.03, 0.38, t))).toBeLessThan(1e-12);
      const h = 1e-5;
      expect(Math.abs(bassRate(0.03, 0.38, t + h) - (F(0.03, 0.38, t + 2 * h) - F(0.03, 0.38, t)) / (2 * h))).toBeLessThan(1e-7);
    }
  });
  it('peak at ln(q/p)/(p+q) with F = 1/2 - p/(2q): targets vector 6.19, 0.4605', () => {
    const r = bassPeak(0.03, 0.38);
    expect(rel(r.peakTime, Math.log(0.38 / 0.03) / 0.41)).toBeLessThan(1e-9);
    expect(rel(r.adoptionAtPeak, 0.5 - 0.03 / 0.76)).toBeLessThan(1e-9);
    expect(matchesPrinted(r.peakTime, '6.19')).toBe(true);
    expect(matchesPrinted(r.adoptionAtPeak, '0.4605')).toBe(true);
    expect(Math.abs(F(0.03, 0.38, r.halfTime) - 0.5)).toBeLessThan(1e-12);
  });
  it('rejects p <= 0', () => {
    expect(() => bassPeak(0, 0.3)).toThrow(/p.*0/);
  });
});
