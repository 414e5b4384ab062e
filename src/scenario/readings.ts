// From a scenario's news to what the market layer hears: each reading of each event is evaluated
// in the compute economy and becomes a narrative with one value ratio per symbol. This is where
// the economy meets the news (the scenario layer is the only one that knows both).
//
// For a reading R of an event with content C, with the scenario's economy P (defaults overridden
// by its `economy` section):
//   before = evaluate(P)                                   the pre-shock economy (one per run)
//   after  = evaluate(P + C + R, planned = before's profitability path)
//   ratio_s = after.valuePerShare(company_s) / before.valuePerShare(company_s)
// where C maps the event's content to parameters (efficiency: the jump factor in the event's
// year; capex: the change of the next year's big-4 capex, $B) and R is the reading's own changes
// (dotted paths, as `shocklab economy --set`). Only these ratios reach the market (targets.md:
// "only ratios of value (after / before) reach the market").
import { INVESTOR_CLASS_NAMES } from '../agents/classes.ts';
import { checkEconomyParams, economyParams, evaluateEconomy, setParameter, type EconomyParams, type EconomyResult } from '../economy/index.ts';
import { localTimeNs } from '../market/calendar.ts';
import type { Narrative, NewsEvent } from '../news/event.ts';
import type { Scenario } from './schema.ts';

/** One reading as evaluated, for outputs and reports. */
export interface ReadingValue {
  event: number;
  eventLabel: string;
  reading: string;
  /** When it starts to spread (ns on the run's clock) and the date-time it was given as. */
  startNs: number;
  startsAt: string;
  /** The economy changes it stands for, the event's content included. */
  changes: Record<string, number>;
  /** Value per share after / before, per symbol of the scenario. */
  valueRatios: number[];
  /** Value per share before and after, per company ($). */
  nvda: { before: number; after: number };
  avgo: { before: number; after: number };
}

export interface ResolvedNews {
  events: NewsEvent[];
  narratives: Narrative[];
  readings: ReadingValue[];
}

/** The scenario's economy: defaults overridden by its `economy` section. */
export function scenarioEconomy(s: Scenario): EconomyParams {
  return economyParams(s.economy);
}

/** Parameter changes that an event's content stands for, given the economy it lands in and the year it happens. */
export function contentChanges(content: Scenario['news'][number]['content'], base: EconomyParams, year: number): Record<string, number> {
  if (content.kind === 'efficiency') return { 'efficiency.jump': base.efficiency.jump * content.factor, 'efficiency.jumpYear': year };
  return { 'capex.hyperscalersNext': base.capex.hyperscalersNext + content.changeUsd / 1e9 };
}

function applyChanges(base: EconomyParams, changes: Record<string, number>): EconomyParams {
  let p = base;
  for (const [path, value] of Object.entries(changes)) p = setParameter(p, path, String(value));
  return checkEconomyParams(p);
}

/** Evaluates every reading of the scenario's news; throws RangeError naming a reading whose value ratio is not a positive number. */
export function resolveNews(s: Scenario): ResolvedNews {
  const out: ResolvedNews = { events: [], narratives: [], readings: [] };
  if (s.news.length === 0) return out;
  const start = s.schedule?.startDate as string;
  const base = scenarioEconomy(s);
  const before = evaluateEconomy(base);
  const time = (text: string) => localTimeNs(text, start) as number;
  s.news.forEach((e, i) => {
    const at = time(e.at);
    out.events.push({ timeNs: at, content: e.content, label: e.label });
    const year = Number(e.at.slice(0, 4));
    e.readings.forEach((r, j) => {
      const changes = { ...contentChanges(e.content, base, year), ...r.economy };
      const after = evaluateEconomy(applyChanges(base, changes), { plannedProfitability: before.rental.profitability });
      const ratioOf = (company: 'nvda' | 'avgo') => after[company].valuePerShare / before[company].valuePerShare;
      const valueRatios = s.symbols.map((x, k) => {
        const v = ratioOf(x.company as 'nvda' | 'avgo');
        if (!(v > 0 && Number.isFinite(v))) throw new RangeError(`news.${i}.readings.${j}: the economy gives ${x.company} a value ratio of ${v} under this reading (symbols.${k}); it must be a positive number`);
        return v;
      });
      const classShare: (number | undefined)[] = [];
      const classDelayScale: (number | undefined)[] = [];
      for (const [name, reach] of Object.entries(r.classes)) {
        const c = INVESTOR_CLASS_NAMES.indexOf(name as (typeof INVESTOR_CLASS_NAMES)[number]);
        classShare[c] = reach?.share;
        classDelayScale[c] = reach?.delayScale;
      }
      const startNs = time(r.startsAt);
      out.narratives.push({ event: i, kind: r.name === 'naive' ? 'naive' : 'informed', startNs, valueRatios, reachFloor: r.reachFloor, classShare, classDelayScale, shareProbability: r.shareProbability, label: `${e.label}: ${r.name}` });
      out.readings.push({ event: i, eventLabel: e.label, reading: r.name, startNs, startsAt: r.startsAt, changes, valueRatios, nvda: pair(before, after, 'nvda'), avgo: pair(before, after, 'avgo') });
    });
  });
  return out;
}

function pair(before: EconomyResult, after: EconomyResult, company: 'nvda' | 'avgo') {
  return { before: before[company].valuePerShare, after: after[company].valuePerShare };
}
