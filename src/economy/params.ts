// The compute-economy parameters: one plain typed object with documented defaults
// (`defaultEconomyParams`), a zod schema that is the single source of the constraints, and the
// helpers that read a scenario (partial object) or a `--set path=value` override into a full,
// checked parameter set. docs/model.md gives each parameter's meaning, default and source.
import { z } from 'zod';

const pos = () => z.number().positive().finite();
const nonneg = () => z.number().nonnegative().finite();
const share = () => z.number().min(0).max(1);
const num = () => z.number().finite();

const vendorSchema = z.strictObject({
  /** Marginal cost per H100-equivalent in the base year, $ thousand. */
  cost: nonneg(),
  /** Quality (mean utility before price) in the training segment. */
  training: num(),
  /** Quality in the inference segment. */
  inference: num(),
  /** Change of quality per year in the training segment (utils / year). */
  trainingTrend: num(),
  /** Change of quality per year in the inference segment (utils / year). */
  inferenceTrend: num(),
});

export const economyParamsSchema = z.strictObject({
  years: z.strictObject({
    /** Base year (calendar; NVIDIA fiscal year base + 1, Broadcom fiscal year base). */
    base: z.number().int().min(2000).max(2100),
    /** Last forecast year (inclusive). */
    last: z.number().int().min(2001).max(2100),
  }),
  efficiency: z.strictObject({
    /** Factor per year on tokens per H100-hour at equal capability. */
    trend: pos(),
    /** Extra one-off factor (a DeepSeek-like jump); 1 = none. */
    jump: pos(),
    /** First calendar year the jump applies to. */
    jumpYear: z.number().int().min(2000).max(2100),
  }),
  demand: z.strictObject({
    /** 'constant' elasticity, or 'saturating' (elasticity falls as the token price falls). */
    form: z.enum(['constant', 'saturating']),
    /** Price elasticity of token demand, eps > 0. */
    elasticity: pos(),
    /** Saturating form: token price (relative to the base year) at which elasticity is eps / 2. */
    saturationPrice: pos(),
    /** Bass innovation coefficient p (per year). */
    bassP: pos(),
    /** Bass imitation coefficient q (per year). */
    bassQ: nonneg(),
    /** Calendar time adoption starts (ChatGPT: 30 Nov 2022). */
    adoptionStart: num(),
    /** Share (as an exponent) of a one-off efficiency jump that reaches token prices: 1 = full Jevons response, 0 = static reading (demand.ts). */
    jumpPassThrough: share(),
  }),
  training: z.strictObject({
    /** Share of base-year GPU-hours used for training. */
    share: share(),
    /** Factor per year on labs' training budgets (dollars), before the efficiency response. */
    budgetGrowth: pos(),
    /** theta: training budget scales as efficiency^theta (0: same budget, more capability; -1: same capability, less spend). */
    efficiencyResponse: num(),
  }),
  rental: z.strictObject({
    /** Base-year H100 rental price, $ per GPU-hour (clears the base-year market). */
    basePrice: pos(),
    /** Operating cost of a GPU-hour (power, cooling, staff), $; the price floor. */
    operatingCost: nonneg(),
    /** Hours sold / hours available at full use. */
    utilisation: z.number().gt(0).max(1),
    /** Owner's Nash bargaining weight beta: price = cost + beta (value - cost). 1 = market clearing. */
    ownerWeight: share(),
    /** Economic life of an accelerator, years. */
    lifeYears: pos(),
    /** Owner's cost of capital per year. */
    costOfCapital: nonneg(),
    /** Total capex per dollar of accelerator (servers, network, buildings). */
    systemCostMultiple: z.number().min(1).finite(),
  }),
  installedBase: z.strictObject({
    /** H100-equivalents installed at the start of the base year, millions. */
    initial: pos(),
    /** Share of the installed base retired per year. */
    retirement: share(),
  }),
  capex: z.strictObject({
    /** Big-4 hyperscaler capex in the base year, $B. */
    hyperscalersBase: nonneg(),
    /** Big-4 hyperscaler capex in the base year + 1 (their guidance), $B. */
    hyperscalersNext: nonneg(),
    /** Stargate commitment per year, $B ($500B over 4 years). */
    stargatePerYear: nonneg(),
    /** Share of the Stargate commitment spent (from the base year + 1). */
    stargateRealisation: share(),
    /** Capex of all other buyers (Oracle, neoclouds, sovereigns, enterprises, China) / big-4 capex. */
    otherBuyersRatio: nonneg(),
    /** Share of capex spent on accelerators. */
    acceleratorShare: z.number().gt(0).max(1),
    /** Growth per year of the capex path after the guided year. */
    growth: z.number().gt(-1).finite(),
    /** kappa: budgets scale as (rental / break-even rental, relative to the base year)^kappa. */
    response: nonneg(),
    /** Cap (and 1 / floor) on that profitability ratio. */
    responseCap: z.number().min(1).finite(),
  }),
  hardware: z.strictObject({
    /** Factor per year on the cost (and price) of an H100-equivalent. */
    costTrend: pos(),
  }),
  competition: z.strictObject({
    /** Price sensitivity alpha, per $ thousand per H100-equivalent at base-year prices. */
    alpha: pos(),
    nvidia: vendorSchema,
    amd: vendorSchema,
    asic: vendorSchema,
    others: vendorSchema,
  }),
  nvidia: z.strictObject({
    /** Non-data-centre revenue (gaming, pro visualisation, auto, OEM) in the base year, $B. */
    otherRevenue: nonneg(),
    otherGrowth: z.number().gt(-1).finite(),
    otherMargin: share(),
    /** Operating expenses in the base year, $B. */
    opex: nonneg(),
    opexGrowth: z.number().gt(-1).finite(),
    /** Net interest and other income, $B per year. */
    otherIncome: num(),
    taxRate: share(),
    /** Shares outstanding, billions. */
    shares: pos(),
    /** Cash minus debt, $B. */
    netCash: num(),
  }),
  broadcom: z.strictObject({
    /** Broadcom's share of custom-accelerator (ASIC) spend. */
    asicShare: share(),
    /** Broadcom AI networking revenue / total accelerator spend. */
    networkingShare: nonneg(),
    networkingMargin: share(),
    /** AI operating expenses / AI revenue. */
    aiOpexRatio: share(),
    /** Non-AI semiconductor revenue in the base year, $B, its growth and operating margin. */
    semisRevenue: nonneg(),
    semisGrowth: z.number().gt(-1).finite(),
    semisMargin: share(),
    /** Infrastructure software revenue in the base year, $B, its growth and operating margin. */
    softwareRevenue: nonneg(),
    softwareGrowth: z.number().gt(-1).finite(),
    softwareMargin: share(),
    /** Interest expense, $B per year. */
    interest: num(),
    taxRate: share(),
    shares: pos(),
    netCash: num(),
  }),
  valuation: z.strictObject({
    /** Discount rate per year. */
    discountRate: pos(),
    /** Growth of earnings after the last year, per year (< discount rate). */
    terminalGrowth: z.number().gt(-1).finite(),
    /** Free cash flow / earnings. */
    cashConversion: nonneg(),
  }),
});

export type EconomyParams = z.infer<typeof economyParamsSchema>;
export type VendorParams = EconomyParams['competition']['nvidia'];
export const VENDOR_KEYS = ['nvidia', 'amd', 'asic', 'others'] as const;
export type VendorKey = (typeof VENDOR_KEYS)[number];

/** Defaults; each value and its source is listed in docs/model.md. */
export const defaultEconomyParams: EconomyParams = {
  years: { base: 2024, last: 2030 },
  efficiency: { trend: 10, jump: 1, jumpYear: 2025 },
  demand: { form: 'constant', elasticity: 1.2, saturationPrice: 1e-4, bassP: 0.03, bassQ: 0.38, adoptionStart: 2022.92, jumpPassThrough: 1 },
  training: { share: 0.5, budgetGrowth: 1.5, efficiencyResponse: 0 },
  rental: { basePrice: 2.5, operatingCost: 0.35, utilisation: 0.7, ownerWeight: 1, lifeYears: 4, costOfCapital: 0.1, systemCostMultiple: 1.6 },
  installedBase: { initial: 3.514, retirement: 0.15 },
  capex: {
    hyperscalersBase: 230,
    hyperscalersNext: 317.5,
    stargatePerYear: 125,
    stargateRealisation: 0.2,
    otherBuyersRatio: 0.35,
    acceleratorShare: 0.5,
    growth: 0.18,
    response: 0.5,
    responseCap: 2,
  },
  hardware: { costTrend: 0.75 },
  competition: {
    alpha: 0.15,
    nvidia: { cost: 5.5, training: 5.3, inference: 4.13, trainingTrend: 0, inferenceTrend: -0.05 },
    amd: { cost: 8, training: 0.3, inference: 1.2, trainingTrend: 0.05, inferenceTrend: 0.05 },
    asic: { cost: 3.5, training: 0.55, inference: 1.33, trainingTrend: 0.05, inferenceTrend: 0.15 },
    others: { cost: 8, training: -0.8, inference: 0.35, trainingTrend: 0.05, inferenceTrend: 0.05 },
  },
  nvidia: { otherRevenue: 15.3, otherGrowth: 0.1, otherMargin: 0.65, opex: 16.4, opexGrowth: 0.2, otherIncome: 1.5, taxRate: 0.15, shares: 24.5, netCash: 30 },
  broadcom: {
    asicShare: 0.7076,
    networkingShare: 0.03,
    networkingMargin: 0.65,
    aiOpexRatio: 0.1,
    semisRevenue: 17.9,
    semisGrowth: 0.02,
    semisMargin: 0.5,
    softwareRevenue: 21.5,
    softwareGrowth: 0.05,
    softwareMargin: 0.65,
    interest: 3.9,
    taxRate: 0.14,
    shares: 4.69,
    netCash: -58,
  },
  valuation: { discountRate: 0.08, terminalGrowth: 0.035, cashConversion: 1 },
};

/** A parameter problem: names the path and the value. A RangeError, so the CLI prints it as one line. */
export class ParamError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

function valueAt(obj: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'nothing';
  return JSON.stringify(value);
}

/** Check a full parameter object; the first problem is thrown as a ParamError naming its path and value. */
export function checkEconomyParams(input: unknown): EconomyParams {
  const r = economyParamsSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      const where = path ? `${path}.` : '';
      throw new ParamError(`unknown parameter ${issue.keys.map((k) => where + k).join(', ')}`);
    }
    throw new ParamError(`parameter ${path}: ${issue.message}, got ${show(valueAt(input, issue.path))}`);
  }
  const p = r.data;
  if (p.years.last <= p.years.base) throw new ParamError(`parameter years.last: must be after years.base (${p.years.base}), got ${p.years.last}`);
  if (p.valuation.terminalGrowth >= p.valuation.discountRate) {
    throw new ParamError(`parameter valuation.terminalGrowth: must be below valuation.discountRate (${p.valuation.discountRate}), got ${p.valuation.terminalGrowth}`);
  }
  return p;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function mergeInto(base: Record<string, unknown>, over: Record<string, unknown>, prefix: string): void {
  for (const [key, value] of Object.entries(over)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!(key in base)) throw new ParamError(`unknown parameter ${path}`);
    if (isPlainObject(base[key])) {
      if (!isPlainObject(value)) throw new ParamError(`parameter ${path}: expected an object, got ${show(value)}`);
      mergeInto(base[key] as Record<string, unknown>, value, path);
    } else {
      base[key] = value;
    }
  }
}

/** Defaults overridden by a partial scenario object (e.g. parsed from JSON or YAML), checked. */
export function economyParams(overrides: unknown = {}, base: EconomyParams = defaultEconomyParams): EconomyParams {
  if (!isPlainObject(overrides)) throw new ParamError(`scenario must be an object of parameters, got ${show(overrides)}`);
  const out = structuredClone(base) as unknown as Record<string, unknown>;
  mergeInto(out, overrides, '');
  return checkEconomyParams(out);
}

/** Every leaf path of the parameter object, dotted. */
export function parameterPaths(params: EconomyParams = defaultEconomyParams): string[] {
  const out: string[] = [];
  const walk = (obj: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (isPlainObject(v)) walk(v, path);
      else out.push(path);
    }
  };
  walk(params as unknown as Record<string, unknown>, '');
  return out;
}

/** A full dotted path for `key`: itself if it is a path, else the one path ending in `.key`. */
export function resolveParameterPath(key: string): string {
  const paths = parameterPaths();
  if (paths.includes(key)) return key;
  const matches = paths.filter((p) => p.endsWith(`.${key}`));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new ParamError(`parameter ${key} is ambiguous: ${matches.join(', ')}`);
  throw new ParamError(`unknown parameter ${key}`);
}

/** `params` with one leaf replaced from text (`--set path=value`): numbers must be numeric. */
export function setParameter(params: EconomyParams, key: string, text: string): EconomyParams {
  const path = resolveParameterPath(key);
  const parts = path.split('.');
  const out = structuredClone(params) as unknown as Record<string, unknown>;
  let cur = out;
  for (const part of parts.slice(0, -1)) cur = cur[part] as Record<string, unknown>;
  const leaf = parts[parts.length - 1];
  if (typeof cur[leaf] === 'number') {
    const value = text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(value)) throw new ParamError(`parameter ${path}: expected a number, got ${JSON.stringify(text)}`);
    cur[leaf] = value;
  } else {
    cur[leaf] = text;
  }
  return checkEconomyParams(out);
}
