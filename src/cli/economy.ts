// `shocklab economy <calculator>`: the compute-economy calculators and the full model on the
// command line. Each prints a readable table, or JSON with --json (plain numbers, full precision);
// `economy NAME --help` prints that calculator's flags with their units and an example.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parse as parseYaml } from 'yaml';
import {
  baseYearReport,
  bassAdoption,
  bassPeak,
  competeLogit,
  defaultEconomyParams,
  economyChartSvg,
  economyParams,
  evaluateEconomy,
  gpuHourShock,
  jevons,
  letfRebalance,
  parseSweepSpec,
  PROFIT_READINGS,
  setParameter,
  shockRatio,
  sweep,
  trainCoal,
  VENDOR_KEYS,
  type EconomyParams,
  type ProfitReading,
  type VendorSpec,
} from '../economy/index.ts';
import { joinNegativeValues, plainParseError, UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { checkOutputDir } from './output-paths.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const JSON_OPT: Options = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };

const USAGE = `usage: shocklab economy <calculator> [options] [--json]

calculators:
  jevons      --efficiency E --elasticity EPS         input demand after an efficiency gain
  train-coal  --efficiency E --fuel-price P [--reading proportional|fixed-budget|fixed-output] [--margin M]
  gpu-hour    --efficiency E --elasticity EPS [--cost-share C]   GPU-hour value with supply fixed (C16)
  letf        --aum A --leverage X --return R         leveraged-ETF end-of-day rebalancing trade
  bass        --p P --q Q [--horizon YEARS]           Bass diffusion peak and curve
  compete     --alpha A --vendors JSON                logit Bertrand-Nash prices, shares, margins
  run         [SCENARIO] [--set path=value]... [--out DIR] [--jump J]   the full model (+ SVG chart)
  sweep       path=from:to:step [SCENARIO] [--set path=value]... [--jump J] [--raw]

shocklab economy <calculator> --help gives its flags with their units and an example.

example: shocklab economy jevons --efficiency 10 --elasticity 1.5
`;

/** Each calculator's own usage: every flag with its unit and an example (`economy NAME --help`). */
const CALC_HELP: Record<string, string> = {
  jevons: `usage: shocklab economy jevons --efficiency E --elasticity EPS [--json]

Input demand (e.g. GPU-hours) after an efficiency gain, with constant-elasticity service demand:
the input needed changes by E^(EPS-1), the service used by E^EPS; the rebound is EPS.

  --efficiency E     efficiency factor, a multiple (> 0; 10 = ten times more service per input)
  --elasticity EPS   price elasticity of service demand, unitless (any finite number; > 1 is backfire)
  --json             the result as JSON

example: shocklab economy jevons --efficiency 10 --elasticity 1.5 --json
`,
  'train-coal': `usage: shocklab economy train-coal --efficiency E --fuel-price P [--reading R] [--margin M] [--json]

The article's train and coal: output per fuel spend and the profit multiplier of the fuel user
under each reading of what happens to its prices.

  --efficiency E     efficiency factor, a multiple (> 0; 2 = twice the output per unit of fuel)
  --fuel-price P     fuel price after / before, a multiple (> 0; 1.5 = fuel 50% dearer)
  --reading R        proportional (default), fixed-budget or fixed-output
  --margin M         base profit margin, a fraction of revenue (default 0.2 = 20%)
  --json             the result as JSON

example: shocklab economy train-coal --efficiency 2 --fuel-price 1.5 --reading fixed-budget
`,
  'gpu-hour': `usage: shocklab economy gpu-hour --efficiency E --elasticity EPS [--cost-share C] [--json]

The value of a GPU-hour after an efficiency gain with the supply of GPU-hours fixed: rental
price, output per rental dollar, token price and owner surplus, each as after / before.

  --efficiency E     efficiency factor, a multiple (> 0; 27 = 27 times the tokens per GPU-hour)
  --elasticity EPS   price elasticity of inference demand, unitless (> 0)
  --cost-share C     operating cost as a fraction of the old rental price (default 0)
  --json             the result as JSON

example: shocklab economy gpu-hour --efficiency 27 --elasticity 1.5 --cost-share 0.3
`,
  letf: `usage: shocklab economy letf --aum A --leverage X --return R [--json]

A leveraged ETF's end-of-day rebalancing trade A (X^2 - X) R (Cheng & Madhavan 2009); positive
is buying, in the money unit of A.

  --aum A            assets under management, in dollars (or any money unit; the trade is in it)
  --leverage X       leverage, a multiple (2 = 2x long, -1 = inverse)
  --return R         the day's return of the underlying, a fraction (-0.17 = -17%)
  --json             the result as JSON

example: shocklab economy letf --aum 5e9 --leverage 2 --return -0.17
`,
  bass: `usage: shocklab economy bass --p P --q Q [--horizon YEARS] [--json]

Bass diffusion: the peak of adoption and the adopted share F(t) of the eventual market, year by year.

  --p P              innovation coefficient, per year (> 0; e.g. 0.03)
  --q Q              imitation coefficient, per year (>= 0; e.g. 0.4)
  --horizon YEARS    years of the curve, a whole number 0-1000 (default 10)
  --json             the result as JSON

example: shocklab economy bass --p 0.03 --q 0.4 --horizon 15
`,
  compete: `usage: shocklab economy compete --alpha A --vendors JSON [--json]

Logit Bertrand-Nash competition: each vendor's equilibrium price, market share, margin and markup,
and the outside option's share.

  --alpha A          price sensitivity, utility per dollar of price (> 0)
  --vendors JSON     a JSON array of {"name", "quality" (utility before price, unitless),
                     "cost" (marginal cost per unit, dollars)}
  --json             the result as JSON

example: shocklab economy compete --alpha 1 --vendors '[{"name":"A","quality":2,"cost":1},{"name":"B","quality":1,"cost":1}]'
`,
  run: `usage: shocklab economy run [SCENARIO] [--set PATH=VALUE]... [--out DIR] [--jump J] [--json]

The full compute economy year by year (compute demand in GPU-hours, rental price in $/h,
accelerator spend and vendor revenue in $ billions, margins as fractions, values per share in $),
and an SVG chart, economy-run.svg, in DIR (default: the current directory).

  SCENARIO           a YAML or JSON file of economy parameters (default: the built-in ones)
  --set PATH=VALUE   override one parameter (repeatable), e.g. --set demand.elasticity=1.3
  --out DIR          the folder the chart goes to (created when missing)
  --jump J           also value NVDA and AVGO after / before a one-off efficiency jump of J, a multiple
  --json             the result as JSON

example: shocklab economy run --set demand.elasticity=1.3 --jump 27 --out out/economy
`,
  sweep: `usage: shocklab economy sweep PATH=FROM:TO:STEP [SCENARIO] [--set PATH=VALUE]... [--jump J] [--raw] [--json]

Value per share of NVDA and AVGO ($) against one parameter over a grid, each point with the
installed base refitted to the base year's NVIDIA revenue (unless --raw), and the value ratio
after / before an efficiency jump.

  PATH=FROM:TO:STEP  the parameter and its grid, in the parameter's own unit (at most 10000 points)
  SCENARIO           a YAML or JSON file of economy parameters (default: the built-in ones)
  --set PATH=VALUE   override one parameter (repeatable)
  --jump J           the efficiency jump, a multiple (default 27)
  --raw              do not refit the installed base at each point
  --json             the result as JSON

example: shocklab economy sweep elasticity=1.1:1.5:0.1 --jump 27
`,
};

function parse(args: string[], options: Options, positionals = false): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: joinNegativeValues(args), options: { ...JSON_OPT, ...options }, strict: true, allowPositionals: positionals }) as {
      values: Values;
      positionals: string[];
    };
  } catch (e) {
    throw new UsageError(plainParseError(e as Error, 'economy', args));
  }
}

function num(values: Values, name: string, fallback?: number): number {
  const raw = values[name];
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`--${name} is required`);
  }
  const text = String(raw);
  const v = text.trim() === '' ? NaN : Number(text);
  if (Number.isNaN(v)) throw new UsageError(`--${name} must be a number, got ${JSON.stringify(text)}`);
  return v;
}

function fmt(x: unknown): string {
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) return String(x);
    if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
    const a = Math.abs(x);
    return a !== 0 && (a < 1e-4 || a >= 1e9) ? x.toExponential(4) : String(Number(x.toPrecision(6)));
  }
  if (typeof x === 'boolean') return x ? 'yes' : 'no';
  return String(x);
}

/** Rows of cells as aligned columns. */
function table(rows: readonly (readonly unknown[])[]): string {
  const cells = rows.map((r) => r.map(fmt));
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  const right = (row: number, i: number) => i > 0 && typeof rows[row][i] === 'number';
  return cells.map((r, k) => r.map((c, i) => (right(k, i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd()).join('\n') + '\n';
}

function emit(io: Io, values: Values, json: unknown, text: () => string): number {
  io.out(values.json ? JSON.stringify(json) + '\n' : text());
  return 0;
}

function loadScenario(path: string | undefined): EconomyParams {
  if (path === undefined) return defaultEconomyParams;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read scenario ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = ['.yaml', '.yml'].includes(extname(path).toLowerCase()) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new UsageError(`scenario ${path} is not valid ${extname(path).toLowerCase().startsWith('.y') ? 'YAML' : 'JSON'}: ${(e as Error).message.split('\n')[0]}`);
  }
  try {
    return economyParams(data ?? {});
  } catch (e) {
    throw new UsageError(`scenario ${path}: ${(e as Error).message}`);
  }
}

function applySets(params: EconomyParams, sets: Values[string]): EconomyParams {
  let p = params;
  for (const s of (sets ?? []) as string[]) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set must look like path=value, got ${JSON.stringify(s)}`);
    p = setParameter(p, s.slice(0, eq).trim(), s.slice(eq + 1).trim());
  }
  return p;
}

const SCENARIO_OPTS: Options = { set: { type: 'string', multiple: true }, jump: { type: 'string' } };

async function runModel(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { ...SCENARIO_OPTS, out: { type: 'string' } }, true);
  if (positionals.length > 1) throw new UsageError(`run takes at most one scenario file, got ${positionals.length}: ${positionals.join(' ')}`);
  const params = applySets(loadScenario(positionals[0]), values.set);
  const r = evaluateEconomy(params);
  const base = baseYearReport(params);
  const shock = values.jump === undefined ? undefined : shockRatio(params, num(values, 'jump'));
  let file = resolve('economy-run.svg');
  if (typeof values.out === 'string') {
    checkOutputDir('--out', values.out, { empty: false });
    mkdirSync(values.out, { recursive: true });
    file = resolve(join(values.out, 'economy-run.svg'));
  }
  writeFileSync(file, economyChartSvg(r));
  io.err(`shocklab economy run: chart written to ${file}\n`);
  const shockJson = shock && { jump: shock.jump, nvda: shock.nvda, avgo: shock.avgo, computeDemand: shock.computeDemand, rentalPrice: shock.rentalPrice };
  return emit(io, values, { ...r, baseYear: base, shock: shockJson, chart: file }, () => {
    const rows: unknown[][] = [['year', 'efficiency', 'inference GPU-h bn', 'training GPU-h bn', 'rental $/h', 'accel. spend $B', 'budget binds', 'NVDA rev $B', 'NVDA GM', 'NVDA earn $B', 'AVGO AI $B', 'AVGO earn $B']];
    r.years.forEach((y, t) =>
      rows.push([y, r.efficiency[t], r.computeDemand.inference[t], r.computeDemand.training[t], r.rental.price[t], r.capex.spend[t], r.capex.budgetBinds[t], r.nvda.revenue[t], r.nvda.grossMargin[t], r.nvda.earnings[t], r.avgo.aiRevenue[t], r.avgo.earnings[t]]),
    );
    const seg: unknown[][] = [['year', 'segment', ...VENDOR_KEYS.flatMap((v) => [`${v} share`, `${v} margin`]), 'outside', 'iterations', 'residual']];
    r.years.forEach((y, t) => {
      for (const s of ['training', 'inference'] as const) {
        const x = r.segments[s][t];
        seg.push([y, s, ...VENDOR_KEYS.flatMap((_, j) => [x.spendShares[j], x.margins[j]]), x.outside, x.iterations, x.residual]);
      }
    });
    const summary: unknown[][] = [
      ['NVDA value per share $', r.nvda.valuePerShare],
      ['AVGO value per share $', r.avgo.valuePerShare],
      [`base year ${base.year}: NVDA revenue $B (pre-shock implied ${base.nvidiaRevenue.target})`, base.nvidiaRevenue.model],
      [`base year: NVDA gross margin (pre-shock ${base.nvidiaGrossMargin.low}-${base.nvidiaGrossMargin.high})`, base.nvidiaGrossMargin.model],
      [`base year: AVGO AI revenue $B (reported ${base.broadcomAiRevenue.target})`, base.broadcomAiRevenue.model],
      [`${base.broadcomOutlook.year}: custom accelerators + AI networking $B (Broadcom ${base.broadcomOutlook.low}-${base.broadcomOutlook.high})`, base.broadcomOutlook.model],
      [`back-test: NVDA FY2025 revenue vs reported ${base.backTest.nvidiaRevenue.target}`, base.backTest.nvidiaRevenue.error],
      [`back-test: NVDA FY2025 gross margin vs reported ${base.backTest.nvidiaGrossMargin.target}`, base.backTest.nvidiaGrossMargin.error],
    ];
    if (shock) summary.push([`value after / before a ${shock.jump}x efficiency jump: NVDA`, shock.nvda], ['... AVGO', shock.avgo]);
    return `${table(rows)}\nvendor spend shares and margins by segment\n${table(seg)}\n${table(summary)}`;
  });
}

async function runSweep(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { ...SCENARIO_OPTS, raw: { type: 'boolean' } }, true);
  const specs = positionals.filter((p) => p.includes('=') && p.includes(':'));
  const files = positionals.filter((p) => !specs.includes(p));
  if (specs.length !== 1) throw new UsageError(`sweep needs one path=from:to:step, got ${specs.length}`);
  if (files.length > 1) throw new UsageError(`sweep takes at most one scenario file, got ${files.join(' ')}`);
  const params = applySets(loadScenario(files[0]), values.set);
  const spec = parseSweepSpec(specs[0]);
  const jump = num(values, 'jump', 27);
  const points = sweep(params, spec, { calibrate: !values.raw, jump });
  return emit(io, values, { parameter: spec.path, calibrated: !values.raw, jump, points }, () =>
    table([
      [spec.path, 'NVDA $/share', 'AVGO $/share', `NVDA x${jump} ratio`, `AVGO x${jump} ratio`, 'NVDA base rev $B', 'note'],
      ...points.map((p) => [p.value, p.nvdaValuePerShare, p.avgoValuePerShare, p.nvdaShockRatio, p.avgoShockRatio, p.nvdaBaseRevenue, p.error ?? '']),
    ]),
  );
}

function parseVendors(text: string): VendorSpec[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--vendors must be a JSON array, got ${JSON.stringify(text)} (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new UsageError(`--vendors must be a JSON array of {name, quality, cost}, got ${JSON.stringify(data)}`);
  return data as VendorSpec[];
}

const CALCULATORS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  async jevons(args, io) {
    const { values } = parse(args, { efficiency: { type: 'string' }, elasticity: { type: 'string' } });
    const r = jevons(num(values, 'efficiency'), num(values, 'elasticity'));
    return emit(io, values, r, () => table([['demand multiplier (E^(eps-1))', r.demandMultiplier], ['service multiplier (E^eps)', r.serviceMultiplier], ['rebound', r.rebound], ['class', r.class]]));
  },
  async 'train-coal'(args, io) {
    const { values } = parse(args, { efficiency: { type: 'string' }, 'fuel-price': { type: 'string' }, reading: { type: 'string' }, margin: { type: 'string' } });
    const reading = (values.reading ?? 'proportional') as ProfitReading;
    if (!PROFIT_READINGS.includes(reading)) throw new UsageError(`--reading must be one of ${PROFIT_READINGS.join(', ')}, got ${JSON.stringify(reading)}`);
    const r = trainCoal(num(values, 'efficiency'), num(values, 'fuel-price'), reading, num(values, 'margin', 0.2));
    return emit(io, values, r, () =>
      table([
        ['output per fuel spend', r.outputPerFuelSpend],
        [`profit multiplier (${r.reading})`, r.profitMultiplier],
        ['assumption', r.assumption],
        ['', ''],
        ...r.readings.map((x) => [`  ${x.reading} (base margin ${r.margin})`, x.profitMultiplier]),
      ]),
    );
  },
  async 'gpu-hour'(args, io) {
    const { values } = parse(args, { efficiency: { type: 'string' }, elasticity: { type: 'string' }, 'cost-share': { type: 'string' } });
    const r = gpuHourShock(num(values, 'efficiency'), num(values, 'elasticity'), num(values, 'cost-share', 0));
    return emit(io, values, r, () =>
      table([['rental price multiplier', r.rentalMultiplier], ['output per rental dollar', r.outputPerRentalDollar], ['token price multiplier', r.tokenPriceMultiplier], ['owner surplus multiplier', r.ownerSurplusMultiplier], ['assumption', r.assumption]]),
    );
  },
  async letf(args, io) {
    const { values } = parse(args, { aum: { type: 'string' }, leverage: { type: 'string' }, return: { type: 'string' } });
    const r = letfRebalance(num(values, 'aum'), num(values, 'leverage'), num(values, 'return'));
    return emit(io, values, r, () => table([['trade (+ buy, - sell)', r.trade], ['factor x^2 - x', r.factor]]));
  },
  async bass(args, io) {
    const { values } = parse(args, { p: { type: 'string' }, q: { type: 'string' }, horizon: { type: 'string' } });
    const p = num(values, 'p');
    const q = num(values, 'q');
    const horizon = num(values, 'horizon', 10);
    if (!Number.isInteger(horizon) || horizon < 0 || horizon > 1000) throw new UsageError(`--horizon must be an integer in [0, 1000], got ${horizon}`);
    const peak = bassPeak(p, q);
    const curve = Array.from({ length: horizon + 1 }, (_, t) => ({ t, adoption: bassAdoption(p, q, t) }));
    return emit(io, values, { ...peak, curve }, () =>
      table([['peak time', peak.peakTime], ['adoption at peak', peak.adoptionAtPeak], ['peak rate', peak.peakRate], ['half adopted at', peak.halfTime], ['', ''], ['t', 'F(t)'], ...curve.map((c) => [c.t, c.adoption])]),
    );
  },
  async compete(args, io) {
    const { values } = parse(args, { alpha: { type: 'string' }, vendors: { type: 'string' } });
    if (values.vendors === undefined) throw new UsageError('--vendors is required');
    const r = competeLogit(parseVendors(String(values.vendors)), num(values, 'alpha'));
    return emit(io, values, r, () =>
      table([['vendor', 'price', 'share', 'margin', 'markup'], ...r.vendors.map((v) => [v.name, v.price, v.share, v.margin, v.markup]), ['outside', '', r.outside, '', ''], ['iterations', r.iterations], ['residual', r.residual]]),
    );
  },
  run: runModel,
  sweep: runSweep,
};

export async function economyCommand(args: string[], io: Io): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const calc = CALCULATORS[name];
  if (!calc) throw new UsageError(`unknown calculator ${JSON.stringify(name)}; one of ${Object.keys(CALCULATORS).join(', ')}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(CALC_HELP[name]);
    return 0;
  }
  return calc(rest, io);
}
