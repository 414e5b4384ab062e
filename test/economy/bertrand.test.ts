// The logit-Bertrand solver against the analytic first-order condition, the inverse
// (calibration) map, monotonicity properties and its errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competeLogit, ConvergenceError, LogitBertrand, logitQualities } from '../../src/economy/index.ts';

function logitShares(q: number[], p: number[], alpha: number): { s: number[]; s0: number } {
  const e = q.map((qj, j) => Math.exp(qj - alpha * p[j]));
  const d = 1 + e.reduce((a, b) => a + b, 0);
  return { s: e.map((x) => x / d), s0: 1 / d };
}

describe('logit Bertrand-Nash', () => {
  it('prices satisfy p_j - c_j = 1/(alpha (1 - s_j)) with shares recomputed here', () => {
    const cases = [
      { alpha: 1, v: [{ name: 'A', quality: 2, cost: 1 }, { name: 'B', quality: 1, cost: 1 }] },
      { alpha: 0.15, v: [{ name: 'nv', quality: 5.3, cost: 5.5 }, { name: 'amd', quality: 0.3, cost: 8 }, { name: 'asic', quality: 0.55, cost: 3.5 }, { name: 'x', quality: -0.8, cost: 8 }] },
      { alpha: 3, v: [{ name: 'mono', quality: 12, cost: 0.5 }] },
    ];
    for (const { alpha, v } of cases) {
      const r = competeLogit(v, alpha);
      const p = r.vendors.map((x) => x.price);
      const { s, s0 } = logitShares(v.map((x) => x.quality), p, alpha);
      v.forEach((x, j) => {
        const foc = 1 / (alpha * (1 - s[j]));
        expect(Math.abs(p[j] - x.cost - foc) / foc).toBeLessThan(1e-9);
        expect(Math.abs(r.vendors[j].share - s[j])).toBeLessThan(1e-12);
        expect(Math.abs(r.vendors[j].margin - (p[j] - x.cost) / p[j])).toBeLessThan(1e-12);
      });
      expect(Math.abs(r.outside - s0)).toBeLessThan(1e-12);
      expect(r.iterations).toBeGreaterThan(0);
      expect(r.residual).toBeLessThan(1e-9);
    }
  });

  it('holds the FOC for random markets (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.array(fc.record({ quality: fc.double({ min: -10, max: 15, noNaN: true }), cost: fc.double({ min: 0, max: 10, noNaN: true }) }), { minLength: 1, maxLength: 6 }),
        (alpha, vs) => {
          const r = competeLogit(vs.map((v, j) => ({ name: `v${j}`, ...v })), alpha);
          const { s } = logitShares(vs.map((v) => v.quality), r.vendors.map((x) => x.price), alpha);
          return vs.every((v, j) => Math.abs(r.vendors[j].price - v.cost - 1 / (alpha * (1 - s[j]))) * alpha * (1 - s[j]) < 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a rival's higher quality never raises the leader's margin (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        fc.double({ min: -5, max: 10, noNaN: true }),
        fc.double({ min: -5, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (alpha, qLead, qRival, bump) => {
          const m = (qr: number) => competeLogit([{ name: 'nv', quality: qLead, cost: 5 }, { name: 'rival', quality: qr, cost: 4 }], alpha).vendors[0].margin;
          return m(qRival + bump) <= m(qRival) + 1e-12;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('inverts: qualities fitted to target shares reproduce them', () => {
    const shares = [0.69, 0.03, 0.07, 0.01];
    const costs = [5.5, 8, 3.5, 8];
    const q = logitQualities(shares, costs, 0.15);
    const r = competeLogit(q.map((quality, j) => ({ name: `v${j}`, quality, cost: costs[j] })), 0.15);
    r.vendors.forEach((v, j) => expect(Math.abs(v.share - shares[j])).toBeLessThan(1e-12));
  });

  it('errors: empty list, NaN quality, negative alpha, non-convergence', () => {
    expect(() => competeLogit([], 1)).toThrow(/vendors.*empty/);
    expect(() => competeLogit([{ name: 'A', quality: NaN, cost: 1 }], 1)).toThrow(/vendors\[0\]\.quality.*NaN/);
    expect(() => competeLogit([{ name: 'A', quality: 1, cost: -2 }], 1)).toThrow(/vendors\[0\]\.cost.*-2/);
    expect(() => competeLogit([{ name: 'A', quality: 1, cost: 1 }], -1)).toThrow(/alpha.*-1/);
    const v = [{ name: 'A', quality: 2, cost: 1 }, { name: 'B', quality: 1, cost: 1 }];
    expect(() => competeLogit(v, 1, { maxIterations: 1, tolerance: 1e-300 })).toThrow(ConvergenceError);
    expect(() => competeLogit(v, 1, { maxIterations: 1, tolerance: 1e-300 })).toThrow(/did not converge after 1 iterations \(residual/);
  });

  it('the reusable solver gives the same answer as the one-shot wrapper', () => {
    const s = new LogitBertrand(3).solve([3, 1, 0], [1, 2, 0.5], 3, 0.7);
    const r = competeLogit([{ name: 'a', quality: 3, cost: 1 }, { name: 'b', quality: 1, cost: 2 }, { name: 'c', quality: 0, cost: 0.5 }], 0.7);
    r.vendors.forEach((v, j) => expect(s.prices[j]).toBe(v.price));
  });
});
