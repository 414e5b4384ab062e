// The exchange's timeline: each symbol's session state over time (schedule.ts codes), driven by
// the exchange's own timers. With a schedule, the day of every session of the calendar:
//   closed      until the pre-open (04:00) and after the close; the book is empty.
//   pre-open    orders are collected for the opening auction (auctions.ts); the day's on-close
//               cutoff (15:50) is set and the day's record (DayPrices) opened.
//   09:30       opening auction at reference = previous close; the official open is its price
//               (null if nothing traded); then continuous trading (banded with LULD).
//   16:00       closing auction at reference = last trade (within +-closingCollar of it when
//               given); the official close is its price, or the last trade if it did not trade,
//               and becomes the next day's previous close. Then closed until the next session.
// With LULD (luld.ts bands, with or without a schedule), when a band moves, resting orders
// beyond it are repriced onto it (no priority kept, owner not told); with a schedule the bands
// are wide for `wideAfterOpenNs` after the open and the last `wideBeforeCloseNs` before the
// close. A symbol is in the limit state while its best bid is at the upper band or its best
// offer at the lower band (a clamped order that rests sits at the band and so causes it; a
// clamped market or IOC order's cancelled remainder does not). A limit state not left within
// `limitStateNs` becomes a pause of `pauseNs` (orders collected as in the pre-open, book kept,
// listed in `halts`), ended by a reopening auction at reference = last trade that restarts the
// band from its price. A pause running into the close ends there (the close includes its orders).
// Timers are kept in time order (ties in filing order) and each asks the kernel for a wake-up.

import { BUY, SELL } from '../book/codes.ts';
import type { OrderBook } from '../book/order-book.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Auctions } from './auctions.ts';
import type { Calendar } from './calendar.ts';
import type { LuldParams, PriceBand } from './luld.ts';
import type { Outbox } from './outbox.ts';
import { CLOSED, CONTINUOUS, CONTINUOUS_BANDED, LIMIT_STATE, PAUSED, PRE_OPEN, type DaySchedule } from './schedule.ts';

/** A trading pause of one symbol; `end` is null while it lasts. */
export interface Halt {
  symbol: number;
  start: number;
  end: number | null;
}

/** Official prices of one trading day, per symbol (ticks). */
export interface DayPrices {
  day: number;
  /** Opening auction price, or null if the opening auction did not trade. */
  open: (number | null)[];
  /** Closing auction price, or the last trade if it did not trade; null until the close. */
  close: (number | null)[];
}

/** The exchange's state the timeline reads and writes (all of it public on Exchange). */
export interface Venue {
  readonly id: number;
  readonly books: readonly OrderBook[];
  readonly symbols: readonly string[];
  readonly last: Float64Array;
  readonly prevClose: Float64Array;
  readonly days: DayPrices[];
  readonly halts: Halt[];
  readonly bands: PriceBand[] | null;
  readonly schedule: DaySchedule | null;
  readonly calendar: Calendar;
  readonly closingCollar: number;
}

// Timer kinds.
const T_PRE_OPEN = 0;
const T_OPEN = 1;
const T_BANDS = 2;
const T_CLOSE = 3;
const T_LIMIT = 4;
const T_REOPEN = 5;

interface Timer {
  t: number;
  kind: number;
  symbol: number;
  arg: number;
}

export class Sessions {
  /** Session state code per symbol (schedule.ts); the exchange's hot path compares it to CONTINUOUS. */
  readonly code: Uint8Array;
  /** The current day's on-close cutoff (ns); -1 outside a day. */
  cutoffAt = -1;
  /** When each symbol entered the limit state (ns), or -1. */
  private readonly limitSince: Float64Array;
  private readonly timers: Timer[] = [];
  /** Whether the bands are in their wide period (after the open, before the close). */
  private wide = false;

  constructor(
    private readonly ex: Venue,
    private readonly luld: LuldParams | null,
    private readonly auctions: Auctions,
    private readonly out: Outbox,
  ) {
    const n = ex.symbols.length;
    this.code = new Uint8Array(n).fill(ex.schedule !== null ? CLOSED : luld !== null ? CONTINUOUS_BANDED : CONTINUOUS);
    this.limitSince = new Float64Array(n).fill(-1);
  }

  /** Files the first session's timers (with a schedule). */
  start(k: Kernel): void {
    if (this.ex.schedule !== null) this.scheduleDay(k, this.ex.calendar.sessionAfter(k.now));
  }

  /** Fires every timer that is due. */
  wake(k: Kernel): void {
    const timers = this.timers;
    while (timers.length > 0 && timers[0].t <= k.now) {
      const x = timers.shift() as Timer;
      this.fire(k, x);
    }
  }

  // ------------------------------------------------------------ LULD

  /** Moves resting orders beyond the band onto it (bids above the upper, offers below the lower). */
  reprice(symbol: number): void {
    const band = (this.ex.bands as PriceBand[])[symbol];
    const book = this.ex.books[symbol];
    for (let bid = book.bestBid(); bid !== null && bid > band.upper; bid = book.bestBid()) {
      for (const o of book.snapshot(BUY)[0].orders) book.modify(o.id, undefined, band.upper);
    }
    for (let ask = book.bestAsk(); ask !== null && ask < band.lower; ask = book.bestAsk()) {
      for (const o of book.snapshot(SELL)[0].orders) book.modify(o.id, undefined, band.lower);
    }
  }

  /** Enters or leaves the limit state after anything that may have changed the touch or the band. */
  checkLimit(k: Kernel, symbol: number): void {
    const code = this.code[symbol];
    if (code !== CONTINUOUS_BANDED && code !== LIMIT_STATE) return;
    const at = this.atBand(symbol);
    if (at && code === CONTINUOUS_BANDED) {
      this.code[symbol] = LIMIT_STATE;
      this.limitSince[symbol] = k.now;
      this.addTimer(k, k.now + (this.luld as LuldParams).limitStateNs, T_LIMIT, symbol, k.now);
    } else if (!at && code === LIMIT_STATE) {
      this.code[symbol] = CONTINUOUS_BANDED;
      this.limitSince[symbol] = -1;
    }
  }

  private atBand(symbol: number): boolean {
    const band = (this.ex.bands as PriceBand[])[symbol];
    const book = this.ex.books[symbol];
    const bid = book.bestBid();
    const ask = book.bestAsk();
    return (bid !== null && bid >= band.upper) || (ask !== null && ask <= band.lower);
  }

  private restartBand(k: Kernel, symbol: number, reference: number): void {
    (this.ex.bands as PriceBand[])[symbol].reset(reference, this.wide);
    this.reprice(symbol);
    this.checkLimit(k, symbol);
  }

  private endHalt(symbol: number, now: number): void {
    const halts = this.ex.halts;
    for (let j = halts.length - 1; j >= 0; j--) {
      const h = halts[j];
      if (h.symbol === symbol && h.end === null) {
        h.end = now;
        return;
      }
    }
  }

  // ------------------------------------------------------------ timers

  private scheduleDay(k: Kernel, day: number): void {
    const s = this.ex.schedule as DaySchedule;
    const base = this.ex.calendar.midnight(day);
    if (base === Infinity) return; // past the calendar's last session
    this.addTimer(k, base + s.preOpen, T_PRE_OPEN, -1, day);
    this.addTimer(k, base + s.open, T_OPEN, -1, day);
    if (this.luld !== null) {
      this.addTimer(k, Math.min(base + s.open + this.luld.wideAfterOpenNs, base + s.close), T_BANDS, -1, 0);
      this.addTimer(k, Math.max(base + s.close - this.luld.wideBeforeCloseNs, base + s.open), T_BANDS, -1, 1);
    }
    this.addTimer(k, base + s.close, T_CLOSE, -1, day);
  }

  /** Files a timer (kept in time order, ties in filing order) and asks the kernel for a wake-up. */
  private addTimer(k: Kernel, t: number, kind: number, symbol: number, arg: number): void {
    const timers = this.timers;
    let i = timers.length;
    while (i > 0 && timers[i - 1].t > t) i--;
    timers.splice(i, 0, { t, kind, symbol, arg });
    k.wakeAt(this.ex.id, t);
  }

  private fire(k: Kernel, x: Timer): void {
    const ex = this.ex;
    const n = ex.symbols.length;
    const now = k.now;
    switch (x.kind) {
      case T_PRE_OPEN: {
        const s = ex.schedule as DaySchedule;
        this.cutoffAt = ex.calendar.midnight(x.arg) + s.onCloseCutoff;
        ex.days.push({ day: x.arg, open: new Array<number | null>(n).fill(null), close: new Array<number | null>(n).fill(null) });
        for (let i = 0; i < n; i++) this.code[i] = PRE_OPEN;
        break;
      }
      case T_OPEN: {
        const rec = ex.days[ex.days.length - 1];
        this.wide = true;
        for (let i = 0; i < n; i++) {
          const r = this.auctions.run(k, i, ex.prevClose[i], false);
          if (r.volume > 0) rec.open[i] = r.price;
          this.code[i] = ex.bands === null ? CONTINUOUS : CONTINUOUS_BANDED;
          if (ex.bands !== null) this.restartBand(k, i, r.volume > 0 ? r.price : ex.prevClose[i]);
          this.out.quoteAfter(now, i);
        }
        break;
      }
      case T_BANDS: {
        this.wide = x.arg === 1;
        if (ex.bands === null) break;
        for (let i = 0; i < n; i++) {
          if (ex.bands[i].setWide(this.wide) && (this.code[i] === CONTINUOUS_BANDED || this.code[i] === LIMIT_STATE)) {
            this.reprice(i);
            this.checkLimit(k, i);
            this.out.quoteAfter(now, i);
          }
        }
        break;
      }
      case T_CLOSE: {
        const rec = ex.days[ex.days.length - 1];
        for (let i = 0; i < n; i++) {
          if (this.code[i] === PAUSED) this.endHalt(i, now);
          const r = this.auctions.run(k, i, ex.last[i], true, ex.closingCollar);
          const close = r.volume > 0 ? r.price : ex.last[i];
          rec.close[i] = close;
          ex.prevClose[i] = close;
          this.code[i] = CLOSED;
          this.limitSince[i] = -1;
          this.out.quoteAfter(now, i);
        }
        this.cutoffAt = -1;
        this.scheduleDay(k, x.arg + 1);
        break;
      }
      case T_LIMIT: {
        const i = x.symbol;
        if (this.code[i] !== LIMIT_STATE || this.limitSince[i] !== x.arg) break;
        if (!this.atBand(i)) {
          this.code[i] = CONTINUOUS_BANDED;
          this.limitSince[i] = -1;
          break;
        }
        this.code[i] = PAUSED;
        this.limitSince[i] = -1;
        ex.halts.push({ symbol: i, start: now, end: null });
        this.addTimer(k, now + (this.luld as LuldParams).pauseNs, T_REOPEN, i, 0);
        break;
      }
      case T_REOPEN: {
        const i = x.symbol;
        if (this.code[i] !== PAUSED) break;
        const r = this.auctions.run(k, i, ex.last[i], false);
        this.endHalt(i, now);
        this.code[i] = CONTINUOUS_BANDED;
        this.restartBand(k, i, r.volume > 0 ? r.price : (ex.bands as PriceBand[])[i].reference);
        this.out.quoteAfter(now, i);
        break;
      }
    }
  }
}
