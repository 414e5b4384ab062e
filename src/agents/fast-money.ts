// Fast money: hedge funds and quant trend followers (article C5: 1/4-1/5 of institutional money;
// C6: pour in while prices rise, leave at the first bad sign; C14: forced closing). At each
// wake-up (exponential, mean meanWakeNs) and at once when news arrives, with mid P, equity
// E = cash + q P c and horizon weight h = 1 - gH:
//   exposure  phi = clamp(phi_0 + g_T (1 - h) (ema_fast - ema_slow) + g_V h ln(V_hat / P), -L, L)
//             (a multiple of equity; phi_0 the book it holds at rest, default 0; V_hat from the
//             news it heard, belief.ts)
//   target    q* = trunc(phi E / (P c)) lots; it trades q* - q (at most maxOrder, at least
//             minTrade lots) with market orders.
// Risk, checked first at every wake-up:
//   drawdown stop: DD = 1 - E / E_peak >= d  ->  close the whole position by market orders (in
//     chunks of liquidationChunk lots, one per liquidationIntervalNs), then stay flat for
//     cooldownNs; the peak restarts from the equity at the stop;
//   margin call: E < mm X  ->  market orders cutting |q| to floor(E / (im P c)) (margin.ts).
// One order in flight at a time. Sources: trend followers with EMA crossovers (Moskowitz, Ooi &
// Pedersen 2012, time-series momentum); margin spirals (Brunnermeier & Pedersen 2009); drawdown
// stops (Grossman & Zhou 1993).
import { dlog } from '../core/detmath.ts';
import type { RandomSource } from '../core/rng.ts';
import { NS_PER_MINUTE, NS_PER_SECOND } from '../core/units.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import type { Narrative } from '../news/event.ts';
import { checkGaps, horizonWeight, type GapMapParams, type Gaps } from '../news/gaps.ts';
import { Belief } from './belief.ts';
import { InvestorClass } from './classes.ts';
import { drawdown, equityCents, marginCallLots } from './margin.ts';
import { OrderSlot } from './order-slot.ts';
import { Trader } from './trader.ts';
import { WakeClock } from './wake-clock.ts';
import { EmaTrend } from './trend.ts';

export interface FastMoneyParams {
  symbol: number;
  /** Lots at the start (may be negative: short). */
  initialPosition: number;
  /** Cents at the start (negative = borrowed on margin). */
  initialCash: number;
  /** Pre-shock fundamental value V0, ticks. */
  valueTicks: number;
  gaps: Gaps;
  gapMap?: GapMapParams;
  narratives: readonly Narrative[];
  /** Mean time between wake-ups, ns. Default 30 s. */
  meanWakeNs?: number;
  /** Wake only during trading hours (pre-open to close; wake-clock.ts). Default true. */
  sleepsWhenClosed?: boolean;
  /** EMA time constants of ln P, ns. Defaults 5 min and 30 min. */
  trendFastNs?: number;
  trendSlowNs?: number;
  /** g_T: exposure (x equity) per unit of EMA crossover (a log return). Default 40. */
  trendGain?: number;
  /** g_V: exposure (x equity) per unit of ln(V_hat / P). Default 5. */
  valueGain?: number;
  /** phi_0: exposure at zero signal (the book it holds at rest), a multiple of equity. Default 0. */
  baseExposure?: number;
  /** L: largest |exposure| as a multiple of equity. Default 2. */
  maxLeverage?: number;
  /** im, mm: initial and maintenance margin fractions. Defaults 0.5 and 0.25. */
  initialMargin?: number;
  maintenanceMargin?: number;
  /** d: drawdown from peak equity that triggers the stop. Default 0.1. */
  drawdownStop?: number;
  /** Flat period after a stop, ns. Default 1 h. */
  cooldownNs?: number;
  /** Largest trading order, lots. Default 1000. */
  maxOrder?: number;
  /** Smallest trade worth sending, lots. Default 1. */
  minTrade?: number;
  /** Largest market order while liquidating, lots. Default unlimited (one order). */
  liquidationChunk?: number;
  /** Time between liquidation orders, ns. Default 5 s. */
  liquidationIntervalNs?: number;
}

/** phi = clamp(phi_0 + gT (1 - h) trend + gV h m, -L, L). */
export function fastMoneyExposure(trend: number, logMispricing: number, h: number, trendGain: number, valueGain: number, maxLeverage: number, base = 0): number {
  const phi = base + trendGain * (1 - h) * trend + valueGain * h * logMispricing;
  return phi > maxLeverage ? maxLeverage : phi < -maxLeverage ? -maxLeverage : phi;
}

/** q* = trunc(phi E / (P c)) (0 when equity is not positive). */
export function exposureTargetLots(phi: number, equity: number, priceTicks: number, centsPerTickLot: number): number {
  return equity > 0 ? Math.trunc((phi * equity) / (priceTicks * centsPerTickLot)) : 0;
}

export class FastMoney extends Trader {
  readonly classId = InvestorClass.FAST_MONEY;
  /** Its onFill reads only the lots and the order id. */
  override readonly fillsInBatches = true;
  readonly belief: Belief;
  /** Highest equity seen since the start or the last stop (cents). */
  peakEquity: number;
  /** Drawdown stops and margin calls so far. */
  stops = 0;
  marginCalls = 0;
  private readonly trend: EmaTrend;
  private readonly h: number;
  private readonly clock: WakeClock;
  private readonly gT: number;
  private readonly gV: number;
  private readonly L: number;
  private readonly phi0: number;
  private readonly im: number;
  private readonly mm: number;
  private readonly stop: number;
  private readonly cooldownNs: number;
  private readonly maxOrder: number;
  private readonly minTrade: number;
  private readonly chunk: number;
  private readonly liqNs: number;
  private cooldownUntil = -1;
  /** The one market order in flight. */
  private readonly pending = new OrderSlot();

  constructor(
    exchange: Exchange,
    symbols: number,
    private readonly rng: RandomSource,
    private readonly p: FastMoneyParams,
  ) {
    super(exchange, symbols);
    // One market order at a time: the slot frees on the ACCEPTED of an order whose remainder was
    // cancelled for want of liquidity, which only an acknowledgement reports.
    this.requestAcks();
    checkGaps(p.gaps, 'fast-money gaps');
    this.setHoldings(p.symbol, p.initialPosition, p.initialCash);
    this.belief = new Belief(p.narratives, p.symbol, p.gaps.information, p.gapMap, p.valueTicks);
    this.trend = new EmaTrend(p.trendFastNs ?? 5 * NS_PER_MINUTE, p.trendSlowNs ?? 30 * NS_PER_MINUTE);
    this.h = horizonWeight(p.gaps.horizon);
    // Algorithmic: trades in continuous trading only (market orders are not sent into the opening auction).
    this.clock = new WakeClock(exchange, rng, p.meanWakeNs ?? 30 * NS_PER_SECOND, p.sleepsWhenClosed ?? true, true);
    this.gT = p.trendGain ?? 40;
    this.gV = p.valueGain ?? 5;
    this.L = p.maxLeverage ?? 2;
    this.phi0 = p.baseExposure ?? 0;
    this.im = p.initialMargin ?? 0.5;
    this.mm = p.maintenanceMargin ?? 0.25;
    this.stop = p.drawdownStop ?? 0.1;
    this.cooldownNs = p.cooldownNs ?? 60 * NS_PER_MINUTE;
    this.maxOrder = p.maxOrder ?? 1000;
    this.minTrade = p.minTrade ?? 1;
    this.chunk = p.liquidationChunk ?? Number.MAX_SAFE_INTEGER;
    this.liqNs = p.liquidationIntervalNs ?? 5 * NS_PER_SECOND;
    if (!(this.mm > 0 && this.mm <= this.im)) throw new RangeError(`need 0 < maintenanceMargin <= initialMargin, got ${this.mm} and ${this.im}`);
    this.peakEquity = equityCents(this.cash, this.position[p.symbol], exchange.mid(p.symbol), exchange.centsPerTickLot[p.symbol]);
  }

  /** Equity at the current mid, cents. */
  get equity(): number {
    const s = this.p.symbol;
    return equityCents(this.cash, this.position[s], this.exchange.mid(s), this.exchange.centsPerTickLot[s]);
  }

  /** V_hat in ticks. */
  get valueEstimate(): number {
    return this.belief.value;
  }

  /** True while flat after a drawdown stop. */
  isCoolingDown(now: number): boolean {
    return now < this.cooldownUntil;
  }

  start(k: Kernel): void {
    k.wakeIn(this.id, this.clock.next(k.now));
  }

  wake(k: Kernel): void {
    const liquidating = this.act(k);
    k.wakeIn(this.id, liquidating ? this.liqNs : this.clock.next(k.now));
  }

  /** One decision; returns true while a forced liquidation is under way. */
  private act(k: Kernel): boolean {
    const s = this.p.symbol;
    const ex = this.exchange;
    const mid = ex.mid(s);
    const c = ex.centsPerTickLot[s];
    this.trend.update(dlog(mid), k.now);
    const q = this.position[s];
    const E = equityCents(this.cash, q, mid, c);
    if (k.now < this.cooldownUntil) {
      if (q !== 0 && !this.pending.busy) this.reduce(k, q, this.chunk);
      return q !== 0;
    }
    if (E > this.peakEquity) this.peakEquity = E;
    if (q !== 0 && drawdown(E, this.peakEquity) >= this.stop) {
      this.stops++;
      this.cooldownUntil = k.now + this.cooldownNs;
      this.peakEquity = E;
      if (!this.pending.busy) this.reduce(k, q, this.chunk);
      return true;
    }
    const cut = marginCallLots(q, mid, c, this.cash, this.mm, this.im);
    if (cut > 0) {
      this.marginCalls++;
      if (!this.pending.busy) this.reduce(k, q, cut);
      return false;
    }
    if (this.pending.busy) return false;
    const phi = fastMoneyExposure(this.trend.crossover, dlog(this.valueEstimate / mid), this.h, this.gT, this.gV, this.L, this.phi0);
    let dq = exposureTargetLots(phi, E, mid, c) - q;
    if (dq > this.maxOrder) dq = this.maxOrder;
    else if (dq < -this.maxOrder) dq = -this.maxOrder;
    if ((dq < 0 ? -dq : dq) >= this.minTrade) {
      this.send(k, dq > 0 ? 0 : 1, dq > 0 ? dq : -dq);
    }
    return false;
  }

  /** Market order cutting |q| by min(|q|, lots). */
  private reduce(k: Kernel, q: number, lots: number): void {
    const size = q < 0 ? -q : q;
    this.send(k, q > 0 ? 1 : 0, size < lots ? size : lots);
  }

  private send(k: Kernel, side: number, lots: number): void {
    this.pending.hold(this.market(k, this.p.symbol, side, lots), lots);
  }

  protected override onNews(k: Kernel, _event: number, narrative: number): void {
    if (this.belief.hear(narrative, this.rng)) this.act(k);
  }

  protected override onFill(_k: Kernel, _symbol: number, _side: number, _price: number, qty: number, orderId: number): void {
    this.pending.fill(orderId, qty);
  }

  protected override onDone(_k: Kernel, _symbol: number, orderId: number): void {
    this.pending.done(orderId);
  }
}
