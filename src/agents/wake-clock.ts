// When a trader next wakes up: after an exponential delay of mean `meanNs` drawn from its own
// stream (a Poisson clock), moved on to the next trading hours when it would fall while the
// exchange is closed. Trading hours are [pre-open, close) of each session of the exchange's
// calendar, so orders sent before the open join the opening auction; a trader that would wake
// overnight or over a weekend wakes instead a fresh exponential delay after the next pre-open
// (so the crowd does not all arrive at 04:00:00). Without a day schedule the market is always open.
// With `sleepsWhenClosed` false the clock ignores the sessions (orders sent while the market is
// closed are rejected): calm-day was tuned that way. Shared by the news-reading traders
// (institution, fast money, retail) by composition.
import { exponential } from '../core/distributions.ts';
import type { RandomSource } from '../core/rng.ts';
import { nextTradingTime } from '../market/calendar.ts';
import type { Exchange } from '../market/exchange.ts';

export class WakeClock {
  private readonly leadNs: number;

  constructor(
    private readonly exchange: Exchange,
    private readonly rng: RandomSource,
    readonly meanNs: number,
    private readonly sleepsWhenClosed = true,
    /** Wake from the open instead of the pre-open (traders that only send market orders in continuous trading). */
    fromOpen = false,
  ) {
    if (!(meanNs > 0)) throw new RangeError(`mean time between wake-ups must be > 0 ns, got ${meanNs}`);
    const s = exchange.schedule;
    this.leadNs = s === null || fromOpen ? 0 : s.open - s.preOpen;
  }

  /** Delay (ns, >= 1) from `now` to the next wake-up. */
  next(now: number): number {
    const t = now + Math.max(1, Math.floor(exponential(this.rng, this.meanNs)));
    if (this.exchange.schedule === null || !this.sleepsWhenClosed) return t - now;
    const open = nextTradingTime(this.exchange.calendar, t, this.leadNs);
    return open === t ? t - now : open - now + Math.max(1, Math.floor(exponential(this.rng, this.meanNs)));
  }
}
