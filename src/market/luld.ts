// Limit up-limit down price bands for one symbol (tier 1 of the US plan, simplified). Pure
// book-keeping, no kernel: the exchange feeds it trades and asks it for the band.
//
//   reference  the arithmetic mean of trade prices over the last `windowNs` (5 min), recomputed
//              at every trade; it replaces the current reference only when it differs from it
//              by `moveBp` (1%) or more, rounded to the nearest tick (halves up). The opening or
//              reopening auction price (or, with no auction trade, the previous close) starts
//              it, with an empty window. No trades in the window: the reference stays.
//   bands      upper = floor(reference x (1 + bp)), lower = max(1, ceil(reference x (1 - bp))),
//              bp = `bandBp` (5%), or `wideBandBp` (10%) in the first `wideAfterOpenNs` after
//              the open (09:30-09:45) and the last `wideBeforeCloseNs` before the close
//              (15:35-16:00).
// Integer arithmetic throughout; exact while reference x 20,000 and the window's price sum
// x 10,000 stay below 2^53.

import { NS_PER_MINUTE, NS_PER_SECOND } from '../core/units.ts';

export interface LuldParams {
  bandBp: number;
  wideBandBp: number;
  moveBp: number;
  windowNs: number;
  /** How long a limit state may last before a trading pause. */
  limitStateNs: number;
  /** Length of a trading pause, ended by a reopening auction. */
  pauseNs: number;
  wideAfterOpenNs: number;
  wideBeforeCloseNs: number;
}

export const LULD_TIER1: Readonly<LuldParams> = Object.freeze({
  bandBp: 500,
  wideBandBp: 1000,
  moveBp: 100,
  windowNs: 5 * NS_PER_MINUTE,
  limitStateNs: 15 * NS_PER_SECOND,
  pauseNs: 5 * NS_PER_MINUTE,
  wideAfterOpenNs: 15 * NS_PER_MINUTE,
  wideBeforeCloseNs: 25 * NS_PER_MINUTE,
});

export function checkLuldParams(p: LuldParams): void {
  for (const [k, v] of Object.entries(p)) if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`luld.${k} must be a non-negative integer, got ${v}`);
  if (p.bandBp <= 0 || p.bandBp >= 10_000 || p.wideBandBp <= 0 || p.wideBandBp >= 10_000) throw new RangeError('luld band widths must be within (0, 10000) basis points');
}

export class PriceBand {
  reference = 0;
  upper = 0;
  lower = 0;
  wide = false;
  private t = new Float64Array(256);
  private p = new Float64Array(256);
  private head = 0;
  private n = 0;
  private sum = 0;

  constructor(readonly params: LuldParams) {}

  /** Starts afresh from `reference` with an empty window. */
  reset(reference: number, wide: boolean): void {
    this.head = 0;
    this.n = 0;
    this.sum = 0;
    this.reference = reference;
    this.wide = wide;
    this.setBands();
  }

  /** Switches between normal and doubled bands; true if the band changed. */
  setWide(wide: boolean): boolean {
    if (wide === this.wide) return false;
    this.wide = wide;
    return this.setBands();
  }

  /** Records a trade; true if the reference (and so the band) moved. */
  trade(time: number, price: number): boolean {
    const cap = this.t.length;
    if (this.n === cap) this.grow();
    const mask = this.t.length - 1;
    const i = (this.head + this.n) & mask;
    this.t[i] = time;
    this.p[i] = price;
    this.n++;
    this.sum += price;
    const from = time - this.params.windowNs;
    while (this.n > 0 && this.t[this.head] < from) {
      this.sum -= this.p[this.head];
      this.head = (this.head + 1) & mask;
      this.n--;
    }
    const ref = this.reference;
    const dev = this.sum - this.n * ref;
    if (Math.abs(dev) * 10_000 < this.params.moveBp * this.n * ref) return false;
    const next = Math.floor((2 * this.sum + this.n) / (2 * this.n));
    if (next === ref) return false;
    this.reference = next;
    return this.setBands();
  }

  private setBands(): boolean {
    const bp = this.wide ? this.params.wideBandBp : this.params.bandBp;
    const r = this.reference;
    const upper = Math.floor((r * (10_000 + bp)) / 10_000);
    const lower = Math.max(1, Math.ceil((r * (10_000 - bp)) / 10_000));
    const changed = upper !== this.upper || lower !== this.lower;
    this.upper = upper;
    this.lower = lower;
    return changed;
  }

  private grow(): void {
    const cap = this.t.length;
    const t = new Float64Array(cap * 2);
    const p = new Float64Array(cap * 2);
    for (let k = 0; k < this.n; k++) {
      t[k] = this.t[(this.head + k) & (cap - 1)];
      p[k] = this.p[(this.head + k) & (cap - 1)];
    }
    this.t = t;
    this.p = p;
    this.head = 0;
  }
}
