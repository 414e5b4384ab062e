// The base year against the pre-shock information set (what was public on 24 Jan 2025), the
// calibration of the two scale parameters to it, and the back-test against figures reported
// after the shock. Figures from /work/shared/targets.md; the model's base year is calendar 2024,
// which stands for NVIDIA's fiscal 2025 (to 26 Jan 2025) and Broadcom's fiscal 2024 (to 3 Nov 2024).
import { evaluateEconomy } from './model.ts';
import { checkEconomyParams, type EconomyParams } from './params.ts';
import { ConvergenceError } from './bertrand.ts';

/** Public before the shock ($B unless stated). */
export const preShockInformation = {
  /** NVIDIA fiscal 2025: Q1-Q3 reported, Q4 the company's guidance ($37.5B +-2%). */
  nvidiaQuarters: [26.0, 30.0, 35.1, 37.5],
  /** NVIDIA gross margin, as guided and reported for fiscal 2025 Q1-Q3. */
  nvidiaGrossMargin: [0.73, 0.75],
  /** Broadcom fiscal 2024 AI revenue (custom accelerators + AI networking). */
  broadcomAiRevenue: 12.2,
  broadcomRevenue: 51.6,
  broadcomAdjustedEps: 4.87,
  /** Broadcom's serviceable market for XPUs + AI networking by fiscal 2027. */
  broadcomOutlook: { year: 2027, low: 60, high: 90 },
  /** Close on Friday 24 Jan 2025, $ per share, and NVIDIA's implied share count (billions). */
  nvdaClose: 142.62,
  nvdaShares: 24.5,
} as const;

/** Reported on 26 Feb 2025, after the shock: for the back-test only, never an input. */
export const reportedActuals = {
  nvidiaRevenue: 130.5,
  nvidiaDataCenterRevenue: 115.2,
  nvidiaGrossMargin: 0.75,
} as const;

/** NVIDIA fiscal 2025 revenue implied by the pre-shock set: Q1 + Q2 + Q3 + Q4 guidance. */
export function nvidiaImpliedRevenue(): number {
  return preShockInformation.nvidiaQuarters.reduce((a, b) => a + b, 0);
}

export interface Calibration {
  params: EconomyParams;
  iterations: number;
}

/**
 * Fit the two scale parameters to the pre-shock base year: the installed base at the start of
 * the base year (which sets the size of the GPU-hour market and so the accelerator spend) to
 * NVIDIA's implied revenue, then Broadcom's share of custom-accelerator spend to its AI revenue.
 * Broadcom's AI revenue is linear in its share, so one step fits it (skipped with
 * `broadcom: false`; a share above 1 is reported as a parameter error).
 */
export function calibrateBaseYear(params: EconomyParams, options: { broadcom?: boolean; tolerance?: number } = {}): Calibration {
  const tolerance = options.tolerance ?? 1e-10;
  let p = checkEconomyParams(params);
  const target = nvidiaImpliedRevenue();
  const with0 = (k: number) => ({ ...p, installedBase: { ...p.installedBase, initial: k } });
  const revenueAt = (k: number) => evaluateEconomy(with0(k), { check: false }).nvda.revenue[0] - target;
  // Revenue is non-decreasing in the installed base (flat where the budget binds): bracket the
  // target by halving / doubling, then regula falsi (Illinois variant) inside the bracket.
  let lo = p.installedBase.initial;
  let hi = lo;
  let flo = revenueAt(lo);
  let fhi = flo;
  let it = 1;
  while (flo > 0 || fhi < 0) {
    if (++it > 200) throw new ConvergenceError(`base-year calibration of installedBase.initial (NVIDIA revenue cannot reach ${target} within the budget)`, it, Math.min(Math.abs(flo), Math.abs(fhi)));
    if (flo > 0) {
      hi = lo;
      fhi = flo;
      lo /= 2;
      flo = revenueAt(lo);
    } else {
      lo = hi;
      flo = fhi;
      hi *= 2;
      fhi = revenueAt(hi);
    }
  }
  let k1 = flo === 0 ? lo : hi;
  let f1 = flo === 0 ? 0 : fhi;
  let side = 0;
  while (Math.abs(f1) > tolerance * target) {
    if (++it > 300) throw new ConvergenceError('base-year calibration of installedBase.initial', it, Math.abs(f1));
    k1 = fhi === flo ? 0.5 * (lo + hi) : hi - (fhi * (hi - lo)) / (fhi - flo);
    if (!(k1 > lo && k1 < hi)) k1 = 0.5 * (lo + hi);
    f1 = revenueAt(k1);
    if (f1 > 0) {
      hi = k1;
      fhi = f1;
      if (side === 1) flo /= 2;
      side = 1;
    } else {
      lo = k1;
      flo = f1;
      if (side === -1) fhi /= 2;
      side = -1;
    }
    if (hi - lo <= 1e-15 * hi) break;
  }
  p = with0(k1);
  if (options.broadcom === false) return { params: checkEconomyParams(p), iterations: it };
  const r = evaluateEconomy(p, { check: false });
  const b = p.broadcom;
  const asicAtShare1 = r.avgo.asicRevenue[0] / b.asicShare;
  const share = (preShockInformation.broadcomAiRevenue - r.avgo.networkingRevenue[0]) / asicAtShare1;
  p = checkEconomyParams({ ...p, broadcom: { ...b, asicShare: share } });
  return { params: p, iterations: it };
}

export interface Comparison {
  model: number;
  target: number;
  /** model / target - 1. */
  error: number;
}

const compare = (model: number, target: number): Comparison => ({ model, target, error: model / target - 1 });

export interface BaseYearReport {
  year: number;
  nvidiaRevenue: Comparison;
  nvidiaGrossMargin: { model: number; low: number; high: number; inside: boolean };
  broadcomAiRevenue: Comparison;
  broadcomRevenue: Comparison;
  broadcomEps: Comparison;
  /** Custom-accelerator spend (all suppliers) + Broadcom AI networking in the outlook year, against $60-90B. */
  broadcomOutlook: { year: number; model: number; low: number; high: number; inside: boolean };
  nvdaValuePerShare: Comparison;
  backTest: { nvidiaRevenue: Comparison; nvidiaDataCenterRevenue: Comparison; nvidiaGrossMargin: Comparison };
}

/** The base year against the pre-shock set, and the back-test against the reported actuals. */
export function baseYearReport(params: EconomyParams): BaseYearReport {
  const r = evaluateEconomy(params);
  const info = preShockInformation;
  const [low, high] = info.nvidiaGrossMargin;
  const gm = r.nvda.grossMargin[0];
  const o = info.broadcomOutlook;
  const t = o.year - r.years[0];
  const outlook = t >= 0 && t < r.years.length ? r.avgo.asicRevenue[t] / params.broadcom.asicShare + r.avgo.networkingRevenue[t] : NaN;
  return {
    year: r.years[0],
    nvidiaRevenue: compare(r.nvda.revenue[0], nvidiaImpliedRevenue()),
    nvidiaGrossMargin: { model: gm, low, high, inside: gm >= low && gm <= high },
    broadcomAiRevenue: compare(r.avgo.aiRevenue[0], info.broadcomAiRevenue),
    broadcomRevenue: compare(r.avgo.revenue[0], info.broadcomRevenue),
    broadcomEps: compare(r.avgo.earnings[0] / params.broadcom.shares, info.broadcomAdjustedEps),
    broadcomOutlook: { year: o.year, model: outlook, low: o.low, high: o.high, inside: outlook >= o.low && outlook <= o.high },
    nvdaValuePerShare: compare(r.nvda.valuePerShare, info.nvdaClose),
    backTest: {
      nvidiaRevenue: compare(r.nvda.revenue[0], reportedActuals.nvidiaRevenue),
      nvidiaDataCenterRevenue: compare(r.nvda.dataCenterRevenue[0], reportedActuals.nvidiaDataCenterRevenue),
      nvidiaGrossMargin: compare(gm, reportedActuals.nvidiaGrossMargin),
    },
  };
}
