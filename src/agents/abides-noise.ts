// ABIDES's noise agent (abides-markets agents/noise_agent.py, as configured by RMSC04): one
// order, once. Its wake time w is drawn once, U-quadratic on [windowStart, windowEnd] (density
// 12 (u - 1/2)^2 on [0, 1], inverse CDF u = 1/2 + cbrt(y/4 - 1/8), y ~ U(0, 1); abides-core
// utils.py): most agents wake near the ends of the window. Its first trading wake is at the open
// plus U{0..99} ns; if w is later it sleeps until w, else it acts at once. Acting: side 50/50,
// size from the order-size mixture, a limit order at the opposite touch (buy at the best ask,
// sell at the best bid); nothing when that side of the book is empty or the size is 0. It never
// wakes again and never cancels. Where ours differs: ABIDES asks the exchange for the spread and
// orders on the reply, a round trip later; ours reads the book at the wake.
import { dexp, dlog } from '../core/detmath.ts';
import { uniformInt } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import { InvestorClass } from './classes.ts';
import { mixtureOrderSize } from './order-size-mixture.ts';
import { Trader } from './trader.ts';

export interface AbidesNoiseParams {
  symbol: number;
  /** The open (first trading wake), ns from the run's start. */
  openNs: number;
  /** The window its one wake time is drawn in, ns from the run's start (may start before the open). */
  windowStartNs: number;
  windowEndNs: number;
}

/** A U-quadratic draw on [0, 1] from uniform y: 1/2 + cbrt(y/4 - 1/8). */
export function uQuadratic(y: number): number {
  const x = y / 4 - 1 / 8;
  const c = x === 0 ? 0 : x > 0 ? dexp(dlog(x) / 3) : -dexp(dlog(-x) / 3);
  return 0.5 + c;
}

export class AbidesNoise extends Trader {
  readonly classId = InvestorClass.NOISE;
  /** It acts on no reply: the exchange settles it directly. */
  override readonly settlesAtExchange = true;
  /** Its one wake time, ns. */
  readonly wakeNs: number;

  constructor(
    exchange: Exchange,
    symbols: number,
    private readonly rng: RandomSource,
    private readonly p: AbidesNoiseParams,
  ) {
    super(exchange, symbols);
    if (!(p.windowEndNs > p.windowStartNs)) throw new RangeError(`noise window must end after it starts, got ${p.windowStartNs}..${p.windowEndNs}`);
    this.wakeNs = Math.floor(p.windowStartNs + uQuadratic(rng.nextFloat()) * (p.windowEndNs - p.windowStartNs));
  }

  start(k: Kernel): void {
    const first = this.p.openNs + uniformInt(this.rng, 0, 99);
    k.wakeAt(this.id, this.wakeNs > first ? this.wakeNs : first);
  }

  wake(k: Kernel): void {
    const s = this.p.symbol;
    const buy = uniformInt(this.rng, 0, 1) === 1;
    const size = mixtureOrderSize(this.rng);
    const price = buy ? this.exchange.bestAsk(s) : this.exchange.bestBid(s);
    if (price !== null && size > 0) this.limit(k, s, buy ? 0 : 1, price, size);
  }
}
