// A progress bar on stderr for work longer than a second: drawn in place on a terminal, and as
// a few plain lines (every 10%) when stderr is a file or a pipe. Silent for short work.
import type { Io } from './io.ts';

const DELAY_MS = 1000;
const WIDTH = 30;

export class Progress {
  private readonly started = performance.now(); // clock-ok
  private shown = false;
  private lastTenth = -1;

  constructor(
    private readonly io: Io,
    private readonly label: string,
  ) {}

  /** Reports the fraction done (0..1). */
  update(fraction: number): void {
    const elapsed = performance.now() - this.started; // clock-ok
    if (elapsed < DELAY_MS) return;
    const f = Math.min(1, Math.max(0, fraction));
    const eta = f > 0 ? (elapsed * (1 - f)) / f / 1000 : NaN;
    if (this.io.errIsTty) {
      const filled = Math.round(f * WIDTH);
      this.io.err(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(100 * f).toFixed(0).padStart(3)}%  ${Number.isFinite(eta) ? `${eta.toFixed(0)} s left` : ''}   `);
      this.shown = true;
    } else {
      const tenth = Math.floor(f * 10);
      if (tenth > this.lastTenth) {
        this.lastTenth = tenth;
        this.io.err(`${this.label}: ${tenth * 10}%\n`);
      }
    }
  }

  /** Ends the bar (moves to a new line if one was drawn). */
  done(): void {
    if (this.shown) this.io.err('\n');
  }
}
