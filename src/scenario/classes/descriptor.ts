// The descriptor of an agent class: everything the scenario layer needs to know about one class of
// the scenario's `agents` section — its key there, its investor class, its schema, its default
// news gaps and how it adds its agents to a run. schema.ts builds the `agents` section from the
// descriptors and population.ts builds the population by looping over them (classes/index.ts).
import type { z } from 'zod';
import type { InvestorClassCode, InvestorClassName } from '../../agents/classes.ts';
import type { Trader } from '../../agents/trader.ts';
import type { Gaps } from '../../news/gaps.ts';
import type { Population, PopulationContext } from '../population.ts';
import type { Scenario } from '../schema.ts';

/** What a class's `build` gets: the run being built, and where its agents go. */
export interface PopulationBuilder extends PopulationContext {
  /** Number of symbols. */
  n: number;
  /** The scenario's schedule.tradersSleepWhenClosed (true without a schedule). */
  sleepsWhenClosed: boolean;
  /** Adds a trader to the kernel with its link latency (kernel ids follow the order of the calls) and to the population. */
  add<T extends Trader>(t: T, latencyUs: number): T;
  /** Makes a trader a news listener: the i-th agent of its class on `symbol` (its stable key). */
  listen(t: Trader, symbol: number, i: number): void;
  /** The retail network and crowd of each symbol, in the order they are built. */
  retail: Population['retail'];
}

/**
 * When a class's `build` runs. The population adds every 'first' class (in registry order), then
 * symbol by symbol every 'per-symbol' class, then every 'last' class: the order of kernel.add
 * decides the kernel ids and so the order of simultaneous events (and the tape hash).
 */
export type BuildStage = 'first' | 'per-symbol' | 'last';

interface AgentClassInfo<K extends string, Section extends z.ZodType> {
  /** The class's key in the scenario's `agents` section. */
  key: K;
  /** Its investor class (flows, positions and P&L are attributed by it). */
  classId: InvestorClassCode;
  /** Its name in outputs (INVESTOR_CLASS_NAMES[classId]). */
  name: InvestorClassName;
  /** The schema of the class's parameters (of one entry, for a class given as a list). */
  schema: z.ZodType;
  /** The schema of its `agents` entry: `schema.optional()`, or a list of entries with its default. */
  section: Section;
  /** Default information / on-site / horizon gaps (undefined: the class does not act on news). */
  gaps: Gaps | undefined;
  /** The scenario's override of the gaps, for a class whose section may set them. */
  gapsOverride?(s: Scenario): Gaps | undefined;
}

/** A class built over all symbols at once, before the per-symbol classes ('first') or after them ('last'). */
export interface WholeMarketClass<K extends string, Section extends z.ZodType> extends AgentClassInfo<K, Section> {
  stage: 'first' | 'last';
  /** Adds the class's agents (nothing when the scenario has none). */
  build(s: Scenario, b: PopulationBuilder): void;
}

/** A class built symbol by symbol, interleaved with the other per-symbol classes. */
export interface PerSymbolClass<K extends string, Section extends z.ZodType> extends AgentClassInfo<K, Section> {
  stage: 'per-symbol';
  /** Adds the class's agents on `symbol` (nothing when the scenario has none). */
  build(s: Scenario, b: PopulationBuilder, symbol: number): void;
}

/**
 * One agent class: `K` is its key in `agents` and `Section` the schema of that entry. Declare a
 * descriptor with this type written out (`AgentClass<'retail', typeof section>`): the Scenario
 * type is inferred from the descriptors, so they cannot be inferred from code that uses it.
 */
export type AgentClass<K extends string = string, Section extends z.ZodType = z.ZodType> = WholeMarketClass<K, Section> | PerSymbolClass<K, Section>;
