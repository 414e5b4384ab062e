// Test wiring for agents: a kernel with an exchange on one symbol whose incoming orders are
// logged, and a scripted liquidity provider.
import { Kernel, type Agent } from '../../src/kernel/index.ts';
import { Exchange, MSG_CANCEL, MSG_LIMIT, MSG_MARKET, type Calendar } from '../../src/market/index.ts';
import { Trader } from '../../src/agents/trader.ts';
import { InvestorClass } from '../../src/agents/classes.ts';

export interface LoggedOrder {
  time: number;
  from: number;
  kind: 'limit' | 'market' | 'cancel';
  side: number;
  price: number;
  qty: number;
  flags: number;
}

export interface Market {
  k: Kernel;
  ex: Exchange;
  orders: LoggedOrder[];
}

/** A kernel and a one-symbol exchange (reference price in ticks) logging every order it receives. */
export function market(referencePrice = 10_000, centsPerTickLot = 1): Market {
  const k = new Kernel();
  const ex = new Exchange({ symbols: ['X'], referencePrices: [referencePrice], centsPerTickLot: [centsPerTickLot] });
  k.add(ex, 0);
  const orders: LoggedOrder[] = [];
  const receive = ex.receive.bind(ex);
  ex.receive = (kk: Kernel, slot: number) => {
    const m = kk.msgs;
    const kind = m.kind[slot];
    if (kind === MSG_LIMIT || kind === MSG_MARKET || kind === MSG_CANCEL) {
      orders.push({ time: kk.now, from: m.from[slot], kind: kind === MSG_LIMIT ? 'limit' : kind === MSG_MARKET ? 'market' : 'cancel', side: m.b[slot], price: m.c[slot], qty: m.d[slot], flags: m.f[slot] });
    }
    receive(kk, slot);
  };
  return { k, ex, orders };
}

/** Posts the given resting orders when the run starts, then does nothing. */
export class Liquidity extends Trader {
  readonly classId = InvestorClass.NOISE;
  constructor(
    ex: Exchange,
    private readonly quotes: ReadonlyArray<{ side: number; price: number; qty: number }>,
  ) {
    super(ex, 1);
  }
  start(k: Kernel): void {
    for (const q of this.quotes) this.limit(k, 0, q.side, q.price, q.qty);
  }
  wake(): void {}
}

/** Orders from one agent. */
export const ordersOf = (m: Market, a: Agent, kind?: LoggedOrder['kind']): LoggedOrder[] => m.orders.filter((o) => o.from === a.id && (kind === undefined || o.kind === kind));

/** Sends a market order of `qty` lots on `side` every `intervalNs`. */
export class Hitter extends Trader {
  readonly classId = InvestorClass.NOISE;
  constructor(
    ex: Exchange,
    private readonly side: number,
    private readonly qty: number,
    private readonly intervalNs: number,
  ) {
    super(ex, 1);
  }
  start(k: Kernel): void {
    k.wakeIn(this.id, this.intervalNs);
  }
  wake(k: Kernel): void {
    this.market(k, 0, this.side, this.qty);
    k.wakeIn(this.id, this.intervalNs);
  }
}

/** A calendar whose days last `dayNs` (for toy clocks), every day a session from openNs to closeNs. */
export function toyCalendar(dayNs: number, openNs: number, closeNs: number): Calendar {
  return {
    sessions: 1_000_000,
    day: { preOpen: 0, open: openNs, onCloseCutoff: closeNs, close: closeNs },
    midnight: (d) => d * dayNs,
    date: () => null,
    sessionOn: (t) => (t < 0 ? -1 : Math.floor(t / dayNs)),
    sessionAfter: (t) => {
      const d = Math.floor(t / dayNs);
      return t - d * dayNs < closeNs ? Math.max(0, d) : d + 1;
    },
  };
}
