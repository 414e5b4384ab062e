// demand.jumpPassThrough (economy/demand.ts): the share (as an exponent) of a one-off efficiency
// jump that reaches token prices. At 1 the model is unchanged; below 1 the jump cuts GPU-hours
// more (the static reading: the same work needs fewer GPUs, use grows less), and at 0 token
// demand ignores the jump entirely.
import { describe, expect, it } from 'vitest';
import { ComputeDemand, economyParams, evaluateEconomy } from '../../src/economy/index.ts';

describe('demand.jumpPassThrough', () => {
  it('scales token prices by E_trend J^p while GPU-hours fall by the whole jump', () => {
    const full = new ComputeDemand().set('constant', 1.5, 1, 2, 100, 1, 27, 0, 27);
    const none = new ComputeDemand().set('constant', 1.5, 1, 2, 100, 1, 27, 0, 1);
    // full pass-through: H = H0 x^-eps / E with x = 1 / 27: 100 * 27^1.5 / 27
    expect(full.hours(2)).toBeCloseTo(100 * Math.pow(27, 0.5), 9);
    // none: token demand unchanged, GPU-hours / 27
    expect(none.hours(2)).toBeCloseTo(100 / 27, 9);
  });

  it('leaves the model unchanged at 1 and, as a surprise on plans made before it, lowers compute and value below 1', () => {
    const jump = { efficiency: { jump: 27 } };
    const planned = { plannedProfitability: evaluateEconomy(economyParams()).rental.profitability };
    const base = evaluateEconomy(economyParams(jump), planned);
    expect(evaluateEconomy(economyParams({ ...jump, demand: { jumpPassThrough: 1 } }), planned).nvda.valuePerShare).toBe(base.nvda.valuePerShare);
    const half = evaluateEconomy(economyParams({ ...jump, demand: { jumpPassThrough: 0.5 } }), planned);
    expect(half.computeDemand.total[1]).toBeLessThan(base.computeDemand.total[1]);
    expect(half.nvda.valuePerShare).toBeLessThan(base.nvda.valuePerShare);
    expect(() => economyParams({ demand: { jumpPassThrough: 1.5 } })).toThrow(/demand\.jumpPassThrough/);
  });
});
