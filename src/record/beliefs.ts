// Observation of the news-reading classes every 5 minutes: for every trader that holds a `Belief`
// (institutions, fast money, retail), at the end of every fifth one-minute bar of a session
// (bars 0, 5, 10, ... and the session's last),
//   value_usd(d, m, s, c) = mean over the class-c readers of symbol s of V_hat (their value
//                           estimate, belief.ts), in dollars (ticks x cents per tick / 100, dollars.ts)
//   heard_share(d, m, c, n) = share of the class-c readers (all symbols) that have heard
//                             narrative n (belief.heard[n] = 1: the news message reached them)
// beside each symbol's mid and last trade price (dollars). Written as beliefs.csv and news.csv by
// src/record/node (docs/report.md has the columns).
//
// Pure observation: the sampler never draws a random number and never schedules a kernel event.
// `runTo(kernel, until)` runs the kernel in slices that end at each sample time and reads the
// agents between slices (kernel.run(t) is sliceable: the same events in the same order whatever
// the slices, as completeRun's progress slices already rely on), so tape hashes and event counts
// are unchanged. A sample at the end of bar m of session d is taken at
//   t = startNs + dayStart(d) + openNs + (m + 1) x barNs - 1 ns  (capped at closeNs - 1 ns)
// i.e. after every event of the bar and before the next bar's first event; without a session the
// grid is startNs + (m + 1) x barNs - 1 ns. Per sample the cost is one pass over the readers (no
// allocation beyond the growing columns).
//
// A sampler is attached to its recorder (`attachBeliefSampler`) so that the node sink, which is
// handed the recorder only, finds it (`beliefSamplerOf`).
import type { Kernel } from '../kernel/kernel.ts';
import { ticksToUsd } from './dollars.ts';
import type { QuoteSource, Recorder } from './recorder.ts';

/** What the sampler reads of a news-reading trader. */
export interface BeliefReader {
  readonly classId: number;
  /** Symbol index the trader values. */
  readonly symbol: number;
  readonly belief: { readonly value: number; readonly heard: Uint8Array };
}

/** A narrative as named in news.csv. */
export interface NarrativeName {
  /** The event's label ("DeepSeek-R1"). */
  event: string;
  /** The reading's name ("naive", "jevons", "informed"). */
  reading: string;
}

export interface BeliefSamplerOptions {
  readers: readonly BeliefReader[];
  /** One name per narrative index (the order of belief.heard). */
  narratives: readonly NarrativeName[];
  /** Mid and last trade price per symbol (the exchange). */
  quotes: QuoteSource;
}

/** Bars between samples: a sample at the end of bars 0, 5, 10, ... of a session and of its last bar (the report plots every 5 minutes; a pass over every reader each minute cost ~5% of a run). */
export const SAMPLE_EVERY_MINUTES = 5;

const registry = new WeakMap<Recorder, BeliefSampler>();

/** Attaches `sampler` to `recorder` (one per recorder). */
export function attachBeliefSampler(recorder: Recorder, sampler: BeliefSampler): void {
  registry.set(recorder, sampler);
}

/** The sampler attached to `recorder`, or null. */
export function beliefSamplerOf(recorder: Recorder): BeliefSampler | null {
  return registry.get(recorder) ?? null;
}

const csvText = (x: string): string => (/[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
const num = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 1e4) / 1e4) : '');

export class BeliefSampler {
  /** Classes with at least one reader, ascending. */
  readonly classes: readonly number[];
  /** Per symbol, the classes with a reader on it. */
  readonly pairs: readonly { symbol: number; classId: number }[];
  /** Samples taken. */
  count = 0;
  /** Per sample: day and minute of the day of its bar. */
  readonly day: number[] = [];
  readonly minute: number[] = [];
  /** Per sample x pair: mean value estimate (ticks). */
  readonly value: number[] = [];
  /** Per sample x symbol: mid and last trade price (ticks). */
  readonly mid: number[] = [];
  readonly last: number[] = [];
  /** Per sample x class x narrative: share that heard it. */
  readonly heard: number[] = [];
  private readonly pairOf: Int32Array;
  private readonly classIndex: Int32Array;
  private readonly readersPerPair: Float64Array;
  private readonly readersPerClass: Float64Array;
  private readonly valueSum: Float64Array;
  private readonly heardSum: Float64Array;
  private nextDay = 0;
  private nextMinute = 0;

  constructor(
    private readonly recorder: Recorder,
    private readonly o: BeliefSamplerOptions,
  ) {
    const S = recorder.symbols.length;
    const C = recorder.classNames.length;
    const classes = new Set<number>();
    const pairIndex = new Int32Array(S * C).fill(-1);
    const pairs: { symbol: number; classId: number }[] = [];
    for (const r of o.readers) {
      if (!(r.symbol >= 0 && r.symbol < S)) throw new RangeError(`belief reader of class ${r.classId} values symbol ${r.symbol}, outside the ${S} recorded`);
      if (!(r.classId >= 0 && r.classId < C)) throw new RangeError(`belief reader has class ${r.classId}, outside the ${C} known classes`);
      if (r.belief.heard.length !== o.narratives.length) throw new RangeError(`belief reader hears ${r.belief.heard.length} narratives, the sampler names ${o.narratives.length}`);
      classes.add(r.classId);
      pairIndex[r.symbol * C + r.classId] = 0;
    }
    for (let s = 0; s < S; s++) {
      for (let c = 0; c < C; c++) {
        if (pairIndex[s * C + c] < 0) continue;
        pairIndex[s * C + c] = pairs.length;
        pairs.push({ symbol: s, classId: c });
      }
    }
    this.classes = [...classes].sort((a, b) => a - b);
    this.pairs = pairs;
    this.classIndex = new Int32Array(C).fill(-1);
    this.classes.forEach((c, i) => (this.classIndex[c] = i));
    this.pairOf = Int32Array.from(o.readers, (r) => pairIndex[r.symbol * C + r.classId]);
    this.readersPerPair = new Float64Array(pairs.length);
    this.readersPerClass = new Float64Array(this.classes.length);
    o.readers.forEach((r, i) => {
      this.readersPerPair[this.pairOf[i]]++;
      this.readersPerClass[this.classIndex[r.classId]]++;
    });
    this.valueSum = new Float64Array(pairs.length);
    this.heardSum = new Float64Array(this.classes.length * o.narratives.length);
  }

  /** Time of the next sample (ns on the run's clock), or Infinity after the last session. */
  nextSampleNs(): number {
    const r = this.recorder;
    const ses = r.session;
    if (ses === null) return r.startNs + (this.nextMinute + 1) * r.barNs - 1;
    const cal = ses.calendar;
    if (cal !== undefined && this.nextDay >= cal.sessions) return Infinity;
    const dayStart = cal === undefined ? this.nextDay * ses.dayNs : cal.midnight(this.nextDay);
    return r.startNs + dayStart + Math.min(ses.openNs + (this.nextMinute + 1) * r.barNs, ses.closeNs) - 1;
  }

  /** Runs `kernel` to `until` (inclusive), sampling at every sample time on the way. */
  runTo(kernel: Kernel, until: number): void {
    for (let t = this.nextSampleNs(); t <= until; t = this.nextSampleNs()) {
      if (t >= kernel.now) kernel.run(t);
      this.sample();
    }
    kernel.run(until);
  }

  /** Records one sample for the next bar and moves on to the one after. */
  sample(): void {
    const o = this.o;
    const N = o.narratives.length;
    this.valueSum.fill(0);
    this.heardSum.fill(0);
    for (let i = 0; i < o.readers.length; i++) {
      const rd = o.readers[i];
      this.valueSum[this.pairOf[i]] += rd.belief.value;
      const base = this.classIndex[rd.classId] * N;
      const h = rd.belief.heard;
      for (let n = 0; n < N; n++) this.heardSum[base + n] += h[n];
    }
    this.day.push(this.nextDay);
    this.minute.push(this.nextMinute);
    for (let p = 0; p < this.pairs.length; p++) this.value.push(this.valueSum[p] / this.readersPerPair[p]);
    for (let s = 0; s < this.recorder.symbols.length; s++) {
      this.mid.push(o.quotes.mid(s));
      this.last.push(o.quotes.last[s]);
    }
    for (let c = 0; c < this.classes.length; c++) for (let n = 0; n < N; n++) this.heard.push(this.heardSum[c * N + n] / this.readersPerClass[c]);
    this.count++;
    const last = this.recorder.minutesPerDay - 1;
    if (this.nextMinute >= last) {
      this.nextMinute = 0;
      this.nextDay++;
    } else this.nextMinute = Math.min(this.nextMinute + SAMPLE_EVERY_MINUTES, last);
  }

  /** beliefs.csv: one row per sample, symbol and class that reads news. */
  beliefsCsv(): string {
    const r = this.recorder;
    const S = r.symbols.length;
    const P = this.pairs.length;
    const usd = (ticks: number, s: number) => ticksToUsd(ticks, r.centsPerTickLot[s]);
    const out: string[] = ['day,minute,symbol,class,value_usd,mid_usd,last_usd\n'];
    for (let k = 0; k < this.count; k++) {
      for (let p = 0; p < P; p++) {
        const { symbol: s, classId: c } = this.pairs[p];
        out.push(`${this.day[k]},${this.minute[k]},${r.symbols[s]},${r.classNames[c]},${num(usd(this.value[k * P + p], s))},${num(usd(this.mid[k * S + s], s))},${num(usd(this.last[k * S + s], s))}\n`);
      }
    }
    return out.join('');
  }

  /** news.csv: one row per sample, class that reads news and narrative. */
  newsCsv(): string {
    const r = this.recorder;
    const N = this.o.narratives.length;
    const names = this.o.narratives.map((x) => `${csvText(x.event)},${csvText(x.reading)}`);
    const out: string[] = ['day,minute,class,event,reading,heard_share\n'];
    for (let k = 0; k < this.count; k++) {
      for (let c = 0; c < this.classes.length; c++) {
        for (let n = 0; n < N; n++) out.push(`${this.day[k]},${this.minute[k]},${r.classNames[this.classes[c]]},${names[n]},${num(this.heard[(k * this.classes.length + c) * N + n])}\n`);
      }
    }
    return out.join('');
  }
}
