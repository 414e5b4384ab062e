// The article's testable claims (../shared/seeds/NOTES.md), each as one counterfactual: the
// scenario as given (the treatment: the claim's mechanism present) against the scenario with
// one thing changed (the control), a metric, and the sign the claim gives treatment - control.
// docs/claims.md tabulates the same rows with the sentence each comes from; the test checks the
// two agree. Market claims run the agents (same seeds for both arms: common random numbers);
// economy claims (C9, C17) are pure functions of the economy and need no seed.
import { DEFAULT_CLASS_GAPS } from '../agents/class-gaps.ts';
import { InvestorClass } from '../agents/classes.ts';
import { economyParams } from '../economy/params.ts';
import type { Gaps } from '../news/gaps.ts';
import type { DayRow, SeedReport } from '../scenario/report.ts';
import { parseScenario, type ScenarioInput } from '../scenario/schema.ts';
import { resolveNews } from '../scenario/readings.ts';

/** What a claim's effect is measured in and the least effect that counts as support. */
export type MetricKind = 'return-pp' | 'recovery-pp' | 'value-pct';

export interface MarketMetric {
  kind: 'return-pp' | 'recovery-pp';
  /** Words for tables: what is measured. */
  label: string;
  /** The last session (0 = the event session, 1 = the day after) the metric reads. */
  lastOffset: 0 | 1;
  /** The metric of one seed's report, given the event session's index and the scenario run. */
  of(report: SeedReport, eventDay: number, s: ScenarioInput): number;
}

export interface EconomyMetric {
  kind: 'value-pct';
  label: string;
  /** The metric of a scenario (a value per share or a change of it, $ or %), deterministic. */
  of(s: ScenarioInput): number;
  /** Effect = 100 (treatment - control) / |control| (percent of value) when true; else the plain difference in the metric's unit. */
  relative: boolean;
}

export interface ClaimDefinition {
  id: string;
  /** The claim, restated in a line (docs/claims.md quotes NOTES.md's sentence). */
  claim: string;
  /** What the control changes, in words (the treatment is the scenario as given). */
  experiment: string;
  metric: MarketMetric | EconomyMetric;
  /** The sign the claim gives treatment - control: -1 (the mechanism deepens the fall / lowers the metric) or +1. */
  direction: 1 | -1;
  /** The control: a copy of the scenario input with the claim's mechanism removed. */
  control(s: ScenarioInput): ScenarioInput;
  /** A premise the record settles whatever the simulation says (C5: retail sold); null when there is none. */
  recordPremise?: { holds: boolean; evidence: string };
}

/** The least |effect| that counts as support: 1 percentage point, or 1% of value. */
export const MIN_EFFECT = 1;

type Mutable = Record<string, unknown>;

/** A deep copy of `s` with `path` (dotted) set to `value`, creating objects on the way. */
export function withPath(s: ScenarioInput, path: string, value: unknown): ScenarioInput {
  const out = structuredClone(s) as unknown as Mutable;
  const keys = path.split('.');
  let at = out;
  for (const k of keys.slice(0, -1)) {
    if (at[k] === undefined || at[k] === null || typeof at[k] !== 'object') at[k] = {};
    at = at[k] as Mutable;
  }
  at[keys[keys.length - 1]] = value;
  return out as unknown as ScenarioInput;
}

type AgentKey = 'retail' | 'fastMoney' | 'institutions';
const CLASS_OF: Record<AgentKey, number> = { retail: InvestorClass.RETAIL, fastMoney: InvestorClass.FAST_MONEY, institutions: InvestorClass.INSTITUTION };

/** Sets one gap of the named classes (those the scenario has), from their gaps as given or the class defaults. */
function withGap(s: ScenarioInput, keys: readonly AgentKey[], gap: keyof Gaps, value: number): ScenarioInput {
  let out = s;
  for (const key of keys) {
    const section = (s.agents as Record<string, { gaps?: Gaps } | undefined>)[key];
    if (!section) continue;
    const gaps = { ...(section.gaps ?? DEFAULT_CLASS_GAPS[CLASS_OF[key]]!), [gap]: value };
    out = withPath(out, `agents.${key}.gaps`, gaps);
  }
  return out;
}

/** Sets a field of an agent section only when the scenario has that section (a missing class stays missing). */
function withAgentField(s: ScenarioInput, key: string, field: string, value: unknown): ScenarioInput {
  return (s.agents as Record<string, unknown>)[key] ? withPath(s, `agents.${key}.${field}`, value) : s;
}

function row(report: SeedReport, day: number, symbol?: string): DayRow {
  const d = report.days.find((x) => x.day === day && (symbol === undefined || x.symbol === symbol));
  if (!d) throw new RangeError(`the run has no session ${day}${symbol ? ` of ${symbol}` : ''}`);
  return d;
}

/** The first symbol's return on the event session, in percent. */
const eventReturn: MarketMetric = {
  kind: 'return-pp',
  label: 'first symbol return on the event day, %',
  lastOffset: 0,
  of: (r, day) => 100 * row(r, day, r.days[0].symbol).return,
};

/** Share of the event day's fall a symbol won back the next day, in percent (0 when it did not fall). */
function recoveryShare(r: SeedReport, day: number, symbol: string): number {
  const shock = row(r, day, symbol);
  const next = row(r, day + 1, symbol);
  const before = shock.close / (1 + shock.return);
  const fall = before - shock.close;
  return fall > 0 ? (100 * (next.close - shock.close)) / fall : 0;
}

/** The symbol of a company in the economy. */
function symbolOfCompany(s: ScenarioInput, company: 'nvda' | 'avgo'): string {
  const x = s.symbols.find((y) => y.company === company);
  if (!x) throw new RangeError(`claim C18 needs a symbol with company ${company} (the scenario has ${s.symbols.map((y) => y.name).join(', ')})`);
  return x.name;
}

/** The DeepSeek event (the first efficiency news) and a reading of it, evaluated in the scenario's economy: NVDA's value per share before and after. */
function nvdaUnderReading(s: ScenarioInput, reading: string): { before: number; after: number } {
  const parsed = parseScenario(s);
  const event = parsed.news.findIndex((e) => e.content.kind === 'efficiency');
  if (event < 0) throw new RangeError('claims C9 and C17 need an efficiency event among the news (the scenario has none)');
  const ofEvent = resolveNews(parsed).readings.filter((r) => r.event === event);
  return (ofEvent.find((r) => r.reading === reading) ?? ofEvent[0]).nvda;
}

function economyOf(s: ScenarioInput) {
  return economyParams((s as { economy?: unknown }).economy ?? {});
}

/** The record's verdict on C5's premise (retail sold on 27 Jan): targets.md, Vanda Research. */
export const RETAIL_RECORD_27_JAN = { netUsd: 562e6, source: 'targets.md: retail net buying of NVDA on 27 Jan 2025 +$562M, the largest since at least 2014 (Vanda Research)' };

/** AVGO's recovery share minus NVDA's, in percentage points. */
const recoveryGap: MarketMetric = {
  kind: 'recovery-pp',
  label: 'AVGO minus NVDA share of the event-day fall won back the next day, pp',
  lastOffset: 1,
  of: (r, day, s) => recoveryShare(r, day, symbolOfCompany(s, 'avgo')) - recoveryShare(r, day, symbolOfCompany(s, 'nvda')),
};

/** Every claim the audit tests, in NOTES.md's order. */
export function claimDefinitions(): ClaimDefinition[] {
  return [
    {
      id: 'C3',
      claim: 'Holders sitting on large gains were eager to lock them in, which deepened the fall.',
      experiment: "retail's cost basis at the reference price (agents.retail.basisMedianRatio = 1, basisSigma = 0): no unrealised gains to take",
      metric: eventReturn,
      direction: -1,
      control: (s) => withAgentField(withAgentField(s, 'retail', 'basisMedianRatio', 1), 'retail', 'basisSigma', 0),
    },
    {
      id: 'C5',
      claim: 'Volatility came mostly from retail plus fast money; the large institutions did not sell.',
      experiment: 'retail and fast money sit out (agents.retail.count = 0, agents.fastMoney.count = 0)',
      metric: eventReturn,
      direction: -1,
      control: (s) => withAgentField(withAgentField(s, 'retail', 'count', 0), 'fastMoney', 'count', 0),
      recordPremise: { holds: false, evidence: RETAIL_RECORD_27_JAN.source },
    },
    {
      id: 'C6',
      claim: 'Trend-following algorithmic traders pour in while prices rise and leave at the first bad sign, amplifying the fall.',
      experiment: "fast money does not follow trends (agents.fastMoney.trendGain = 0)",
      metric: eventReturn,
      direction: -1,
      control: (s) => withAgentField(s, 'fastMoney', 'trendGain', 0),
    },
    {
      id: 'C9',
      claim: 'Jevons: with compute-demand elasticity above 1, cheaper AI raises total compute spend, so efficiency news is good for chip makers.',
      experiment: 'compute-demand elasticity below 1 (economy.demand.elasticity = 0.8)',
      metric: {
        kind: 'value-pct',
        label: "change of NVDA's value per share the DeepSeek efficiency gain causes (Jevons reading), %",
        relative: false,
        of: (s) => {
          const v = nvdaUnderReading(s, 'jevons');
          return 100 * (v.after / v.before - 1);
        },
      },
      direction: 1,
      control: (s) => withPath(s, 'economy.demand.elasticity', 0.8),
    },
    {
      id: 'C10',
      claim: 'Information gap: outsiders do not see the order books and plans insiders see; the misreading spread among them.',
      experiment: "retail's information gap set to 0 (agents.retail.gaps.information = 0)",
      metric: eventReturn,
      direction: -1,
      control: (s) => withGap(s, ['retail'], 'information', 0),
    },
    {
      id: 'C11',
      claim: 'On-site gap: analysts and traders learn indirectly and late, insiders from the field.',
      experiment: "retail's and fast money's on-site gap set to 0 (they hear each reading as soon as insiders do)",
      metric: eventReturn,
      direction: -1,
      control: (s) => withGap(s, ['retail', 'fastMoney'], 'onSite', 0),
    },
    {
      id: 'C12',
      claim: 'Horizon gap: retail and fast money act on the short term, long-term investors held or bought.',
      experiment: "retail's and fast money's horizon gap set to 0 (they weigh long-run value only)",
      metric: eventReturn,
      direction: -1,
      control: (s) => withGap(s, ['retail', 'fastMoney'], 'horizon', 0),
    },
    {
      id: 'C13',
      claim: "Insiders' signal was unchanged by the news (Meta confirmed $65B capex knowing DeepSeek), which held the informed side steady.",
      experiment: 'the capex confirmations removed from the news (only the DeepSeek event remains)',
      metric: eventReturn,
      direction: 1,
      control: (s) => ({ ...structuredClone(s), news: (s.news ?? []).filter((e) => e.content.kind !== 'capex') }),
    },
    {
      id: 'C14',
      claim: 'Forced position closing and 2-3x leveraged ETFs caused a stampede that accelerated the fall.',
      experiment: 'no leveraged ETFs and no margin calls (agents.leveragedEtfs = [], retail.marginShare = 0, fastMoney.maintenanceMargin = 0.0001: called only when equity is all but gone)',
      metric: eventReturn,
      direction: -1,
      control: (s) => withAgentField(withAgentField(withPath(s, 'agents.leveragedEtfs', []), 'retail', 'marginShare', 0), 'fastMoney', 'maintenanceMargin', 0.0001),
    },
    {
      id: 'C17',
      claim: "NVIDIA's margins depend on keeping its near-monopoly (above all in inference), not on model efficiency.",
      experiment: "rivals match NVIDIA's inference quality (economy.competition.amd.inference and .asic.inference = NVIDIA's)",
      metric: {
        kind: 'value-pct',
        label: "NVDA's value per share after the DeepSeek news (Jevons reading), % of the control's",
        relative: true,
        of: (s) => nvdaUnderReading(s, 'jevons').after,
      },
      direction: 1,
      control: (s) => {
        const q = economyOf(s).competition.nvidia.inference;
        return withPath(withPath(s, 'economy.competition.amd.inference', q), 'economy.competition.asic.inference', q);
      },
    },
    {
      id: 'C18',
      claim: 'Broadcom recovered more than NVIDIA because the market accepted the quantity side of Jevons (custom inference chips).',
      experiment: 'the Jevons (inference-growth) reading removed from the DeepSeek news',
      metric: recoveryGap,
      direction: 1,
      control: (s) => ({ ...structuredClone(s), news: (s.news ?? []).map((e) => ({ ...e, readings: e.readings.filter((r) => r.name !== 'jevons') })).filter((e) => e.readings.length > 0) }),
    },
  ];
}
