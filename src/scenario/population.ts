// Builds the investor population of a scenario: for every symbol, each configured class's
// agents with their initial holdings (their class's share of the float, split equally; cash as a
// multiple of the holding's value), their own seeded streams, and the retail social network.
// Holdings follow the ownership record when the scenario says so (targets.md: institutions
// ~65-69% of NVDA, of which ~3/4 long-term and ~1/4 fast; retail ~27-30%; insiders ~4.3%).
// Each class builds its own agents (scenario/classes/); this file runs them in the registry's
// order: the classes built over all symbols first, then symbol by symbol, then the last ones.

import type { Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import type { Calendar } from '../market/calendar.ts';
import type { SocialNetwork } from '../news/network.ts';
import type { Narrative } from '../news/event.ts';
import type { Listener } from '../news/feed.ts';
import type { Trader } from '../agents/trader.ts';
import { AGENT_CLASSES, type PopulationBuilder } from './classes/index.ts';
import type { Scenario } from './schema.ts';

export { splitLots } from './classes/common.ts';

const US = 1_000;

/** What the population needs from the run being built. */
export interface PopulationContext {
  kernel: Kernel;
  exchange: Exchange;
  seed: number;
  /** Narratives every informed class hears about (none for a calm day). */
  narratives: readonly Narrative[];
  /** The sessions, for a scenario with a schedule. */
  calendar?: Calendar;
}

/** Stable key of the i-th agent of a class on `symbol` (the news feed's draws are keyed by it). */
export function listenerKey(symbol: number, i: number): number {
  return symbol * 2 ** 20 + i;
}

export interface Population {
  traders: Trader[];
  /** The retail network and crowd of each symbol (for the news feed's social channel). */
  retail: { symbol: number; network: SocialNetwork; members: number[] }[];
  /** Every trader that reads news, with its stable key. */
  listeners: Listener[];
}

export function buildPopulation(s: Scenario, ctx: PopulationContext): Population {
  const { kernel } = ctx;
  const listeners: Listener[] = [];
  const traders: Trader[] = [];
  const retailGroups: Population['retail'] = [];
  const b: PopulationBuilder = {
    ...ctx,
    n: s.symbols.length,
    sleepsWhenClosed: s.schedule?.tradersSleepWhenClosed ?? true,
    retail: retailGroups,
    add: <T extends Trader>(t: T, latencyUs: number): T => {
      kernel.add(t, Math.round(latencyUs * US));
      traders.push(t);
      return t;
    },
    listen: (t, symbol, i) => {
      listeners.push({ id: t.id, classId: t.classId, key: listenerKey(symbol, i) });
    },
  };

  for (const c of AGENT_CLASSES) if (c.stage === 'first') c.build(s, b);
  for (let symbol = 0; symbol < b.n; symbol++) {
    for (const c of AGENT_CLASSES) if (c.stage === 'per-symbol') c.build(s, b, symbol);
  }
  for (const c of AGENT_CLASSES) if (c.stage === 'last') c.build(s, b);

  return { traders, retail: retailGroups, listeners };
}
