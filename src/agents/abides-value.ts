// ABIDES's value agent (abides-markets agents/value_agent.py, as configured by RMSC04). It wakes
// on a Poisson clock (mean gap meanWakeNs; first wake at the open plus one gap, each next wake
// drawn first thing at every wake). At each wake it cancels every order it believes open, then:
//   obs = the oracle's fundamental + Normal(0, sigma_n) noise (mean-reverting-oracle.ts)
//   r_T = round(r_bar + (obs - r_bar) (1 - kappa)^(T - t)),   T the exchange's close
// (ABIDES's Bayesian update reduces to this: its prior variance starts at 0; docs/abides-rmsc04.md
// section 3.3). With a two-sided book (mid = floor((bid + ask) / 2), spread = ask - bid): with
// probability percentAggressive adjust = 0, else adjust ~ U{0..depthSpread x spread - 1}; if
// r_T < mid it sells at bid + adjust, else it buys at ask - adjust. With a one-sided or empty
// book: a 50/50 side at price r_T. Size from the order-size mixture; no order when it is 0.
// Draws in ABIDES's order: the observation, then the aggression uniform (and adjust) or the side,
// then the size. Where ours differs: ABIDES reads the spread from a query reply a round trip
// after the wake, and drops a cancelled order on the cancel's confirmation.
import { exponential, uniformInt } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import { InvestorClass } from './classes.ts';
import { discountFactor, logDecayOf, type MeanRevertingOracle } from './mean-reverting-oracle.ts';
import { OpenOrders } from './open-orders.ts';
import { mixtureOrderSize } from './order-size-mixture.ts';
import { Trader } from './trader.ts';

export interface AbidesValueParams {
  symbol: number;
  openNs: number;
  /** T: the exchange's close, ns from the run's start. */
  closeNs: number;
  meanWakeNs: number;
  oracle: MeanRevertingOracle;
  /** r_bar (cents) and kappa (per ns): the agent's belief about the mean and the reversion. */
  meanCents: number;
  kappaPerNs: number;
  /** sigma_n: observation noise variance, cents^2. */
  observationVariance: number;
  /** Probability of an order at the touch (0.1) and the depth of the other prices in spreads (2). */
  percentAggressive: number;
  depthSpread: number;
}

export class AbidesValue extends Trader {
  readonly classId = InvestorClass.INSTITUTION;
  /** Its onFill reads only the lots and the order id. */
  override readonly fillsInBatches = true;
  private readonly open = new OpenOrders();
  private readonly logDecay: number;

  constructor(
    exchange: Exchange,
    symbols: number,
    private readonly rng: RandomSource,
    private readonly p: AbidesValueParams,
  ) {
    super(exchange, symbols);
    this.logDecay = logDecayOf(p.kappaPerNs);
  }

  start(k: Kernel): void {
    k.wakeAt(this.id, this.p.openNs + Math.round(exponential(this.rng, this.p.meanWakeNs)));
  }

  /** r_T at time t from an observation `obs`. */
  estimate(obs: number, t: number): number {
    const p = this.p;
    return Math.round(p.meanCents + (obs - p.meanCents) * discountFactor(this.logDecay, p.closeNs - t));
  }

  wake(k: Kernel): void {
    const p = this.p;
    const s = p.symbol;
    k.wakeIn(this.id, Math.max(1, Math.round(exponential(this.rng, p.meanWakeNs))));
    for (let i = 0; i < this.open.count; i++) this.cancel(k, s, this.open.idAt(i));
    this.open.clear();
    const rT = this.estimate(p.oracle.observe(k.now, this.rng, p.observationVariance), k.now);
    const bid = this.exchange.bestBid(s);
    const ask = this.exchange.bestAsk(s);
    let side: number;
    let price: number;
    if (bid !== null && ask !== null) {
      const mid = Math.floor((bid + ask) / 2);
      const spread = ask - bid;
      const adjust = this.rng.nextFloat() < p.percentAggressive ? 0 : uniformInt(this.rng, 0, Math.max(1, p.depthSpread * spread) - 1);
      side = rT < mid ? 1 : 0;
      price = side === 1 ? bid + adjust : ask - adjust;
    } else {
      side = uniformInt(this.rng, 0, 1) === 1 ? 0 : 1;
      price = rT;
    }
    const size = mixtureOrderSize(this.rng);
    if (size > 0 && price >= 1) this.open.add(this.limit(k, s, side, price, size), size);
  }

  protected override onFill(_k: Kernel, _symbol: number, _side: number, _price: number, qty: number, orderId: number): void {
    this.open.fill(orderId, qty);
  }

  protected override onDone(_k: Kernel, _symbol: number, orderId: number): void {
    this.open.drop(orderId);
  }
}
