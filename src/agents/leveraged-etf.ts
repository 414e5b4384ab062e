// Leveraged and inverse ETFs with a daily reset (article C14; Cheng & Madhavan 2009). A fund
// with assets A (cents) and leverage x (2, 3 long; -1, -2, -3 inverse) holds exposure x A. After
// a return r its exposure is x A (1 + r) while x times its new assets is x A (1 + x r), so to
// restore the leverage it must trade
//   T = A (x^2 - x) r + x F                   (cents; > 0 buys)
// where F is the day's net creations (> 0 inflow; an inflow of F needs x F more exposure: long
// funds buy, inverse funds sell). In lots at price P: round(T / (P c)), to the nearest lot.
// Timing: each day d the fund wakes at submitNs_d = firstSubmitNs + d periodNs, or with a calendar
// at the same time of day on session d's day (before the 15:50
// cut-off for on-close orders), measures r = P_sub / P_close,prev - 1 at the mid P_sub, and sends
// T as market-on-close orders (FLAG_ON_CLOSE) for the closing auction: the rebalancing
// A (x^2 - x) r and the creations x F as two orders, each rounded to the lot, so their fills are
// told apart (`sessions` logs both per session). At
// submitNs_d + closeReadDelayNs (after the close) it reads the official close P_close (the
// exchange's prevClose once its closing auction has run; the last trade on an exchange without a
// day schedule) and books the day: A <- A (1 + x (P_close / P_close,prev - 1)) + F, P_close,prev <- P_close.
// If the exchange refuses the on-close order (no closing auction, past the cut-off) the fund sends
// the same trade at once as a plain market order (counted in `fallbacks`).
// The part of the day's move between submission and close is not rebalanced that day (it enters
// the next day's exposure error); real funds estimate it the same way. Test vectors
// (docs/targets): A = 100, x = 3, r = 5% -> buy 30; A = 1, x = 2, r = -16.97% -> sell 0.3394.
import type { Kernel } from '../kernel/kernel.ts';
import type { Calendar } from '../market/calendar.ts';
import type { Exchange } from '../market/exchange.ts';
import { NS_PER_HOUR, NS_PER_MINUTE } from '../core/units.ts';
import { InvestorClass } from './classes.ts';
import { Trader } from './trader.ts';

export interface LeveragedEtfParams {
  symbol: number;
  /** x: leverage, non-zero (2, 3, -1, -2, -3 ...). */
  leverage: number;
  /** A at the start, cents. */
  aumCents: number;
  /** Lots at the start (the scenario sets round(x A / (P c)); negative for inverse funds). */
  initialPosition: number;
  /** Cents at the start. */
  initialCash: number;
  /** The close before the first day, ticks. Default the exchange's prevClose (its reference price). */
  prevCloseTicks?: number;
  /** First day's submission time, ns (e.g. 15:45 on day 0). */
  firstSubmitNs: number;
  /** Days simulated. */
  days: number;
  /** Time between trading days, ns. Default 24 h. */
  periodNs?: number;
  /** The sessions: day d's submission is at firstSubmitNs's time of day on session d's day (instead of periodNs). */
  calendar?: Calendar;
  /** From submission to reading the close, ns. Default 20 min (15:45 -> 16:05). */
  closeReadDelayNs?: number;
  /** F per day: net creations (+) or redemptions (-), cents; missing days are 0. */
  dailyFlowCents?: readonly number[];
}

/** T = A (x^2 - x) r + x F (same money unit as A and F; > 0 buys). */
export function letfTradeValue(aum: number, leverage: number, r: number, flow = 0): number {
  return aum * (leverage * leverage - leverage) * r + leverage * flow;
}

/** T in lots at price P (ticks) with c cents per tick per lot, rounded half away from zero. */
export function letfTradeLots(aumCents: number, leverage: number, r: number, flowCents: number, priceTicks: number, centsPerTickLot: number): number {
  const lots = letfTradeValue(aumCents, leverage, r, flowCents) / (priceTicks * centsPerTickLot);
  return lots < 0 ? -Math.round(-lots) : Math.round(lots);
}

/** One session of a fund: A and r at submission, the mid P used, the lots sent and filled (signed, > 0 bought). */
export interface LetfSession {
  day: number;
  aumCents: number;
  r: number;
  priceTicks: number;
  rebalanceLots: number;
  creationLots: number;
  rebalanceFilled: number;
  creationFilled: number;
}

export class LeveragedEtf extends Trader {
  readonly classId = InvestorClass.LEVERAGED_ETF;
  /** Its onFill reads only the lots and the order id. */
  override readonly fillsInBatches = true;
  /** A, cents. */
  aumCents: number;
  /** Last official close, ticks. */
  prevClose: number;
  /** Trading days completed, and the last day's submitted trade (lots, signed) and return r. */
  day = 0;
  lastTradeLots = 0;
  lastReturn = 0;
  /** On-close orders the exchange refused (no closing auction, past the cut-off) and re-sent as market orders. */
  fallbacks = 0;
  /** Per session: what the fund measured and sent, and its signed fills (lots) for rebalancing and for creations. */
  readonly sessions: LetfSession[] = [];
  private submitted = false;
  /** Live order ids of the day's rebalancing and creation trades (0 = none). */
  private rebalanceId = 0;
  private creationId = 0;
  private readonly periodNs: number;
  private readonly readDelayNs: number;

  constructor(
    exchange: Exchange,
    symbols: number,
    private readonly p: LeveragedEtfParams,
  ) {
    super(exchange, symbols);
    if (!(p.leverage !== 0 && Number.isFinite(p.leverage))) throw new RangeError(`leverage must be a finite non-zero number, got ${p.leverage}`);
    if (!(p.aumCents > 0)) throw new RangeError(`aumCents must be > 0, got ${p.aumCents}`);
    const prev = p.prevCloseTicks ?? exchange.prevClose[p.symbol];
    if (!(prev > 0)) throw new RangeError(`prevCloseTicks must be > 0, got ${prev}`);
    this.setHoldings(p.symbol, p.initialPosition, p.initialCash);
    this.aumCents = p.aumCents;
    this.prevClose = prev;
    this.periodNs = p.periodNs ?? 24 * NS_PER_HOUR;
    this.readDelayNs = p.closeReadDelayNs ?? 20 * NS_PER_MINUTE;
  }

  /** The symbol the fund holds. */
  get symbol(): number {
    return this.p.symbol;
  }

  start(k: Kernel): void {
    if (this.p.days > 0) k.wakeAt(this.id, this.p.firstSubmitNs);
  }

  wake(k: Kernel): void {
    const p = this.p;
    const s = p.symbol;
    const flow = p.dailyFlowCents?.[this.day] ?? 0;
    if (!this.submitted) {
      const mid = this.exchange.mid(s);
      const c = this.exchange.centsPerTickLot[s];
      const r = mid / this.prevClose - 1;
      const rebalance = letfTradeLots(this.aumCents, p.leverage, r, 0, mid, c);
      const creation = letfTradeLots(0, p.leverage, 0, flow, mid, c);
      this.lastReturn = r;
      this.lastTradeLots = rebalance + creation;
      this.sessions.push({ day: this.day, aumCents: this.aumCents, r, priceTicks: mid, rebalanceLots: rebalance, creationLots: creation, rebalanceFilled: 0, creationFilled: 0 });
      this.rebalanceId = this.send(k, rebalance, true);
      this.creationId = this.send(k, creation, true);
      this.submitted = true;
      k.wakeIn(this.id, this.readDelayNs);
      return;
    }
    const ex = this.exchange;
    const close = ex.schedule !== null ? ex.prevClose[s] : ex.last[s];
    this.aumCents = this.aumCents * (1 + p.leverage * (close / this.prevClose - 1)) + flow;
    this.prevClose = close;
    this.submitted = false;
    this.day++;
    if (this.day < p.days) k.wakeAt(this.id, p.calendar ? p.calendar.midnight(this.day) + p.firstSubmitNs - p.calendar.midnight(0) : p.firstSubmitNs + this.day * this.periodNs);
  }

  /** A market(-on-close) order for `lots` (signed), or none (id 0) when lots is 0. */
  private send(k: Kernel, lots: number, onClose: boolean): number {
    return lots === 0 ? 0 : this.market(k, this.p.symbol, lots > 0 ? 0 : 1, lots > 0 ? lots : -lots, onClose);
  }

  protected override onFill(_k: Kernel, _symbol: number, side: number, _price: number, qty: number, orderId: number): void {
    const log = this.sessions[this.sessions.length - 1];
    if (log === undefined) return;
    const signed = side === 0 ? qty : -qty;
    if (orderId === this.rebalanceId) log.rebalanceFilled += signed;
    else if (orderId === this.creationId) log.creationFilled += signed;
  }

  /** An on-close order refused (e.g. an exchange without a closing auction) goes out at once as a market order. */
  protected override onRejected(k: Kernel, _symbol: number, orderId: number): void {
    if (orderId === 0) return;
    const log = this.sessions[this.sessions.length - 1];
    if (orderId === this.rebalanceId) {
      this.fallbacks++;
      this.rebalanceId = this.send(k, log.rebalanceLots, false);
    } else if (orderId === this.creationId) {
      this.fallbacks++;
      this.creationId = this.send(k, log.creationLots, false);
    }
  }
}
