// News events and narratives. An event is something that happened, with a time and economic
// content only (never a price): "the cost of AI fell by a factor E", "Meta confirmed $65B of
// capex". A narrative is one reading of an event: the ratio of fundamental value after / before
// that the reading implies, per symbol, from the time the reading starts to circulate. The naive
// reading of a 27x efficiency jump ("far fewer GPUs needed") implies a ratio below 1; the
// informed reading from the compute economy (Jevons) one at or above 1. The scenario layer
// computes the ratios (it couples the economy model); this layer takes them as numbers.

/** Economic content of an event (what happened, in the units of the economy model). */
export type EventContent =
  /** The cost of AI (per unit of capability) falls by `factor` (e.g. 27 for R1 vs o1 prices). */
  | { readonly kind: 'efficiency'; readonly factor: number }
  /** A company states its capital expenditure plan: `amountUsd`, `changeUsd` vs the prior plan. */
  | { readonly kind: 'capex'; readonly company: string; readonly amountUsd: number; readonly changeUsd: number }
  /** Any other content, described in words, for events whose readings the scenario supplies. */
  | { readonly kind: 'other'; readonly description: string };

export interface NewsEvent {
  /** When it happens (ns on the run's clock; may be before the run starts, e.g. a release days earlier). */
  readonly timeNs: number;
  readonly content: EventContent;
  /** Short label for outputs. */
  readonly label?: string;
}

/** How a narrative reads an event: the static ("naive") or the economy-informed reading. */
export type NarrativeKind = 'naive' | 'informed';

export interface Narrative {
  /** Index of the event it interprets. */
  readonly event: number;
  readonly kind: NarrativeKind;
  /** When the reading starts to circulate (ns, not before the event's time). */
  readonly startNs: number;
  /** Fundamental value after / before the event under this reading, one entry per symbol (> 0). */
  readonly valueRatios: readonly number[];
  /**
   * Share of the least informed class (information gap 1) that hears it directly; a loud headline
   * near 1, a technical analysis low. See `reach` in gaps.ts.
   */
  readonly reachFloor: number;
  /** Per investor class code: share of the class hearing it directly, overriding the gap map (undefined = from the gaps). */
  readonly classShare?: readonly (number | undefined)[];
  /** Per investor class code: multiplier of the median delay (undefined = 1). */
  readonly classDelayScale?: readonly (number | undefined)[];
  /** Probability that a member of the social network who heard it tells a given neighbour (default: the feed's). */
  readonly shareProbability?: number;
  readonly label?: string;
}

/** Checks events and narratives; throws RangeError naming the field and the value. */
export function checkNews(events: readonly NewsEvent[], narratives: readonly Narrative[], symbols: number): void {
  events.forEach((e, i) => {
    if (!Number.isSafeInteger(e.timeNs)) throw new RangeError(`events[${i}].timeNs must be an integer of ns, got ${e.timeNs}`);
    if (e.content.kind === 'efficiency' && !(e.content.factor > 0)) throw new RangeError(`events[${i}].content.factor must be > 0, got ${e.content.factor}`);
  });
  narratives.forEach((n, i) => {
    const e = events[n.event];
    if (!Number.isInteger(n.event) || e === undefined) throw new RangeError(`narratives[${i}].event must index an event, got ${n.event}`);
    if (!Number.isSafeInteger(n.startNs) || n.startNs < e.timeNs) throw new RangeError(`narratives[${i}].startNs must be an integer >= the event's time ${e.timeNs}, got ${n.startNs}`);
    if (n.kind !== 'naive' && n.kind !== 'informed') throw new RangeError(`narratives[${i}].kind must be "naive" or "informed", got ${String(n.kind)}`);
    if (n.valueRatios.length !== symbols) throw new RangeError(`narratives[${i}].valueRatios must have one entry per symbol (${symbols}), got ${n.valueRatios.length}`);
    n.valueRatios.forEach((r, s) => {
      if (!(r > 0) || !Number.isFinite(r)) throw new RangeError(`narratives[${i}].valueRatios[${s}] must be a finite number > 0, got ${r}`);
    });
    if (!(n.reachFloor >= 0 && n.reachFloor <= 1)) throw new RangeError(`narratives[${i}].reachFloor must be in [0, 1], got ${n.reachFloor}`);
    n.classShare?.forEach((x, c) => {
      if (x !== undefined && !(x >= 0 && x <= 1)) throw new RangeError(`narratives[${i}].classShare[${c}] must be in [0, 1], got ${x}`);
    });
    n.classDelayScale?.forEach((x, c) => {
      if (x !== undefined && !(x > 0 && Number.isFinite(x))) throw new RangeError(`narratives[${i}].classDelayScale[${c}] must be a finite number > 0, got ${x}`);
    });
    if (n.shareProbability !== undefined && !(n.shareProbability >= 0 && n.shareProbability <= 1)) throw new RangeError(`narratives[${i}].shareProbability must be in [0, 1], got ${n.shareProbability}`);
  });
}
