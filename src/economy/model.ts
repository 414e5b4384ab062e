// The full compute-economy model: one evaluation turns a parameter set into compute demand by
// segment, the GPU rental price, vendor prices / shares / margins by segment, accelerator spend
// under the buyers' budgets, and NVIDIA's and Broadcom's revenue, earnings and value per share.
// Yearly steps from the base year; each year:
//  1. efficiency E(t), adoption N(t) and the training budget set GPU-hour demand;
//  2. the rental market clears against the installed base (fixed within the year);
//  3. vendors set Bertrand-Nash prices in each segment (training, inference);
//  4. buyers plan the capacity that next year's demand needs at the break-even rental, spend
//     what it costs up to their accelerator budget, and the purchases join the installed base;
//  5. the spend is split among vendors by segment; company accounts follow.
// Pure: no randomness, no clock; deterministic math (dexp/dlog/dpow) on every path.
import { bassAdoption } from './bass.ts';
import { LogitBertrand } from './bertrand.ts';
import { acceleratorBudget, capexPath } from './capex.ts';
import { ComputeDemand, trainingBudget } from './demand.ts';
import { efficiencyAt } from './efficiency.ts';
import { checkEconomyParams, VENDOR_KEYS, type EconomyParams, type VendorKey } from './params.ts';
import { breakevenRental, clearRental, HOURS_PER_YEAR } from './rental.ts';
import { discountedValue, spreadOverQuarters, valuePerShare } from './valuation.ts';
import { dpow } from '../core/detmath.ts';

export const SEGMENTS = ['training', 'inference'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Vendor competition in one segment and year. Prices in $ thousand per H100-equivalent. */
export interface SegmentYear {
  prices: number[];
  /** Logit shares of buyers (the outside good takes the rest). */
  shares: number[];
  /** (price - cost) / price. */
  margins: number[];
  /** Shares of the segment's accelerator spend. */
  spendShares: number[];
  outside: number;
  /** Quantity-weighted price per H100-equivalent. */
  averagePrice: number;
  iterations: number;
  residual: number;
}

export interface CompanyFigures {
  /** Yearly, base year first ($B). */
  revenue: number[];
  earnings: number[];
  operatingMargin: number[];
  /** Labels of the forecast quarters (base year + 1 onwards), e.g. "2025Q1". */
  quarters: string[];
  quarterlyRevenue: number[];
  quarterlyEarnings: number[];
  quarterlyMargin: number[];
  /** Which margin `quarterlyMargin` is. */
  marginKind: 'gross' | 'operating';
  presentValue: number;
  valuePerShare: number;
}

export interface NvdaFigures extends CompanyFigures {
  dataCenterRevenue: number[];
  grossMargin: number[];
}

export interface AvgoFigures extends CompanyFigures {
  aiRevenue: number[];
  asicRevenue: number[];
  networkingRevenue: number[];
  aiGrossMargin: number[];
}

export interface EconomyResult {
  years: number[];
  efficiency: number[];
  adoption: number[];
  /** GPU-hours used, billions of H100-equivalent hours. */
  computeDemand: { inference: number[]; training: number[]; total: number[] };
  /** H100-equivalents installed at the start of each year, millions. */
  installedBase: number[];
  /** H100-equivalents bought during each year, millions. */
  shipments: number[];
  rental: { value: number[]; price: number[]; utilisation: number[]; breakeven: number[]; profitability: number[] };
  /** $B: capex path, accelerator budget, desired accelerator spend, actual spend. */
  capex: { path: number[]; budget: number[]; desired: number[]; spend: number[]; budgetBinds: boolean[] };
  /** Share of each year's accelerator spend that goes to training capacity. */
  trainingSpendShare: number[];
  vendors: readonly VendorKey[];
  segments: Record<Segment, SegmentYear[]>;
  nvda: NvdaFigures;
  avgo: AvgoFigures;
}

export interface EvaluateOptions {
  /** Check the parameters against the schema first (default true; calibration loops may skip it). */
  check?: boolean;
  /**
   * The profitability path (rental / break-even, by year) on which the capex plans were made,
   * e.g. a pre-shock evaluation's `rental.profitability`. Budgets then scale with the surprise
   * (profitability / planned)^kappa; without it they follow the capex path.
   */
  plannedProfitability?: readonly number[];
}

const N_VENDORS = VENDOR_KEYS.length;
const solver = new LogitBertrand(N_VENDORS);
const quality = new Float64Array(N_VENDORS);
const cost = new Float64Array(N_VENDORS);
const now = new ComputeDemand();
const next = new ComputeDemand();

function solveSegment(p: EconomyParams, segment: Segment, t: number, costIndex: number): SegmentYear {
  const c = p.competition;
  for (let j = 0; j < N_VENDORS; j++) {
    const v = c[VENDOR_KEYS[j]];
    quality[j] = segment === 'training' ? v.training + v.trainingTrend * t : v.inference + v.inferenceTrend * t;
    cost[j] = v.cost;
  }
  solver.solve(quality, cost, N_VENDORS, c.alpha);
  const prices = new Array<number>(N_VENDORS);
  const shares = new Array<number>(N_VENDORS);
  const margins = new Array<number>(N_VENDORS);
  const spendShares = new Array<number>(N_VENDORS);
  let spend = 0;
  let units = 0;
  for (let j = 0; j < N_VENDORS; j++) {
    prices[j] = solver.prices[j] * costIndex;
    shares[j] = solver.shares[j];
    margins[j] = solver.margins[j];
    spend += prices[j] * shares[j];
    units += shares[j];
  }
  for (let j = 0; j < N_VENDORS; j++) spendShares[j] = (prices[j] * shares[j]) / spend;
  return { prices, shares, margins, spendShares, outside: solver.outside, averagePrice: spend / units, iterations: solver.iterations, residual: solver.residual };
}

function quarterLabels(base: number, last: number): string[] {
  const out: string[] = [];
  for (let y = base + 1; y <= last; y++) for (let k = 1; k <= 4; k++) out.push(`${y}Q${k}`);
  return out;
}

/** Quarterly series of the forecast years from a yearly series that starts at the base year. */
function quarterly(yearly: readonly number[]): number[] {
  const out = new Array<number>(4 * (yearly.length - 1));
  for (let t = 1; t < yearly.length; t++) spreadOverQuarters(yearly[t - 1], yearly[t], out, 4 * (t - 1));
  return out;
}

/** Evaluate the model for one parameter set. */
export function evaluateEconomy(params: EconomyParams, options: EvaluateOptions = {}): EconomyResult {
  const p = options.check === false ? params : checkEconomyParams(params);
  const base = p.years.base;
  const T = p.years.last - base + 1;
  const d = p.demand;
  const r = p.rental;
  const u = r.utilisation;
  const hoursPerMillion = (HOURS_PER_YEAR * u) / 1000; // billions of hours per million GPUs per year
  const jumps = [{ year: p.efficiency.jumpYear, factor: p.efficiency.jump }];
  const h0 = p.installedBase.initial * hoursPerMillion;
  const inferenceBase = (1 - p.training.share) * h0;
  const trainingBase = p.training.share * h0 * r.basePrice;
  const adoptionAt = (year: number) => bassAdoption(d.bassP, d.bassQ, Math.max(0, year + 0.5 - d.adoptionStart));
  const adoptionBase = adoptionAt(base);
  const capex = capexPath(p.capex, T);
  const costTrend = p.hardware.costTrend;

  const res: EconomyResult = {
    years: [],
    efficiency: [],
    adoption: [],
    computeDemand: { inference: [], training: [], total: [] },
    installedBase: [],
    shipments: [],
    rental: { value: [], price: [], utilisation: [], breakeven: [], profitability: [] },
    capex: { path: capex, budget: [], desired: [], spend: [], budgetBinds: [] },
    trainingSpendShare: [],
    vendors: VENDOR_KEYS,
    segments: { training: [], inference: [] },
    nvda: emptyCompany('gross') as NvdaFigures,
    avgo: emptyCompany('operating') as AvgoFigures,
  };
  const nv = res.nvda;
  nv.dataCenterRevenue = [];
  nv.grossMargin = [];
  const av = res.avgo;
  av.aiRevenue = [];
  av.asicRevenue = [];
  av.networkingRevenue = [];
  av.aiGrossMargin = [];
  const iNv = VENDOR_KEYS.indexOf('nvidia');
  const iAsic = VENDOR_KEYS.indexOf('asic');
  const nvGross: number[] = [];

  // The part of the jump token prices do not show (demand.jumpPassThrough < 1; demand.ts).
  const hiddenJump = (year: number) => (year >= p.efficiency.jumpYear && d.jumpPassThrough !== 1 ? dpow(p.efficiency.jump, 1 - d.jumpPassThrough) : 1);
  let installed = p.installedBase.initial;
  let guess = r.basePrice;
  for (let t = 0; t < T; t++) {
    const year = base + t;
    const e = efficiencyAt(year, base, p.efficiency.trend, jumps);
    const n = adoptionAt(year) / adoptionBase;
    now.set(d.form, d.elasticity, d.saturationPrice, r.basePrice, inferenceBase, n, e, trainingBudget(trainingBase, p.training.budgetGrowth, t, e, p.training.efficiencyResponse), e / hiddenJump(year));
    const market = clearRental(now, installed * hoursPerMillion, r.operatingCost, r.ownerWeight, guess);
    guess = market.value;
    now.hours(market.value);
    const inferenceShareOfHours = now.lastInference / (now.lastInference + now.lastTraining);

    const costIndex = dpow(costTrend, t);
    const segTraining = solveSegment(p, 'training', t, costIndex);
    const segInference = solveSegment(p, 'inference', t, costIndex);
    const priceNow = inferenceShareOfHours * segInference.averagePrice + (1 - inferenceShareOfHours) * segTraining.averagePrice;
    const breakeven = breakevenRental(priceNow * 1000, r.systemCostMultiple, r.costOfCapital, r.lifeYears, u, r.operatingCost);
    const profitability = market.price / breakeven;

    // Buyers plan next year's capacity at the break-even rental, within their budget. They
    // expect the efficiency trend to continue; a jump is known only once it has happened.
    const e1 = e * p.efficiency.trend;
    next.set(d.form, d.elasticity, d.saturationPrice, r.basePrice, inferenceBase, adoptionAt(year + 1) / adoptionBase, e1, trainingBudget(trainingBase, p.training.budgetGrowth, t + 1, e1, p.training.efficiencyResponse), e1 / hiddenJump(year + 1));
    const needed = next.hours(breakeven);
    const trainingShare = next.lastTraining / needed;
    const priceNext = trainingShare * segTraining.averagePrice + (1 - trainingShare) * segInference.averagePrice;
    const retained = (1 - p.installedBase.retirement) * installed;
    const desired = Math.max(0, needed / hoursPerMillion - retained) * priceNext;
    const planned = options.plannedProfitability?.[t];
    const budget = acceleratorBudget(p.capex, capex[t], planned === undefined ? 1 : profitability / planned);
    const spend = Math.min(desired, budget);
    const spendTraining = spend * trainingShare;
    const spendInference = spend - spendTraining;
    const shipments = spendTraining / segTraining.averagePrice + spendInference / segInference.averagePrice;

    res.years.push(year);
    res.efficiency.push(e);
    res.adoption.push(n);
    res.computeDemand.inference.push(market.hours * inferenceShareOfHours);
    res.computeDemand.training.push(market.hours * (1 - inferenceShareOfHours));
    res.computeDemand.total.push(market.hours);
    res.installedBase.push(installed);
    res.shipments.push(shipments);
    res.rental.value.push(market.value);
    res.rental.price.push(market.price);
    res.rental.utilisation.push(market.utilisation);
    res.rental.breakeven.push(breakeven);
    res.rental.profitability.push(profitability);
    res.capex.budget.push(budget);
    res.capex.desired.push(desired);
    res.capex.spend.push(spend);
    res.capex.budgetBinds.push(desired > budget);
    res.trainingSpendShare.push(trainingShare);
    res.segments.training.push(segTraining);
    res.segments.inference.push(segInference);

    // NVIDIA: data centre from the segments, other segments on trend.
    const nvTrain = spendTraining * segTraining.spendShares[iNv];
    const nvInf = spendInference * segInference.spendShares[iNv];
    const dc = nvTrain + nvInf;
    const other = p.nvidia.otherRevenue * dpow(1 + p.nvidia.otherGrowth, t);
    const gross = nvTrain * segTraining.margins[iNv] + nvInf * segInference.margins[iNv] + other * p.nvidia.otherMargin;
    const nvEbit = gross - p.nvidia.opex * dpow(1 + p.nvidia.opexGrowth, t);
    nv.dataCenterRevenue.push(dc);
    nv.revenue.push(dc + other);
    nvGross.push(gross);
    nv.grossMargin.push(gross / (dc + other));
    nv.operatingMargin.push(nvEbit / (dc + other));
    nv.earnings.push((nvEbit + p.nvidia.otherIncome) * (1 - p.nvidia.taxRate));

    // Broadcom: its share of custom accelerators, AI networking on all accelerator spend, and
    // the non-AI businesses on trend.
    const b = p.broadcom;
    const asicTrain = spendTraining * segTraining.spendShares[iAsic] * b.asicShare;
    const asicInf = spendInference * segInference.spendShares[iAsic] * b.asicShare;
    const asic = asicTrain + asicInf;
    const networking = spend * b.networkingShare;
    const ai = asic + networking;
    const aiGross = asicTrain * segTraining.margins[iAsic] + asicInf * segInference.margins[iAsic] + networking * b.networkingMargin;
    const semis = b.semisRevenue * dpow(1 + b.semisGrowth, t);
    const software = b.softwareRevenue * dpow(1 + b.softwareGrowth, t);
    const avEbit = aiGross - b.aiOpexRatio * ai + semis * b.semisMargin + software * b.softwareMargin;
    const avRevenue = ai + semis + software;
    av.asicRevenue.push(asic);
    av.networkingRevenue.push(networking);
    av.aiRevenue.push(ai);
    av.aiGrossMargin.push(ai > 0 ? aiGross / ai : 0);
    av.revenue.push(avRevenue);
    av.operatingMargin.push(avEbit / avRevenue);
    av.earnings.push((avEbit - b.interest) * (1 - b.taxRate));

    installed = retained + shipments;
  }

  const v = p.valuation;
  const labels = quarterLabels(base, p.years.last);
  for (const [company, margins, netCash, shares] of [
    [nv, nvGross, p.nvidia.netCash, p.nvidia.shares],
    [av, null, p.broadcom.netCash, p.broadcom.shares],
  ] as const) {
    company.quarters = labels;
    company.quarterlyRevenue = quarterly(company.revenue);
    company.quarterlyEarnings = quarterly(company.earnings);
    const numerator = quarterly(margins ?? company.operatingMargin.map((m, i) => m * company.revenue[i]));
    company.quarterlyMargin = numerator.map((x, i) => x / company.quarterlyRevenue[i]);
    const dcf = discountedValue(company.quarterlyEarnings, v.discountRate, v.terminalGrowth, v.cashConversion);
    company.presentValue = dcf.presentValue;
    company.valuePerShare = valuePerShare(dcf.presentValue, netCash, shares);
  }
  return res;
}

function emptyCompany(marginKind: 'gross' | 'operating'): CompanyFigures {
  return { revenue: [], earnings: [], operatingMargin: [], quarters: [], quarterlyRevenue: [], quarterlyEarnings: [], quarterlyMargin: [], marginKind, presentValue: 0, valuePerShare: 0 };
}

export interface ShockRatio {
  /** The efficiency jump applied. */
  jump: number;
  /** Value per share after / before (NaN when the value before is not positive). */
  nvda: number;
  avgo: number;
  /** Year-by-year compute used after / before. */
  computeDemand: number[];
  /** Year-by-year rental price after / before. */
  rentalPrice: number[];
  before: EconomyResult;
  after: EconomyResult;
}

/**
 * Value after / before a one-off efficiency jump (default ~27x at equal capability, the R1 vs o1
 * price ratio) in `year` (default the parameters' jump year), on top of the parameters' own jump.
 */
export function shockRatio(params: EconomyParams, jump = 27, year = params.efficiency.jumpYear): ShockRatio {
  if (params.efficiency.jump !== 1 && year !== params.efficiency.jumpYear) {
    throw new RangeError(`year must be the parameters' jump year ${params.efficiency.jumpYear} when efficiency.jump is not 1, got ${year}`);
  }
  const before = evaluateEconomy(params);
  const shocked = checkEconomyParams({ ...params, efficiency: { ...params.efficiency, jump: params.efficiency.jump * jump, jumpYear: year } });
  const after = evaluateEconomy(shocked, { check: false, plannedProfitability: before.rental.profitability });
  const ratio = (x: number, y: number) => (y > 0 ? x / y : NaN);
  return {
    jump,
    nvda: ratio(after.nvda.valuePerShare, before.nvda.valuePerShare),
    avgo: ratio(after.avgo.valuePerShare, before.avgo.valuePerShare),
    computeDemand: after.computeDemand.total.map((x, i) => x / before.computeDemand.total[i]),
    rentalPrice: after.rental.price.map((x, i) => x / before.rental.price[i]),
    before,
    after,
  };
}
