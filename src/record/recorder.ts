// The recorder of a run: the exchange's trade sink and a kernel agent in one. As a TradeSink it
// extends the TradeTape (same columns, same tape hash over trades) and, per trade, adds to the
// one-minute bars and the per-class net flows. As an agent it wakes every `sampleNs` (default
// 1 s) from `startNs` on (with `session`, during trading hours only) and samples each symbol's
// level-1 quote (bid, ask, mid) from the exchange. After the run, `finish(endNs)` closes the bars and, if traders were tracked, works
// out positions and P&L per investor class. Nothing on the trade or sampling path allocates
// except when a column doubles.
//
// Trade sides (the TradeSink contract as read here): takerSide 0 means the taker bought from
// the maker, 1 that the taker sold to the maker, and 2 marks an auction trade, for which
// `makerAgent` is the seller and `takerAgent` the buyer (as src/market/exchange.ts prints
// auctions, TAKER_SIDE_AUCTION). Any other value is refused.
//
// Wiring (the exchange needs the recorder as its sink before the recorder can read quotes):
//   const rec = new Recorder({ symbols, referencePrices, centsPerTickLot });
//   const ex = new Exchange({ ..., sink: rec }); kernel.add(ex);  ... add traders ...
//   rec.attach(ex); rec.setAgentClasses(agentClassMap(kernel.agents)); rec.trackHoldings(traders);
//   kernel.add(rec); kernel.run(endNs); rec.finish(endNs);
// then `writeRecording(dir, rec)` from src/record/node writes the files.

import { NS_PER_MINUTE, NS_PER_SECOND } from '../core/units.ts';
import { INVESTOR_CLASS_NAMES } from '../agents/classes.ts';
import type { Agent, Kernel } from '../kernel/kernel.ts';
import type { Calendar } from '../market/calendar.ts';
import { MinuteBars } from './bars.ts';
import { daySummaries, type DaySummary } from './day-summary.ts';
import { ticksToUsd } from './dollars.ts';
import { ClassFlows } from './flows.ts';
import { classHoldings, snapshotHoldings, type ClassHoldings, type Holder, type HoldingsSnapshot } from './holdings.ts';
import { QuoteSeries } from './quotes.ts';
import { TradeTape } from './trade-tape.ts';

/** Class code of an agent that belongs to no investor class (the exchange, the recorder). */
export const NO_CLASS = 255;

/** The level-1 view the recorder samples (the Exchange satisfies it). */
export interface QuoteSource {
  bestBid(symbol: number): number | null;
  bestAsk(symbol: number): number | null;
  mid(symbol: number): number;
  /** Last trade price per symbol (ticks): the mark price for P&L. */
  readonly last: ArrayLike<number>;
}

export interface SessionHours {
  /** Length of a day (ns), e.g. 86,400 s. */
  dayNs: number;
  /** Session open and close, ns after the day's start. */
  openNs: number;
  closeNs: number;
  /** Which days have a session and where each starts (default: every day, day d at startNs + d x dayNs). */
  calendar?: Calendar;
}

export interface RecorderOptions {
  /** Symbol names; symbol i is index i, as at the exchange. */
  symbols: readonly string[];
  /** Previous close per symbol (ticks): carried into bars before the first trade, base of day 0's return. */
  referencePrices: readonly number[];
  /** Cents per tick per lot per symbol, as at the exchange; default 1. */
  centsPerTickLot?: readonly number[];
  /** Quote sampling interval (ns); default 1 s. */
  sampleNs?: number;
  /** Bar length (ns); default 1 minute. */
  barNs?: number;
  /** Time of the first sample and of minute 0 (ns); default 0. */
  startNs?: number;
  /** Bars per trading day, for day summaries and the `day` column; default: the whole run is one day. Not with `session`. */
  minutesPerDay?: number;
  /**
   * Trading hours, for an exchange with a day schedule: day d runs from startNs + d x dayNs, its
   * session from openNs to closeNs after that (e.g. 09:30 and 16:00). Bars then cover only the
   * session: minute 0 of a day starts at its open, and a day has ceil((closeNs - openNs) / barNs)
   * bars; a trade at or after the close (the closing auction) counts in the day's last bar, one
   * before the open in its first. Quotes are sampled from the open, every sampleNs, while before
   * the close.
   */
  session?: SessionHours;
  /**
   * Real shares one simulated lot stands for (default 1). Applied alike to volumes (shares =
   * lots x factor) and flows (shares, and cents x factor) in summaries and outputs; raw lots and
   * cents are kept beside them. It assumes a simulated lot is one simulated share priced at the
   * real price (centsPerTickLot = cents per tick).
   */
  realSharesPerLot?: number;
  /** Per symbol, overriding realSharesPerLot (each symbol's volume scale). */
  sharesPerLot?: readonly number[];
  /** Agent id -> investor class code (NO_CLASS for agents that never trade). */
  agentClass?: Uint8Array;
  /** Names of the class codes; default INVESTOR_CLASS_NAMES. */
  classNames?: readonly string[];
  /** Keep every trade's row (for trades.csv / trades.parquet); default true. False keeps the count and the tape hash. */
  tradeRows?: boolean;
}

export class Recorder extends TradeTape implements Agent {
  id = -1;
  readonly symbols: readonly string[];
  readonly classNames: readonly string[];
  readonly referencePrices: Float64Array;
  readonly centsPerTickLot: Float64Array;
  readonly sampleNs: number;
  readonly barNs: number;
  readonly startNs: number;
  readonly minutesPerDay: number;
  readonly realSharesPerLot: number;
  /** Real shares per lot of each symbol. */
  readonly sharesPerLot: Float64Array;
  readonly session: Readonly<SessionHours> | null;
  readonly bars: MinuteBars;
  readonly flows: ClassFlows;
  readonly quotes = new QuoteSeries();
  /** Positions and P&L by class, set by `finish` when traders were tracked. */
  holdings: ClassHoldings | null = null;
  /** Last trade price per symbol at `finish` (the mark price). */
  lastPrice: Float64Array;
  private agentClass: Uint8Array;
  private source: QuoteSource | null = null;
  private holders: readonly Holder[] | null = null;
  private initial: HoldingsSnapshot | null = null;
  private nextSample = 0;
  private endNs = Number.NaN;

  constructor(options: RecorderOptions) {
    super(options.tradeRows ?? true);
    const S = options.symbols.length;
    if (S === 0) throw new RangeError('the recorder needs at least one symbol');
    if (options.referencePrices.length !== S) throw new RangeError('referencePrices must give one price per symbol');
    this.symbols = options.symbols;
    this.classNames = options.classNames ?? INVESTOR_CLASS_NAMES;
    this.referencePrices = Float64Array.from(options.referencePrices);
    this.lastPrice = Float64Array.from(options.referencePrices);
    this.centsPerTickLot = Float64Array.from(options.centsPerTickLot ?? options.symbols.map(() => 1));
    if (this.centsPerTickLot.length !== S) throw new RangeError('centsPerTickLot must give one value per symbol');
    this.sampleNs = positiveInt(options.sampleNs ?? NS_PER_SECOND, 'sampleNs');
    this.barNs = positiveInt(options.barNs ?? NS_PER_MINUTE, 'barNs');
    this.startNs = options.startNs ?? 0;
    if (!Number.isSafeInteger(this.startNs) || this.startNs < 0) throw new RangeError(`startNs must be a non-negative integer, got ${this.startNs}`);
    this.session = options.session ?? null;
    if (this.session !== null) {
      const { dayNs, openNs, closeNs } = this.session;
      positiveInt(dayNs, 'session.dayNs');
      if (!Number.isSafeInteger(openNs) || !Number.isSafeInteger(closeNs) || !(0 <= openNs && openNs < closeNs && closeNs <= dayNs)) {
        throw new RangeError(`session must satisfy 0 <= openNs < closeNs <= dayNs, got ${openNs}, ${closeNs}, ${dayNs}`);
      }
      if (options.minutesPerDay !== undefined) throw new RangeError('give minutesPerDay or session, not both');
      this.minutesPerDay = Math.ceil((closeNs - openNs) / this.barNs);
    } else {
      this.minutesPerDay = options.minutesPerDay ?? Infinity;
      if (this.minutesPerDay !== Infinity) positiveInt(this.minutesPerDay, 'minutesPerDay');
    }
    this.realSharesPerLot = options.realSharesPerLot ?? 1;
    if (!(this.realSharesPerLot > 0 && Number.isFinite(this.realSharesPerLot))) throw new RangeError(`realSharesPerLot must be positive, got ${this.realSharesPerLot}`);
    this.sharesPerLot = Float64Array.from(options.sharesPerLot ?? options.symbols.map(() => this.realSharesPerLot));
    if (this.sharesPerLot.length !== S) throw new RangeError('sharesPerLot must give one value per symbol');
    for (const x of this.sharesPerLot) if (!(x > 0 && Number.isFinite(x))) throw new RangeError(`sharesPerLot must be positive, got ${x}`);
    this.bars = new MinuteBars(this.referencePrices);
    this.flows = new ClassFlows(S, this.classNames.length);
    this.agentClass = new Uint8Array(0);
    if (options.agentClass) this.setAgentClasses(options.agentClass);
  }

  /** Sets the quote source sampled on each wake-up (the exchange). */
  attach(source: QuoteSource): this {
    this.source = source;
    return this;
  }

  /** Sets the agent id -> class code map; every agent that trades must have a known class. */
  setAgentClasses(map: Uint8Array): this {
    for (let i = 0; i < map.length; i++) {
      if (map[i] !== NO_CLASS && map[i] >= this.classNames.length) throw new RangeError(`agent ${i} has class ${map[i]}, outside the ${this.classNames.length} known classes`);
    }
    this.agentClass = map;
    return this;
  }

  /** Traders whose positions and P&L are reported by class; snapshotted when the run starts. */
  trackHoldings(holders: readonly Holder[]): this {
    this.holders = holders;
    return this;
  }

  start(k: Kernel): void {
    if (this.source === null) throw new Error('Recorder: attach(exchange) before the run starts');
    if (this.holders !== null) this.initial = snapshotHoldings(this.holders, this.symbols.length);
    this.nextSample = this.sampleTimeFrom(Math.max(this.startNs, k.now));
    k.wakeAt(this.id, this.nextSample);
  }

  wake(k: Kernel): void {
    const src = this.source!;
    const t = k.now;
    const minute = this.barOf(t);
    for (let s = 0; s < this.symbols.length; s++) {
      const bid = src.bestBid(s);
      const ask = src.bestAsk(s);
      const mid = src.mid(s);
      this.quotes.add(t, s, bid === null ? Number.NaN : bid, ask === null ? Number.NaN : ask, mid);
      this.bars.sampleMid(minute, s, mid);
    }
    this.nextSample = this.session === null ? this.nextSample + this.sampleNs : this.sampleTimeFrom(this.nextSample + this.sampleNs);
    k.wakeAt(this.id, this.nextSample);
  }

  receive(): void {}

  override trade(time: number, symbol: number, price: number, qty: number, makerAgent: number, takerAgent: number, takerSide: number): void {
    super.trade(time, symbol, price, qty, makerAgent, takerAgent, takerSide);
    if (time < this.startNs) throw new RangeError(`trade at ${time} ns, before the recorder's start ${this.startNs} ns`);
    const minute = this.barOf(time);
    const cents = price * qty * this.centsPerTickLot[symbol];
    this.bars.trade(minute, symbol, price, qty, cents);
    let buyer: number;
    let seller: number;
    if (takerSide === 1) {
      buyer = makerAgent;
      seller = takerAgent;
    } else if (takerSide === 0 || takerSide === 2) {
      buyer = takerAgent;
      seller = makerAgent;
    } else {
      throw new RangeError(`trade with takerSide ${takerSide}: expected 0 (buy), 1 (sell) or 2 (auction)`);
    }
    this.flows.trade(minute, symbol, qty, cents, this.classOf(buyer), this.classOf(seller));
  }

  /**
   * Closes the recording at `endNs`: bars cover every bar that starts before endNs
   * (a trailing minute holding only a boundary quote sample is dropped), and positions and P&L
   * by class are worked out at the source's last trade prices.
   */
  finish(endNs: number): this {
    this.endNs = endNs;
    const n = Math.max(1, this.barsBefore(endNs));
    this.bars.advance(n - 1);
    this.bars.trimTo(n);
    this.flows.advance(this.bars.minutes - 1);
    if (this.source !== null) this.lastPrice = Float64Array.from(this.source.last);
    if (this.holders !== null && this.initial !== null) {
      this.holdings = classHoldings(this.holders, this.initial, this.symbols, this.classNames, this.lastPrice, this.referencePrices, this.centsPerTickLot);
    }
    return this;
  }

  /** The session of time x (ns after startNs): the one on x's day, else the next one. */
  private sessionAt(x: number): number {
    const ses = this.session as SessionHours;
    const cal = ses.calendar;
    if (cal === undefined) return Math.floor(x / ses.dayNs);
    const d = cal.sessionOn(x);
    return d >= 0 ? d : cal.sessionAfter(x);
  }

  /** Start of session d's day, ns after startNs. */
  private dayStartOf(d: number): number {
    const ses = this.session as SessionHours;
    return ses.calendar === undefined ? d * ses.dayNs : ses.calendar.midnight(d);
  }

  /** Bar index (minute counted over the recorded sessions) of time `t` (>= startNs). */
  barOf(t: number): number {
    const x = t - this.startNs;
    const ses = this.session;
    if (ses === null) return Math.floor(x / this.barNs);
    const day = this.sessionAt(x);
    let m = Math.floor((x - this.dayStartOf(day) - ses.openNs) / this.barNs);
    if (m < 0) m = 0;
    else if (m >= this.minutesPerDay) m = this.minutesPerDay - 1;
    return day * this.minutesPerDay + m;
  }

  /** Bars that start before time `t`. */
  barsBefore(t: number): number {
    const x = t - this.startNs;
    const ses = this.session;
    if (ses === null) return Math.ceil(x / this.barNs);
    const day = this.sessionAt(x);
    const m = Math.ceil((x - this.dayStartOf(day) - ses.openNs) / this.barNs);
    return day * this.minutesPerDay + Math.min(this.minutesPerDay, Math.max(0, m));
  }

  /** The first sample time at or after `t`: on the grid startNs + j x sampleNs, or, with a session, open + j x sampleNs inside a session. */
  private sampleTimeFrom(t: number): number {
    const ses = this.session;
    if (ses === null) return this.startNs + Math.ceil((t - this.startNs) / this.sampleNs) * this.sampleNs;
    const x = t - this.startNs;
    let day = this.sessionAt(x);
    const inDay = x - this.dayStartOf(day);
    let j = inDay <= ses.openNs ? 0 : Math.ceil((inDay - ses.openNs) / this.sampleNs);
    if (ses.openNs + j * this.sampleNs >= ses.closeNs) {
      day++;
      j = 0;
    }
    return this.startNs + this.dayStartOf(day) + ses.openNs + j * this.sampleNs;
  }

  /** Day index of bar minute `m`. */
  dayOf(minute: number): number {
    return this.minutesPerDay === Infinity ? 0 : Math.floor(minute / this.minutesPerDay);
  }

  /** Minute of the day of bar minute `m`. */
  minuteOfDay(minute: number): number {
    return this.minutesPerDay === Infinity ? minute : minute % this.minutesPerDay;
  }

  days(): DaySummary[] {
    return daySummaries(this.bars, this.symbols, this.referencePrices, this.minutesPerDay);
  }

  /** A price of `symbol` in ticks as real dollars a share (record/dollars.ts). */
  priceUsd(symbol: number, ticks: number): number {
    return ticksToUsd(ticks, this.centsPerTickLot[symbol]);
  }

  /** Everything but the columns, as one JSON-ready object (summary.json). */
  summary(): RecordingSummary {
    const f = this.realSharesPerLot;
    const flows: FlowTotal[] = [];
    for (let s = 0; s < this.symbols.length; s++) {
      const f = this.sharesPerLot[s];
      for (let c = 0; c < this.classNames.length; c++) {
        const i = s * this.classNames.length + c;
        const buy = this.flows.buyLots[i];
        const sell = this.flows.sellLots[i];
        if (buy === 0 && sell === 0) continue;
        const net = this.flows.netLots(s, c);
        const cents = this.flows.netCents(s, c);
        flows.push({ symbol: this.symbols[s], class: this.classNames[c], buyLots: buy, sellLots: sell, netLots: net, netCents: cents, netShares: net * f, netRealCents: cents * f });
      }
    }
    return {
      symbols: [...this.symbols],
      realSharesPerLot: f,
      sharesPerLot: Array.from(this.sharesPerLot),
      sampleNs: this.sampleNs,
      barNs: this.barNs,
      startNs: this.startNs,
      endNs: this.endNs,
      minutesPerDay: this.minutesPerDay === Infinity ? null : this.minutesPerDay,
      session: this.session === null ? null : { dayNs: this.session.dayNs, openNs: this.session.openNs, closeNs: this.session.closeNs },
      trades: this.count,
      quoteSamples: this.quotes.count,
      tapeHash: this.hash(),
      days: this.days().map((d) => ({ ...d, volumeShares: d.volumeLots * this.sharesPerLot[this.symbols.indexOf(d.symbol)] })),
      flows,
      holdings: this.holdings,
    };
  }

  private classOf(agent: number): number {
    const c = this.agentClass[agent];
    if (c === undefined || c === NO_CLASS) throw new RangeError(`agent ${agent} traded but has no investor class in the recorder's map (${this.agentClass.length} entries)`);
    return c;
  }
}

export interface FlowTotal {
  symbol: string;
  class: string;
  buyLots: number;
  sellLots: number;
  netLots: number;
  netCents: number;
  netShares: number;
  netRealCents: number;
}

export interface RecordingSummary {
  symbols: string[];
  realSharesPerLot: number;
  sharesPerLot: number[];
  sampleNs: number;
  barNs: number;
  startNs: number;
  endNs: number;
  minutesPerDay: number | null;
  session: Readonly<SessionHours> | null;
  trades: number;
  quoteSamples: number;
  tapeHash: string;
  days: (DaySummary & { volumeShares: number })[];
  flows: FlowTotal[];
  holdings: ClassHoldings | null;
}

/** Agent id -> class code for a kernel's agents: an agent's `classId` if it has one, else NO_CLASS. */
export function agentClassMap(agents: readonly object[]): Uint8Array {
  const map = new Uint8Array(agents.length).fill(NO_CLASS);
  agents.forEach((a, i) => {
    const c = (a as { classId?: unknown }).classId;
    if (typeof c === 'number') map[i] = c;
  });
  return map;
}

function positiveInt(x: number, name: string): number {
  if (!Number.isSafeInteger(x) || x <= 0) throw new RangeError(`${name} must be a positive integer, got ${x}`);
  return x;
}
