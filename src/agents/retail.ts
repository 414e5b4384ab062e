// Retail investors (article C3, C5, C8, C12; record: retail were record net BUYERS of NVDA on
// 27 Jan 2025, +$562M). Each trader has a cost basis B (ticks; average price paid, drawn well
// below the price: NVDA rose ~10x in two years), an opinion o = +1 / -1 on the shared social
// network (retail-crowd.ts), limited attention (the news enters only once the feed delivers it)
// and possibly a margin account. At each wake-up (exponential, mean meanWakeNs; dt since the last
// one), with mid P, trend signal tau = (ln P - ema_slow) / trendScale, h = 1 - gH and
// m = ln(V_hat / P) (V_hat from the news it heard, belief.ts):
//   1. margin call (margin.ts): if E < mm X, market-sell down to the initial margin; stop.
//   2. opinion switch (Lux & Marchesi 1999): field U = a_1 x + a_2 (1 - h) tau + a_3 h m, with x the
//      neighbours' mean opinion; rate pessimist->optimist nu e^U, optimist->pessimist nu e^-U;
//      switch with probability 1 - exp(-rate dt).
//   3. action, one uniform u: with dip = max(0, -tau),
//        b = o > 0 ? pBuy + pDip dip : 0            (buy; dip buying makes a fall attract buyers)
//        s = o < 0 ? pSell + pPanic dip : 0         (sell on a pessimistic view)
//        t = q > 0 ? min(pTakeMax, pTake0 + pTakeSlope max(0, ln(P / B))) : 0
//                                                   (disposition effect: profit taking grows with
//                                                    the unrealised gain; Shefrin & Statman 1985)
//      u < b: market buy of floor(buyFraction x buying power / (ask c)) lots; u < b + s: market
//      sell of ceil(sellFraction q); u < b + s + t: market sell of ceil(takeFraction q). Long only,
//      at most maxOrder lots. A buy moves B to the average cost; sells leave it.
// One order in flight at a time. Sources: Lux & Marchesi (1999, 2000) opinion dynamics; Barber &
// Odean (2000, 2008) attention; Odean (1998) disposition; Kaniel, Saar & Titman (2008) retail
// contrarian buying.
import { dexp, dlog } from '../core/detmath.ts';
import { normal } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';
import { NS_PER_HOUR, NS_PER_MINUTE } from '../core/units.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import type { Narrative } from '../news/event.ts';
import { checkGaps, horizonWeight, type GapMapParams, type Gaps } from '../news/gaps.ts';
import { Belief } from './belief.ts';
import { InvestorClass } from './classes.ts';
import { buyingPowerCents, marginCallLots } from './margin.ts';
import type { RetailCrowd } from './retail-crowd.ts';
import { OrderSlot } from './order-slot.ts';
import { Trader } from './trader.ts';
import { WakeClock } from './wake-clock.ts';
import { EmaTrend } from './trend.ts';

export interface RetailParams {
  symbol: number;
  /** Shares at the start, lots (>= 0). */
  initialPosition: number;
  /** Cash at the start, cents (negative = margin loan). */
  initialCash: number;
  /** Cost basis B, ticks per lot-share; when absent drawn as referenceTicks r e^{sigma Z}. */
  costBasisTicks?: number;
  /** Price the basis is drawn against (the last close), ticks. */
  referenceTicks: number;
  /** r: median basis / reference price. Default 0.3 (bought ~3x lower). */
  basisMedianRatio?: number;
  /** sigma: log-sd of the basis. Default 0.5. */
  basisSigma?: number;
  /** Pre-shock fundamental value V0, ticks. */
  valueTicks: number;
  gaps: Gaps;
  gapMap?: GapMapParams;
  narratives: readonly Narrative[];
  /** The crowd's opinions and this trader's node in it. */
  crowd: RetailCrowd;
  node: number;
  /** Mean time between wake-ups, ns. Default 30 min. */
  meanWakeNs?: number;
  /** Wake only during trading hours (pre-open to close; wake-clock.ts). Default true. */
  sleepsWhenClosed?: boolean;
  /** Wake from the open rather than the pre-open (orders only in continuous trading). Default false. */
  fromOpen?: boolean;
  /** Slow EMA time constant of ln P for the trend, ns. Default 2 h. */
  trendSlowNs?: number;
  /** Log move that counts as one unit of trend. Default 0.02. */
  trendScale?: number;
  /** nu: base switching rate per hour. Default 0.5. */
  switchRatePerHour?: number;
  /** a_1 herding, a_2 trend, a_3 value weights of the field U. Defaults 0.8, 1, 10. */
  herding?: number;
  trendWeight?: number;
  valueWeight?: number;
  /** Per wake-up: base buy (optimists), base sell (pessimists), dip-buy and panic slopes. */
  pBuy?: number;
  pSell?: number;
  pDip?: number;
  pPanic?: number;
  /** Profit taking: base, slope per unit of ln gain, cap. Defaults 0.01, 0.05, 0.3. */
  pTake0?: number;
  pTakeSlope?: number;
  pTakeMax?: number;
  /** Fractions of buying power / position per order. Defaults 0.2, 0.5, 0.25. */
  buyFraction?: number;
  sellFraction?: number;
  takeFraction?: number;
  /** Largest order, lots. Default 100. */
  maxOrder?: number;
  /** im (1 = cash account, 0.5 = Reg T margin) and mm. Defaults 1 and 0.25. */
  initialMargin?: number;
  maintenanceMargin?: number;
}

/** Retail decision weights with their defaults (per wake-up probabilities and slopes). */
export interface RetailRule {
  pBuy: number;
  pSell: number;
  pDip: number;
  pPanic: number;
  pTake0: number;
  pTakeSlope: number;
  pTakeMax: number;
}

export const DEFAULT_RETAIL_RULE: RetailRule = { pBuy: 0.05, pSell: 0.05, pDip: 0.1, pPanic: 0.05, pTake0: 0.01, pTakeSlope: 0.05, pTakeMax: 0.3 };

/** Probability of taking profits at log gain g = ln(P / B): min(pTakeMax, pTake0 + slope max(0, g)). */
export function profitTakeProbability(logGain: number, r: RetailRule): number {
  const p = r.pTake0 + r.pTakeSlope * (logGain > 0 ? logGain : 0);
  return p > r.pTakeMax ? r.pTakeMax : p;
}

/** U = a_1 x + a_2 (1 - h) tau + a_3 h m. */
export function opinionField(neighbourMean: number, trend: number, logMispricing: number, h: number, herding: number, trendWeight: number, valueWeight: number): number {
  return herding * neighbourMean + trendWeight * (1 - h) * trend + valueWeight * h * logMispricing;
}

/** Switching rate (per unit time of nu) for a trader of opinion o: nu e^{-o U}. */
export function switchRate(opinion: number, field: number, nu: number): number {
  return nu * dexp(opinion > 0 ? -field : field);
}

/** Probability of switching within dt at the given rate: 1 - e^{-rate dt}. */
export function switchProbability(rate: number, dt: number): number {
  return 1 - dexp(-rate * dt);
}

export const RETAIL_NONE = 0;
export const RETAIL_BUY = 1;
export const RETAIL_SELL = 2;
export const RETAIL_TAKE_PROFIT = 3;

/** The action for uniform u (RETAIL_NONE / BUY / SELL / TAKE_PROFIT), as in the header. */
export function retailAction(u: number, opinion: number, trend: number, logGain: number, position: number, r: RetailRule): number {
  const dip = trend < 0 ? -trend : 0;
  const b = opinion > 0 ? r.pBuy + r.pDip * dip : 0;
  if (u < b) return RETAIL_BUY;
  const s = opinion < 0 ? r.pSell + r.pPanic * dip : 0;
  if (u < b + s) return position > 0 ? RETAIL_SELL : RETAIL_NONE;
  const t = position > 0 ? profitTakeProbability(logGain, r) : 0;
  return u < b + s + t ? RETAIL_TAKE_PROFIT : RETAIL_NONE;
}

export class Retail extends Trader {
  readonly classId = InvestorClass.RETAIL;
  readonly belief: Belief;
  /** Average cost, ticks. */
  costBasis: number;
  /** Margin calls met so far. */
  marginCalls = 0;
  private readonly rule: RetailRule;
  private readonly trend: EmaTrend;
  private readonly h: number;
  private readonly clock: WakeClock;
  private readonly trendScale: number;
  private readonly nuPerNs: number;
  private readonly a1: number;
  private readonly a2: number;
  private readonly a3: number;
  private readonly buyFraction: number;
  private readonly sellFraction: number;
  private readonly takeFraction: number;
  private readonly maxOrder: number;
  private readonly im: number;
  private readonly mm: number;
  private lastWakeNs = -1;
  // Read at every wake-up, kept on the agent (not its params object), with the logs of values
  // that change only on a fill or a piece of news: ln B and ln V_hat with the values they are of.
  private readonly symbol: number;
  private readonly crowd: RetailCrowd;
  private readonly node: number;
  private logBasisOf = Number.NaN;
  private logBasis = Number.NaN;
  private logValueOf = Number.NaN;
  private logValue = Number.NaN;
  /** The one market order in flight. */
  private readonly pending = new OrderSlot();

  constructor(
    exchange: Exchange,
    symbols: number,
    private readonly rng: RandomSource,
    private readonly p: RetailParams,
  ) {
    super(exchange, symbols);
    // One market order at a time: the slot frees on the ACCEPTED of an order whose remainder was
    // cancelled for want of liquidity, which only an acknowledgement reports.
    this.requestAcks();
    checkGaps(p.gaps, 'retail gaps');
    if (!(p.initialPosition >= 0)) throw new RangeError(`retail initialPosition must be >= 0 lots (long only), got ${p.initialPosition}`);
    if (!(p.node >= 0 && p.node < p.crowd.network.n)) throw new RangeError(`node must be in [0, ${p.crowd.network.n}), got ${p.node}`);
    this.setHoldings(p.symbol, p.initialPosition, p.initialCash);
    this.symbol = p.symbol;
    this.crowd = p.crowd;
    this.node = p.node;
    this.costBasis = p.costBasisTicks ?? p.referenceTicks * (p.basisMedianRatio ?? 0.3) * dexp((p.basisSigma ?? 0.5) * normal(rng));
    if (!(this.costBasis > 0)) throw new RangeError(`cost basis must be > 0 ticks, got ${this.costBasis}`);
    this.belief = new Belief(p.narratives, p.symbol, p.gaps.information, p.gapMap, p.valueTicks);
    this.trend = new EmaTrend(p.trendSlowNs ?? 2 * NS_PER_HOUR, p.trendSlowNs ?? 2 * NS_PER_HOUR);
    this.h = horizonWeight(p.gaps.horizon);
    this.clock = new WakeClock(exchange, rng, p.meanWakeNs ?? 30 * NS_PER_MINUTE, p.sleepsWhenClosed ?? true, p.fromOpen ?? false);
    this.trendScale = p.trendScale ?? 0.02;
    this.nuPerNs = (p.switchRatePerHour ?? 0.5) / NS_PER_HOUR;
    this.a1 = p.herding ?? 0.8;
    this.a2 = p.trendWeight ?? 1;
    this.a3 = p.valueWeight ?? 10;
    const d = DEFAULT_RETAIL_RULE;
    this.rule = {
      pBuy: p.pBuy ?? d.pBuy,
      pSell: p.pSell ?? d.pSell,
      pDip: p.pDip ?? d.pDip,
      pPanic: p.pPanic ?? d.pPanic,
      pTake0: p.pTake0 ?? d.pTake0,
      pTakeSlope: p.pTakeSlope ?? d.pTakeSlope,
      pTakeMax: p.pTakeMax ?? d.pTakeMax,
    };
    this.buyFraction = p.buyFraction ?? 0.2;
    this.sellFraction = p.sellFraction ?? 0.5;
    this.takeFraction = p.takeFraction ?? 0.25;
    this.maxOrder = p.maxOrder ?? 100;
    this.im = p.initialMargin ?? 1;
    this.mm = p.maintenanceMargin ?? 0.25;
    if (!(this.im > 0 && this.im <= 1 && this.mm > 0 && this.mm <= this.im)) throw new RangeError(`need 0 < maintenanceMargin <= initialMargin <= 1, got ${this.mm} and ${this.im}`);
  }

  /** Current opinion (+1 optimist, -1 pessimist). */
  get opinion(): number {
    return this.p.crowd.opinion[this.p.node];
  }

  /** V_hat in ticks. */
  get valueEstimate(): number {
    return this.belief.value;
  }

  start(k: Kernel): void {
    k.wakeIn(this.id, this.clock.next(k.now));
  }

  wake(k: Kernel): void {
    this.act(k);
    k.wakeIn(this.id, this.clock.next(k.now));
  }

  private act(k: Kernel): void {
    const s = this.symbol;
    const ex = this.exchange;
    const rng = this.rng;
    const mid = ex.mid(s);
    const c = ex.centsPerTickLot[s];
    const logP = dlog(mid);
    this.trend.update(logP, k.now);
    const dt = this.lastWakeNs < 0 ? this.clock.meanNs : k.now - this.lastWakeNs;
    this.lastWakeNs = k.now;
    const q = this.position[s];
    if (this.pending.busy) return;
    const cut = marginCallLots(q, mid, c, this.cash, this.mm, this.im);
    if (cut > 0) {
      this.marginCalls++;
      this.send(k, 1, cut);
      return;
    }
    const tau = this.trend.deviation / this.trendScale;
    const value = this.belief.value;
    if (value !== this.logValueOf) {
      this.logValueOf = value;
      this.logValue = dlog(value);
    }
    const m = this.logValue - logP;
    const crowd = this.crowd;
    const node = this.node;
    const o = crowd.opinion[node];
    const field = opinionField(crowd.neighbourMean(node), tau, m, this.h, this.a1, this.a2, this.a3);
    if (rng.nextFloat() < switchProbability(switchRate(o, field, this.nuPerNs), dt)) crowd.flip(node);
    if (this.costBasis !== this.logBasisOf) {
      this.logBasisOf = this.costBasis;
      this.logBasis = dlog(this.costBasis);
    }
    const action = retailAction(rng.nextFloat(), crowd.opinion[node], tau, logP - this.logBasis, q, this.rule);
    if (action === RETAIL_BUY) {
      const ask = ex.bestAsk(s) ?? mid;
      let lots = Math.floor((this.buyFraction * buyingPowerCents(this.cash, q, mid, c, this.im)) / (ask * c));
      if (lots > this.maxOrder) lots = this.maxOrder;
      if (lots >= 1) this.send(k, 0, lots);
    } else if (action !== RETAIL_NONE) {
      let lots = Math.ceil((action === RETAIL_SELL ? this.sellFraction : this.takeFraction) * q);
      if (lots > q) lots = q;
      if (lots > this.maxOrder) lots = this.maxOrder;
      if (lots >= 1) this.send(k, 1, lots);
    }
  }

  private send(k: Kernel, side: number, lots: number): void {
    this.pending.hold(this.market(k, this.symbol, side, lots), lots);
  }

  protected override onFill(_k: Kernel, symbol: number, side: number, price: number, qty: number, orderId: number): void {
    this.pending.fill(orderId, qty);
    if (side !== 0 || symbol !== this.symbol) return;
    const after = this.position[symbol];
    const before = after - qty;
    this.costBasis = before > 0 ? (this.costBasis * before + price * qty) / after : price;
  }

  protected override onNews(_k: Kernel, _event: number, narrative: number): void {
    this.belief.hear(narrative, this.rng);
  }

  protected override onDone(_k: Kernel, _symbol: number, orderId: number): void {
    this.pending.done(orderId);
  }
}
