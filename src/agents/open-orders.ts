// The limit orders a trader believes are still open, as ABIDES's trading agents keep them: an
// order is added when sent and dropped when fully filled, expired or refused, or when the trader
// cancels it (ABIDES drops it on the cancel's confirmation; nothing the trader does in between
// depends on it). "Cancel all" sends one cancel request per order in the list, then clears it. Flat arrays,
// reused: nothing allocates once they have grown. Shared by the ABIDES value agents and market
// makers by composition.
export class OpenOrders {
  private ids = new Float64Array(32);
  private left = new Float64Array(32);
  /** Orders in the list. */
  count = 0;

  /** Adds order `id` of `qty` lots. */
  add(id: number, qty: number): void {
    if (this.count === this.ids.length) {
      const ids = new Float64Array(this.count * 2);
      const left = new Float64Array(this.count * 2);
      ids.set(this.ids);
      left.set(this.left);
      this.ids = ids;
      this.left = left;
    }
    this.ids[this.count] = id;
    this.left[this.count] = qty;
    this.count++;
  }

  /** A fill of `qty` lots of order `id`: drops the order once nothing is left. */
  fill(id: number, qty: number): void {
    const i = this.indexOf(id);
    if (i >= 0 && (this.left[i] -= qty) <= 0) this.removeAt(i);
  }

  /** Order `id` is no longer open (expired, refused). */
  drop(id: number): void {
    const i = this.indexOf(id);
    if (i >= 0) this.removeAt(i);
  }

  /** The i-th open order's id, oldest first (cancel them all: idAt(0..count-1), then clear()). */
  idAt(i: number): number {
    return this.ids[i];
  }

  /** Forgets every order (after cancelling them). */
  clear(): void {
    this.count = 0;
  }

  private indexOf(id: number): number {
    for (let i = 0; i < this.count; i++) if (this.ids[i] === id) return i;
    return -1;
  }

  /** Removes entry i, keeping the others in order. */
  private removeAt(i: number): void {
    this.ids.copyWithin(i, i + 1, this.count);
    this.left.copyWithin(i, i + 1, this.count);
    this.count--;
  }
}
