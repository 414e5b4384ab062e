// Builds a run from a validated scenario (kernel, exchange, agents with their own seeded
// streams, recorder) and runs it. This is the only module that couples the layers.
import { stream } from '../core/rng.ts';
import { NS_PER_SECOND } from '../core/units.ts';
import { stpCode } from '../book/codes.ts';
import { Kernel } from '../kernel/kernel.ts';
import { Exchange } from '../market/exchange.ts';
import { MarketMaker } from '../agents/market-maker.ts';
import { ZeroIntelligence } from '../agents/zero-intelligence.ts';
import type { Trader } from '../agents/trader.ts';
import { TradeTape } from '../record/trade-tape.ts';
import type { Scenario } from './schema.ts';
import { auditAccounts, snapshotAccounts, type AuditSnapshot } from './audit.ts';

export interface RunSummary {
  scenario: string;
  seed: number;
  trades: number;
  volume: number[];
  lastPrice: number[];
  tapeHash: string;
  events: number;
  orders: number;
}

export interface BuiltRun {
  kernel: Kernel;
  exchange: Exchange;
  tape: TradeTape;
  traders: Trader[];
  endNs: number;
  /** Holdings of every account when the run was built (for the audit). */
  start: AuditSnapshot;
}

const US = 1_000;

export function buildRun(s: Scenario, seed: number): BuiltRun {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const kernel = new Kernel();
  const tape = new TradeTape();
  const exchange = new Exchange({
    symbols: s.symbols.map((x) => x.name),
    referencePrices: s.symbols.map((x) => x.referencePrice),
    stp: stpCode(s.stp),
    sink: tape,
  });
  kernel.add(exchange, 0);
  const n = s.symbols.length;
  const traders: Trader[] = [];
  const mm = s.agents.marketMakers;
  if (mm) {
    for (let i = 0; i < mm.count; i++) {
      const p = { symbol: i % n, intervalNs: Math.round(mm.intervalSeconds * NS_PER_SECOND), halfSpread: mm.halfSpread, skew: mm.skew, size: mm.size, maxInventory: mm.maxInventory };
      traders.push(kernel.add(new MarketMaker(exchange, n, stream(seed, 'market-maker', i), p), Math.round(mm.latencyUs * US)));
    }
  }
  const zi = s.agents.zeroIntelligence;
  if (zi) {
    for (let i = 0; i < zi.count; i++) {
      const p = { symbol: i % n, meanWakeNs: zi.meanWakeSeconds * NS_PER_SECOND, pCancel: zi.pCancel, pMarket: zi.pMarket, pCross: zi.pCross, offsetMean: zi.offsetMean, maxQty: zi.maxQty, maxLive: zi.maxLive };
      traders.push(kernel.add(new ZeroIntelligence(exchange, n, stream(seed, 'zero-intelligence', i), p), Math.round(zi.latencyUs * US)));
    }
  }
  return { kernel, exchange, tape, traders, endNs: Math.round(s.durationSeconds * NS_PER_SECOND), start: snapshotAccounts(traders, n) };
}

/** The end-of-run accounting audit: throws AuditError when shares or cash were not conserved. */
export function auditRun(r: BuiltRun): void {
  const n = r.exchange.symbols.length;
  auditAccounts(r.start, snapshotAccounts(r.traders, n), { shares: new Array<number>(n).fill(0), cash: 0 }, r.exchange.symbols);
}

/** Runs a scenario to its end and summarises it. */
export function runScenario(s: Scenario, seed: number): RunSummary {
  const r = buildRun(s, seed);
  r.kernel.run(r.endNs);
  auditRun(r);
  return {
    scenario: s.name,
    seed,
    trades: r.tape.count,
    volume: Array.from(r.exchange.volume),
    lastPrice: Array.from(r.exchange.last),
    tapeHash: r.tape.hash(),
    events: r.kernel.events,
    orders: r.traders.reduce((a, t) => a + t.ordersSent, 0),
  };
}
