// Long-term fundamental institution (article C5: ~3/4 of institutional money; C10-C13: small
// gaps). It holds a private estimate of fundamental value V_hat = V0 exp(ln-shift from the news it
// has heard; see belief.ts: signal noise and naive/informed weights from its information gap,
// arrival delays from its on-site gap via the news feed). At each wake-up (exponential, mean
// meanWakeNs: low frequency) with mid P and horizon weight h = 1 - gH:
//   signal  z = h ln(V_hat / P) + (1 - h) (ema_fast - ema_slow)          (EMA trend of ln P)
//   target  q* = clamp(round(q_base + kappa z), q_min, q_max)            (lots)
//   order   dq = clamp(q* - q -+ band, -maxOrder, maxOrder), 0 while |q* - q| < band (a rebalancing
//           band: under proportional costs a fund does not trade while its target lies within
//           the band of its position, and outside it trades only to the band's edge, Davis &
//           Norman 1990), sent only if |dq| >= minOrder,
// as one GTC limit order that replaces the previous one: a buy joins the bid one tick better if
// the spread allows (bid + 1 < ask), else at the bid; a sell mirrors it (ask - 1 or the ask).
// With crossToValue, an institution whose value estimate lies beyond the opposite touch (V_hat >
// ask for a buy, V_hat < bid for a sell) instead sends the limit at V_hat itself, but no more than
// a fraction c_max (maxCross) beyond the touch: it takes liquidity down (up) towards its own
// valuation a slice at a time instead of sweeping a thin book (fundamentalists' limit price at
// their value, as in Chiarella & Iori 2002; order slicing as in execution practice). Without a
// touch (the pre-open, where orders meet in the opening auction) the limit is V_hat itself.
// With preOpenIndicative, P in the pre-open is the exchange's published indicative opening price
// (when the auction would trade) instead of the last close: a value investor prices its order
// against the price it will get, as NYSE and Nasdaq imbalance feeds allow; against the last close
// every institution that heard bad news sells, and the auction prints at the most pessimistic
// one's limit with the institutions' orders unfilled.
// Passive limit orders: in a fall its bids are what sellers hit (seasoned holders "held or
// bought", C12). Sources: target-position value investors as in Chiarella & Iori (2002) and
// Franke & Westerhoff (2012, fundamentalists), position limits as mandates.
import { dlog } from '../core/detmath.ts';
import type { RandomSource } from '../core/rng.ts';
import { NS_PER_HOUR, NS_PER_MINUTE } from '../core/units.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import type { Narrative } from '../news/event.ts';
import { checkGaps, horizonWeight, type GapMapParams, type Gaps } from '../news/gaps.ts';
import { Belief } from './belief.ts';
import { InvestorClass } from './classes.ts';
import { OrderSlot } from './order-slot.ts';
import { Trader } from './trader.ts';
import { WakeClock } from './wake-clock.ts';
import { EmaTrend } from './trend.ts';

export interface InstitutionParams {
  symbol: number;
  /** Shares held at the start, lots. */
  initialPosition: number;
  /** Cash at the start, cents. */
  initialCash: number;
  /** Pre-shock fundamental value V0, ticks (the scenario scales it so the last close is equilibrium). */
  valueTicks: number;
  gaps: Gaps;
  gapMap?: GapMapParams;
  /** The run's narratives (the same table the news feed diffuses). */
  narratives: readonly Narrative[];
  /** Mean time between wake-ups, ns. Default 15 min. */
  meanWakeNs?: number;
  /** Wake only during trading hours (pre-open to close; wake-clock.ts). Default true. */
  sleepsWhenClosed?: boolean;
  /** Target at zero signal q_base, lots. Default initialPosition. */
  basePosition?: number;
  /** kappa: lots of target per unit of signal (a log return). Default 2 x basePosition. */
  sensitivity?: number;
  /** Position limits, lots. Defaults 0 and 2 x basePosition. */
  minPosition?: number;
  maxPosition?: number;
  /** Largest order per wake-up, lots. Default 1% of basePosition (at least 1). */
  maxOrder?: number;
  /** Smallest order worth sending, lots. Default 1. */
  minOrder?: number;
  /** Rebalancing band, lots: no order while |q* - q| < band, else an order to the band's edge. Default 0 (trade every difference). */
  band?: number;
  /** Cross the spread up to V_hat when V_hat lies beyond the opposite touch. Default false. */
  crossToValue?: boolean;
  /** c_max: how far beyond the touch a crossing limit may go, a fraction of the touch. Default 0.002. */
  maxCross?: number;
  /** In the pre-open, value the position against the indicative opening price (when the auction would trade) instead of the last close. Default false. */
  preOpenIndicative?: boolean;
  /** EMA time constants of the trend term, ns. Defaults 30 min and 4 h. */
  trendFastNs?: number;
  trendSlowNs?: number;
}

/** q* = clamp(round(q_base + kappa (h m + (1 - h) trend)), q_min, q_max). */
export function institutionTarget(base: number, kappa: number, h: number, logMispricing: number, trend: number, min: number, max: number): number {
  const t = Math.round(base + kappa * (h * logMispricing + (1 - h) * trend));
  return t < min ? min : t > max ? max : t;
}

/** dq = clamp(q* - q -+ band, -maxOrder, maxOrder) (to the band's edge), or 0 when |q* - q| < band or |dq| < minOrder. */
export function orderTowards(target: number, position: number, maxOrder: number, minOrder: number, band = 0): number {
  let d = target - position;
  if ((d < 0 ? -d : d) < band) return 0;
  d = d < 0 ? d + band : d - band;
  if (d > maxOrder) d = maxOrder;
  else if (d < -maxOrder) d = -maxOrder;
  return (d < 0 ? -d : d) < minOrder ? 0 : d;
}

/** The limit price: passive, or V_hat (rounded towards the passive side) when crossing to value and V_hat lies beyond the opposite touch. */
export function institutionPrice(side: number, bid: number | null, ask: number | null, mid: number, value: number, crossToValue: boolean, maxCross = 0.002): number {
  if (crossToValue) {
    if (side === 0 && value > (ask ?? mid)) return Math.floor(ask === null ? value : Math.min(value, ask * (1 + maxCross)));
    if (side === 1 && value < (bid ?? mid)) return Math.max(1, Math.ceil(bid === null ? value : Math.max(value, bid * (1 - maxCross))));
  }
  return passivePrice(side, bid, ask, mid);
}

/** Passive limit price: one tick inside the spread when there is room, else at the own touch. */
export function passivePrice(side: number, bid: number | null, ask: number | null, mid: number): number {
  let p: number;
  if (side === 0) p = bid === null ? Math.floor(mid) : ask !== null && ask - bid > 1 ? bid + 1 : bid;
  else p = ask === null ? Math.ceil(mid) : bid !== null && ask - bid > 1 ? ask - 1 : ask;
  return p < 1 ? 1 : p;
}

export class Institution extends Trader {
  readonly classId = InvestorClass.INSTITUTION;
  /** Its onFill reads only the lots and the order id. */
  override readonly fillsInBatches = true;
  readonly belief: Belief;
  private readonly trend: EmaTrend;
  private readonly h: number;
  private readonly clock: WakeClock;
  private readonly base: number;
  private readonly kappa: number;
  private readonly minPos: number;
  private readonly maxPos: number;
  private readonly maxOrder: number;
  private readonly minOrder: number;
  private readonly band: number;
  /** The resting order (replaced at every wake-up). */
  private readonly live = new OrderSlot();

  constructor(
    exchange: Exchange,
    symbols: number,
    private readonly rng: RandomSource,
    private readonly p: InstitutionParams,
  ) {
    super(exchange, symbols);
    checkGaps(p.gaps, 'institution gaps');
    this.setHoldings(p.symbol, p.initialPosition, p.initialCash);
    this.belief = new Belief(p.narratives, p.symbol, p.gaps.information, p.gapMap, p.valueTicks);
    this.trend = new EmaTrend(p.trendFastNs ?? 30 * NS_PER_MINUTE, p.trendSlowNs ?? 4 * NS_PER_HOUR);
    this.h = horizonWeight(p.gaps.horizon);
    this.clock = new WakeClock(exchange, rng, p.meanWakeNs ?? 15 * NS_PER_MINUTE, p.sleepsWhenClosed ?? true);
    this.base = p.basePosition ?? p.initialPosition;
    this.kappa = p.sensitivity ?? 2 * this.base;
    this.minPos = p.minPosition ?? 0;
    this.maxPos = p.maxPosition ?? 2 * this.base;
    this.maxOrder = p.maxOrder ?? Math.max(1, Math.floor(this.base / 100));
    this.minOrder = p.minOrder ?? 1;
    this.band = p.band ?? 0;
    if (this.minPos > this.maxPos) throw new RangeError(`minPosition ${this.minPos} exceeds maxPosition ${this.maxPos}`);
  }

  /** V_hat in ticks. */
  get valueEstimate(): number {
    return this.belief.value;
  }

  start(k: Kernel): void {
    k.wakeIn(this.id, this.clock.next(k.now));
  }

  wake(k: Kernel): void {
    const s = this.p.symbol;
    const ex = this.exchange;
    const mid = ex.mid(s);
    this.trend.update(dlog(mid), k.now);
    if (this.live.busy) {
      this.cancel(k, s, this.live.id);
      this.live.done(this.live.id);
    }
    // In the pre-open the price the order will trade at is the opening auction's, which the
    // exchange publishes as the indicative price (as NYSE and Nasdaq imbalance feeds do).
    let p = mid;
    if (this.p.preOpenIndicative === true && ex.state(s) === 'pre-open') {
      const ind = ex.indicative(s);
      if (ind.volume > 0) p = ind.price;
    }
    const m = dlog(this.valueEstimate / p);
    const target = institutionTarget(this.base, this.kappa, this.h, m, this.trend.crossover, this.minPos, this.maxPos);
    const dq = orderTowards(target, this.position[s], this.maxOrder, this.minOrder, this.band);
    if (dq !== 0) {
      const side = dq > 0 ? 0 : 1;
      const lots = dq > 0 ? dq : -dq;
      this.live.hold(this.limit(k, s, side, institutionPrice(side, ex.bestBid(s), ex.bestAsk(s), p, this.belief.value, this.p.crossToValue ?? false, this.p.maxCross), lots), lots);
    }
    k.wakeIn(this.id, this.clock.next(k.now));
  }

  protected override onNews(_k: Kernel, _event: number, narrative: number): void {
    this.belief.hear(narrative, this.rng);
  }

  protected override onFill(_k: Kernel, _symbol: number, _side: number, _price: number, qty: number, orderId: number): void {
    this.live.fill(orderId, qty);
  }

  // No acknowledgements needed: a GTC limit ends through fills, REJECTED or EXPIRED, and the
  // next wake-up cancels whatever the slot still holds.
  protected override onDone(_k: Kernel, _symbol: number, orderId: number): void {
    this.live.done(orderId);
  }
}
