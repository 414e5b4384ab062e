// The market pieces (demand, rental clearing, budgets, DCF), the full model, its parameters and
// the base year against the pre-shock information set.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceleratorBudget,
  annuityFactor,
  baseYearReport,
  breakevenRental,
  calibrateBaseYear,
  capexPath,
  clearRental,
  ComputeDemand,
  defaultEconomyParams as d,
  discountedValue,
  economyChartSvg,
  economyParams,
  efficiencyAt,
  evaluateEconomy,
  nvidiaImpliedRevenue,
  parameterPaths,
  parseSweepSpec,
  preShockInformation,
  reportedActuals,
  setParameter,
  shockRatio,
  spreadOverQuarters,
  sweep,
  tokenDemand,
  tokenPrice,
} from '../../src/economy/index.ts';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

function demandOf(eps: number, efficiency: number, budget = 0): ComputeDemand {
  return new ComputeDemand().set('constant', eps, 1, 2, 10, 1, efficiency, budget);
}

describe('demand and efficiency', () => {
  it('efficiency is trend^(t - base) times jumps from their year on', () => {
    expect(efficiencyAt(2024, 2024, 10)).toBe(1);
    expect(rel(efficiencyAt(2026, 2024, 10, [{ year: 2025, factor: 27 }]), 2700)).toBeLessThan(1e-12);
    expect(rel(efficiencyAt(2024.5, 2024, 10), Math.sqrt(10))).toBeLessThan(1e-12);
  });
  it('token price is rental / tokens per hour * (1 + markup)', () => {
    expect(tokenPrice(2, 1000, 0.5)).toBeCloseTo(0.003, 15);
  });
  it('constant-elasticity inference hours scale as E^(eps - 1) at a fixed rental (Jevons)', () => {
    for (const eps of [0.5, 1, 1.5, 2]) {
      const ratio = demandOf(eps, 27).hours(2) / demandOf(eps, 1).hours(2);
      expect(rel(ratio, Math.pow(27, eps - 1))).toBeLessThan(1e-9);
    }
  });
  it('saturating demand matches its closed form and its elasticity falls as the price falls', () => {
    const [eps, h] = [1.5, 0.01];
    for (const x of [1, 0.1, 0.01, 1e-4]) expect(rel(tokenDemand('saturating', eps, x, h), (1 + h ** -eps) / (1 + (x / h) ** eps))).toBeLessThan(1e-9);
    const s = new ComputeDemand().set('saturating', eps, h, 1, 1, 1, 1, 0);
    s.hours(1);
    const high = s.lastElasticity;
    s.hours(1e-4);
    expect(s.lastElasticity).toBeLessThan(high);
  });
  it('higher elasticity never lowers compute demand after an efficiency gain (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 3, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 1, max: 1000, noNaN: true }), (eps, more, e) => {
        const gain = (x: number) => demandOf(x, e).hours(2) / demandOf(x, 1).hours(2);
        return gain(eps + more) >= gain(eps) * (1 - 1e-12);
      }),
    );
  });
  it('training hours are the budget over the rental price', () => {
    const dd = new ComputeDemand().set('constant', 1.2, 1, 2, 0, 1, 1, 30);
    expect(dd.hours(3)).toBeCloseTo(10, 12);
  });
});

describe('rental market', () => {
  it('the clearing price equals the closed form for constant elasticity (inference only)', () => {
    const [eps, e, cap] = [1.5, 10, 4];
    const out = clearRental(demandOf(eps, e), cap, 0.1, 1);
    // 10 * (r/2/E)^-eps / E = cap  =>  r = 2 E (10 / (cap E))^(1/eps)
    expect(rel(out.value, 2 * e * Math.pow(10 / (cap * e), 1 / eps))).toBeLessThan(1e-9);
    expect(out.price).toBe(out.value);
    expect(out.utilisation).toBe(1);
  });
  it('supply fixed: an efficiency gain E raises the value of a GPU-hour by E^(1 - 1/eps) (C16)', () => {
    const before = clearRental(demandOf(1.5, 1), 10, 0, 1).value;
    const after = clearRental(demandOf(1.5, 10), 10, 0, 1).value;
    expect(rel(after / before, Math.pow(10, 1 - 1 / 1.5))).toBeLessThan(1e-9);
  });
  it('slack supply prices at the operating cost; bargaining weight splits the surplus', () => {
    const slack = clearRental(demandOf(1.5, 1), 1e6, 0.4, 1);
    expect(slack.price).toBe(0.4);
    expect(slack.utilisation).toBeLessThan(1);
    const full = clearRental(demandOf(1.5, 1), 5, 0.4, 1);
    const half = clearRental(demandOf(1.5, 1), 5, 0.4, 0.5);
    expect(rel(half.price, 0.4 + 0.5 * (full.value - 0.4))).toBeLessThan(1e-12);
  });
  it('break-even rental and annuity follow their formulas', () => {
    expect(rel(annuityFactor(0.1, 4), 0.1 / (1 - 1.1 ** -4))).toBeLessThan(1e-9);
    expect(annuityFactor(0, 5)).toBe(0.2);
    const r = breakevenRental(25000, 1.6, 0.1, 4, 0.7, 0.35);
    expect(rel(r, 0.35 + (25000 * 1.6 * (0.1 / (1 - 1.1 ** -4))) / (8760 * 0.7))).toBeLessThan(1e-9);
    expect(() => breakevenRental(25000, 1.6, 0.1, 4, 0, 0.35)).toThrow(/utilisation.*0/);
  });
});

describe('budgets and valuation', () => {
  it('capex path: base, guided year with Stargate, then growth', () => {
    const c = d.capex;
    const p = capexPath(c, 4);
    expect(p[0]).toBeCloseTo(c.hyperscalersBase * (1 + c.otherBuyersRatio), 9);
    expect(p[1]).toBeCloseTo((c.hyperscalersNext + c.stargatePerYear * c.stargateRealisation) * (1 + c.otherBuyersRatio), 9);
    expect(p[3] / p[2]).toBeCloseTo(1 + c.growth, 12);
    expect(acceleratorBudget(c, 100, 1)).toBeCloseTo(100 * c.acceleratorShare, 12);
    expect(rel(acceleratorBudget(c, 100, 1.5), 100 * c.acceleratorShare * 1.5 ** c.response)).toBeLessThan(1e-9);
    expect(rel(acceleratorBudget(c, 100, 1e9), 100 * c.acceleratorShare * c.responseCap ** c.response)).toBeLessThan(1e-9);
  });
  it('quarters sum to the year and grow geometrically', () => {
    const q: number[] = [];
    spreadOverQuarters(100, 160, q, 0);
    expect(q.reduce((a, b) => a + b, 0)).toBeCloseTo(160, 10);
    expect(rel(q[1] / q[0], 1.6 ** 0.25)).toBeLessThan(1e-9);
  });
  it('DCF equals the sum computed here', () => {
    const e = [1, 2, 3, 4, 5, 6, 7, 8];
    const [r, g] = [0.08, 0.03];
    let pv = 0;
    e.forEach((x, k) => (pv += x / (1 + r) ** ((k + 0.5) / 4)));
    pv += ((5 + 6 + 7 + 8) * (1 + g)) / (r - g) / (1 + r) ** 2;
    expect(rel(discountedValue(e, r, g, 1).presentValue, pv)).toBeLessThan(1e-9);
    expect(() => discountedValue(e, 0.03, 0.05, 1)).toThrow(/terminalGrowth.*0.05/);
  });
});

describe('full model', () => {
  const r = evaluateEconomy(d);
  it('covers the years and quarters 2025-2030 and is deterministic', () => {
    expect(r.years).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(r.nvda.quarters).toHaveLength(24);
    expect(r.nvda.quarters[0]).toBe('2025Q1');
    expect(JSON.stringify(evaluateEconomy(d))).toBe(JSON.stringify(r));
    r.years.forEach((_, t) => {
      expect(r.nvda.quarterlyRevenue.slice(4 * t - 4, 4 * t).reduce((a, b) => a + b, 0) || r.nvda.revenue[0]).toBeCloseTo(r.nvda.revenue[t], 8);
      for (const s of ['training', 'inference'] as const) expect(r.segments[s][t].residual).toBeLessThan(1e-9);
    });
  });
  it('the installed base grows with shipments net of retirements', () => {
    for (let t = 1; t < r.years.length; t++) {
      expect(r.installedBase[t]).toBeCloseTo((1 - d.installedBase.retirement) * r.installedBase[t - 1] + r.shipments[t - 1], 9);
    }
  });
  it('spend never exceeds the budget', () => {
    r.capex.spend.forEach((s, t) => expect(s).toBeLessThanOrEqual(r.capex.budget[t] * (1 + 1e-12)));
  });
  it('base year reproduces the pre-shock information set within 2%', () => {
    const b = baseYearReport(d);
    const implied = preShockInformation.nvidiaQuarters.reduce((a, x) => a + x, 0);
    expect(nvidiaImpliedRevenue()).toBe(implied);
    expect(Math.abs(r.nvda.revenue[0] / implied - 1)).toBeLessThan(0.02);
    expect(Math.abs(r.avgo.aiRevenue[0] / preShockInformation.broadcomAiRevenue - 1)).toBeLessThan(0.02);
    expect(b.nvidiaGrossMargin.inside).toBe(true);
    // The back-test against figures reported after the shock is reported, not fitted.
    expect(b.backTest.nvidiaRevenue.target).toBe(reportedActuals.nvidiaRevenue);
    expect(b.backTest.nvidiaRevenue.error).toBeCloseTo(r.nvda.revenue[0] / reportedActuals.nvidiaRevenue - 1, 12);
  });
  it('calibration fits the base year exactly and the defaults are its rounded result', () => {
    const c = calibrateBaseYear({ ...d, installedBase: { ...d.installedBase, initial: 2 } }).params;
    const rc = evaluateEconomy(c);
    expect(rel(rc.nvda.revenue[0], nvidiaImpliedRevenue())).toBeLessThan(1e-9);
    expect(rel(rc.avgo.aiRevenue[0], preShockInformation.broadcomAiRevenue)).toBeLessThan(1e-9);
    expect(rel(c.installedBase.initial, d.installedBase.initial)).toBeLessThan(1e-3);
  });
  it('NVDA base value per share is plausible against the 24 Jan close', () => {
    expect(r.nvda.valuePerShare / preShockInformation.nvdaClose).toBeGreaterThan(0.75);
    expect(r.nvda.valuePerShare / preShockInformation.nvdaClose).toBeLessThan(1.33);
  });
  it('a 27x jump raises value when demand is elastic; the rental price (supply fixed) and later compute rise with elasticity', () => {
    const at = (eps: number) => shockRatio(setParameter(d, 'demand.elasticity', String(eps)), 27);
    const lo = at(1.1);
    const hi = at(1.5);
    expect(hi.nvda).toBeGreaterThan(1);
    expect(hi.nvda).toBeGreaterThanOrEqual(lo.nvda);
    expect(hi.computeDemand[1]).toBeCloseTo(1, 12); // the installed base is fixed within the year
    expect(hi.rentalPrice[1]).toBeGreaterThan(lo.rentalPrice[1]);
    expect(hi.computeDemand[3]).toBeGreaterThan(lo.computeDemand[3]);
    expect(at(1.2).before.nvda.revenue[0]).toBe(at(1.2).after.nvda.revenue[0]); // base year unchanged
  });
  it("a rival's better inference chip never raises NVIDIA's margin in the model (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 3, noNaN: true }), (bump) => {
        const p = setParameter(d, 'competition.asic.inference', String(d.competition.asic.inference + bump));
        const a = evaluateEconomy(p).segments.inference[3].margins[0];
        return a <= r.segments.inference[3].margins[0] + 1e-12;
      }),
      { numRuns: 20 },
    );
  });
  it('draws an SVG chart', () => {
    const svg = economyChartSvg(r);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('NVDA revenue');
    expect((svg.match(/<polyline/g) ?? []).length).toBe(7);
  });
});

describe('parameters', () => {
  it('every default is reachable by a dotted path and overridable', () => {
    const paths = parameterPaths();
    expect(paths).toContain('demand.elasticity');
    expect(setParameter(d, 'demand.elasticity', '1.7').demand.elasticity).toBe(1.7);
    expect(setParameter(d, 'elasticity', '1.7').demand.elasticity).toBe(1.7);
    expect(economyParams({ demand: { form: 'saturating' } }).demand.form).toBe('saturating');
  });
  it('errors name the parameter and the value', () => {
    expect(() => setParameter(d, 'demand.elasticity', '-1')).toThrow(/demand\.elasticity.*-1/);
    expect(() => setParameter(d, 'demand.elasticity', 'abc')).toThrow(/demand\.elasticity.*"abc"/);
    expect(() => setParameter(d, 'no.such', '1')).toThrow(/unknown parameter no\.such/);
    expect(() => setParameter(d, 'inferenceTrend', '1')).toThrow(/ambiguous/);
    expect(() => economyParams({ demand: { elasticity: 'x' } })).toThrow(/demand\.elasticity.*"x"/);
    expect(() => economyParams({ demand: { bogus: 1 } })).toThrow(/unknown parameter demand\.bogus/);
    expect(() => economyParams({ valuation: { terminalGrowth: 0.2 } })).toThrow(/terminalGrowth.*0.2/);
    expect(() => evaluateEconomy({ ...d, rental: { ...d.rental, basePrice: NaN } })).toThrow(/rental\.basePrice/);
  });
  it('sweep specs parse and each point is refitted to the base year', () => {
    const spec = parseSweepSpec('elasticity=1.1:1.3:0.1');
    expect(spec.path).toBe('demand.elasticity');
    expect(spec.values).toHaveLength(3);
    expect(spec.values[2]).toBeCloseTo(1.3, 12);
    const pts = sweep(d, spec);
    pts.forEach((p) => expect(rel(p.nvdaBaseRevenue, nvidiaImpliedRevenue())).toBeLessThan(1e-9));
    expect(() => parseSweepSpec('elasticity=2:1:0.1')).toThrow(/to must be >= from/);
    expect(() => parseSweepSpec('elasticity=1:2:0')).toThrow(/step must be > 0/);
  });
});
