// ABIDES's momentum agent (abides-markets agents/examples/momentum_agent.py, as configured by
// RMSC04). It wakes on a Poisson clock (mean gap meanWakeNs, first wake at the open plus one
// gap). At each wake with a two-sided book it samples the mid (bid + ask) / 2; once it has more
// than `short` samples it also keeps the mean of the last `short`, and once more than `long`, the
// mean of the last `long`, both rounded to 2 decimals (of a cent). From then on, at each wake with
// a two-sided book: size from the order-size mixture; buy `size` at the best ask when the short
// mean >= the long mean, else sell at the best bid (limit orders at the touch; their rest stays
// in the book). It never cancels. Where ours differs: ABIDES orders on the reply to a spread
// query (a round trip after the wake) and times the next wake from that reply.
import { exponential } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Exchange } from '../market/exchange.ts';
import { InvestorClass } from './classes.ts';
import { mixtureOrderSize } from './order-size-mixture.ts';
import { Trader } from './trader.ts';

export interface AbidesMomentumParams {
  symbol: number;
  openNs: number;
  meanWakeNs: number;
  /** Samples in the short and the long moving average (20 and 50 in RMSC04). */
  short: number;
  long: number;
}

/** x rounded to 2 decimals, as Python's round(x, 2) for the values seen here. */
const round2 = (x: number): number => Math.round(x * 100) / 100;

export class AbidesMomentum extends Trader {
  readonly classId = InvestorClass.FAST_MONEY;
  /** It acts on no reply: the exchange settles it directly. */
  override readonly settlesAtExchange = true;
  /** The last `long` mids (a ring) and how many mids were sampled. */
  private readonly mids: Float64Array;
  private samples = 0;

  constructor(
    exchange: Exchange,
    symbols: number,
    private readonly rng: RandomSource,
    private readonly p: AbidesMomentumParams,
  ) {
    super(exchange, symbols);
    if (!(Number.isInteger(p.short) && p.short >= 1 && p.long > p.short)) throw new RangeError(`momentum windows need 1 <= short < long, got ${p.short} and ${p.long}`);
    this.mids = new Float64Array(p.long);
  }

  start(k: Kernel): void {
    k.wakeAt(this.id, this.p.openNs + Math.round(exponential(this.rng, this.p.meanWakeNs)));
  }

  wake(k: Kernel): void {
    const s = this.p.symbol;
    const bid = this.exchange.bestBid(s);
    const ask = this.exchange.bestAsk(s);
    if (bid !== null && ask !== null) {
      const L = this.p.long;
      this.mids[this.samples % L] = (bid + ask) / 2;
      this.samples++;
      if (this.samples > L) {
        const short = round2(this.meanOfLast(this.p.short));
        const long = round2(this.meanOfLast(L));
        const size = mixtureOrderSize(this.rng);
        if (size > 0) {
          if (short >= long) this.limit(k, s, 0, ask, size);
          else this.limit(k, s, 1, bid, size);
        }
      }
    }
    k.wakeIn(this.id, Math.max(1, Math.round(exponential(this.rng, this.p.meanWakeNs))));
  }

  /** Mean of the last n sampled mids (n <= long). */
  private meanOfLast(n: number): number {
    const L = this.p.long;
    let sum = 0;
    for (let j = 1; j <= n; j++) sum += this.mids[(this.samples - j) % L];
    return sum / n;
  }
}
