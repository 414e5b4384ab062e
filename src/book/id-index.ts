// Order id -> the book's entry for it: ID_UNSEEN (0) for an id never used, ID_FINISHED (-1) for
// one that was used and is gone, or a positive order slot. Ids below 2^24 sit in a dense
// Int32Array, doubled as larger ids arrive; larger ids go to a Map.

export const ID_UNSEEN = 0;
export const ID_FINISHED = -1;
export const DENSE_LIMIT = 1 << 24;

export class IdIndex {
  private dense = new Int32Array(1024);
  /** dense.length, kept as a small integer for the bounds test. */
  private cap = 1024;
  private sparse = new Map<number, number>();

  get(id: number): number {
    // An id below cap that is not an integer (or is negative) reads undefined, which callers
    // treat as "not a live order"; limit() and market() only ask about positive integers.
    if (id < this.cap) return this.dense[id];
    return id < DENSE_LIMIT ? ID_UNSEEN : (this.sparse.get(id) ?? ID_UNSEEN);
  }

  set(id: number, entry: number): void {
    if (id >= this.cap) {
      if (id >= DENSE_LIMIT) {
        this.sparse.set(id, entry);
        return;
      }
      this.grow(id);
    }
    this.dense[id] = entry;
  }

  private grow(id: number): void {
    let cap = this.cap;
    while (cap <= id) cap *= 2;
    const next = new Int32Array(cap);
    next.set(this.dense);
    this.dense = next;
    this.cap = cap;
  }
}
