// One order in flight at a time: the id of the order a trader is waiting on (0 = none) and the
// lots of it not yet filled. The slot frees when the order is filled, rejected or expired, or
// (for traders that asked for acknowledgements) accepted with nothing left resting. Shared by the
// news-reading traders by composition.
export class OrderSlot {
  /** The order in flight (0 = none). */
  id = 0;
  /** Its lots not yet filled. */
  left = 0;

  get busy(): boolean {
    return this.id !== 0;
  }

  /** Remembers order `id` of `lots` lots as the one in flight. */
  hold(id: number, lots: number): void {
    this.id = id;
    this.left = lots;
  }

  /** A fill of `qty` lots of order `orderId`: frees the slot once the order is filled. */
  fill(orderId: number, qty: number): void {
    if (orderId === this.id && (this.left -= qty) <= 0) this.id = 0;
  }

  /** Order `orderId` is no longer live: frees the slot if it was the one. */
  done(orderId: number): void {
    if (orderId === this.id) this.id = 0;
  }
}
