// One seed's results as the `run` command prints them (--json) and writes them (summary.json):
// the tape hash and counts, and per session and symbol the prices (ticks and dollars), return,
// volume (lots, real shares, multiple of the symbol's observed average), the net flow of every
// investor class (real shares and dollars; the shares sum to exactly 0 over the classes) and the
// leveraged ETFs' rebalancing and creation fills. The format is relied on by later surfaces:
// extend it, never rename.
import { INVESTOR_CLASS_NAMES, type InvestorClassName } from '../agents/classes.ts';
import { LeveragedEtf } from '../agents/leveraged-etf.ts';
import { ticksToUsd } from '../record/dollars.ts';
import type { BuiltRun } from './run.ts';
import { sharesPerLotOf, summarize } from './run.ts';
import type { Scenario } from './schema.ts';

export interface ClassFlow {
  /** Real shares bought minus sold (integer). */
  netShares: number;
  /** Real dollars paid buying minus received selling (price scale undone). */
  netUsd: number;
}

export interface DayRow {
  day: number;
  /** The session's date (YYYY-MM-DD), or null without a dated calendar. */
  date: string | null;
  symbol: string;
  open: number;
  high: number;
  low: number;
  close: number;
  return: number;
  volumeLots: number;
  volumeShares: number;
  openUsd: number;
  highUsd: number;
  lowUsd: number;
  closeUsd: number;
  /** volumeShares / the symbol's observed average daily volume (null when the scenario gives none). */
  volumeMultiple: number | null;
  flows: Record<InvestorClassName, ClassFlow>;
  /** The leveraged ETFs' signed fills this session, in real shares (> 0 bought). */
  letf: { rebalanceShares: number; creationShares: number };
}

export interface SeedReport {
  seed: number;
  tapeHash: string;
  trades: number;
  orders: number;
  /** Cancel requests sent. */
  cancels: number;
  events: number;
  days: DayRow[];
  flows: { symbol: string; class: string; netLots: number; netShares: number; netCents: number; netRealCents: number }[];
  holdings: unknown;
}

/** The report of one finished run. */
export function seedReport(s: Scenario, seed: number, r: BuiltRun): SeedReport {
  const base = summarize(s, seed, r);
  const rec = r.recorder.summary();
  const perDay = r.recorder.minutesPerDay;
  const funds = r.traders.filter((t): t is LeveragedEtf => t instanceof LeveragedEtf);
  const days = rec.days.map((d): DayRow => {
    const k = s.symbols.findIndex((x) => x.name === d.symbol);
    const sym = s.symbols[k];
    const f = sharesPerLotOf(s, sym);
    const usd = (ticks: number) => ticksToUsd(ticks, sym.tickCents);
    const flows = {} as Record<InvestorClassName, ClassFlow>;
    INVESTOR_CLASS_NAMES.forEach((name, c) => {
      const net = r.recorder.flows.netBetween(k, c, d.day * perDay, (d.day + 1) * perDay);
      flows[name] = { netShares: net.lots * f, netUsd: (net.cents * f) / 100 };
    });
    let rebalance = 0;
    let creation = 0;
    for (const fund of funds) {
      if (fund.symbol !== k) continue;
      const log = fund.sessions.find((x) => x.day === d.day);
      if (log) {
        rebalance += log.rebalanceFilled;
        creation += log.creationFilled;
      }
    }
    return {
      day: d.day,
      date: r.calendar?.date(d.day) ?? null,
      symbol: d.symbol,
      open: d.open,
      high: d.high,
      low: d.low,
      close: d.close,
      return: d.return,
      volumeLots: d.volumeLots,
      volumeShares: d.volumeShares,
      openUsd: usd(d.open),
      highUsd: usd(d.high),
      lowUsd: usd(d.low),
      closeUsd: usd(d.close),
      volumeMultiple: sym.averageVolumeShares === undefined ? null : d.volumeShares / sym.averageVolumeShares,
      flows,
      letf: { rebalanceShares: rebalance * f, creationShares: creation * f },
    };
  });
  return {
    seed,
    tapeHash: base.tapeHash,
    trades: base.trades,
    orders: base.orders,
    cancels: r.traders.reduce((a, t) => a + t.cancelsSent, 0),
    events: base.events,
    days,
    flows: rec.flows.map((x) => ({ symbol: x.symbol, class: x.class, netLots: x.netLots, netShares: x.netShares, netCents: x.netCents, netRealCents: x.netRealCents })),
    holdings: rec.holdings,
  };
}
