// Time-aware exponential moving averages of the log price, sampled at a trader's wake-ups:
//   a = 1 - exp(-dt / tau),   ema <- ema + a (x - ema)
// for a fast and a slow time constant. The trend signal is the crossover ema_fast - ema_slow
// (a log return); the deviation x - ema_slow is how far the price stands from its recent average.
// Irregular wake-ups are handled by the dt in a (Brown 1963; the EMA crossover of trend followers).
import { dexp } from '../core/detmath.ts';

export class EmaTrend {
  fast = 0;
  slow = 0;
  last = 0;
  private lastNs = -1;

  constructor(
    readonly fastNs: number,
    readonly slowNs: number,
  ) {
    if (!(fastNs > 0) || !(slowNs > 0)) throw new RangeError(`EMA time constants must be > 0 ns, got ${fastNs} and ${slowNs}`);
  }

  /** Feeds the log price x observed at time `now` (ns). */
  update(x: number, now: number): void {
    if (this.lastNs < 0) {
      this.fast = x;
      this.slow = x;
    } else {
      const dt = now - this.lastNs;
      if (dt > 0) {
        const as = 1 - dexp(-dt / this.slowNs);
        this.fast += (this.fastNs === this.slowNs ? as : 1 - dexp(-dt / this.fastNs)) * (x - this.fast);
        this.slow += as * (x - this.slow);
      }
    }
    this.last = x;
    this.lastNs = now;
  }

  /** ema_fast - ema_slow. */
  get crossover(): number {
    return this.fast - this.slow;
  }

  /** x - ema_slow. */
  get deviation(): number {
    return this.last - this.slow;
  }
}
