export const ID_UNSEEN = 0;
export const ID_FINISHED = -1;
export const DENSE_LIMIT = 1 << 24;
export class IdIndex {
  private dense = new Int32Array(1024);
  private sparse = new Map<number, number>();
  get(id: number): number {
    const dense = this.dense;
    if (id < dense.length) return dense[id];
    return id < DENSE_LIMIT ? ID_UNSEEN : (this.sparse.get(id) ?? ID_UNSEEN);
  }
  set(id: number, entry: number): void {
    if (id < this.dense.length) this.dense[id] = entry;
    else if (id < DENSE_LIMIT) {
      this.growTo(id);
      this.dense[id] = entry;
    } else this.sparse.set(id, entry);
  }
  private growTo(id: number): void {
    let cap = this.dense.length;
    while (cap <= id) cap *= 4;
    const next = new Int32Array(Math.min(cap, DENSE_LIMIT));
    next.set(this.dense);
    this.dense = next;
  }
}
