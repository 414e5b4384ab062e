// Order id -> the book's entry for it: ID_UNSEEN (0) for an id never used, ID_FINISHED (-1) for
// one that was used and is gone, or a positive order slot (current only while that slot still
// holds the id: the book does not rewrite the entry when an order leaves).
//
// Ids below 2^20 sit in one dense Int32Array, doubled as they arrive (a short replay's ids, at the
// cost of one load). Ids from 2^20 to 2^31 sit in pages of 2^16 entries (an Int32Array each, the
// newest one cached), found by id >>> 16. The index
// counts the orders resting in each page (`set` with a slot, `release` when the book frees it);
// when the last one leaves a page that is not the newest, the page is folded into a bitset of the
// ids it has seen (8 KB instead of 256 KB) and its array, zeroed, is kept for the next page. So the
// memory in use follows the orders alive, not every id ever sent: a DeepSeek week sends 6M ids to
// each book, and on this VM first touching a fresh memory page costs ~20 us (a doubled dense
// array cost ~0.5 s a week). An id of a folded page that is used again (an order held for an
// auction, a late message) unfolds it. Ids of 2^31 and above (allowed by the API, never sent by
// the simulator) sit in pages made on first use, never folded.

export const ID_UNSEEN = 0;
export const ID_FINISHED = -1;
const PAGE_BITS = 16;
const PAGE = 1 << PAGE_BITS;
const MASK = PAGE - 1;
/** Ids below this sit in the dense array. */
const DENSE = 1 << 20;
/** Ids from here on use `far` pages. */
const FAR = 2 ** 31;

export class IdIndex {
  /** Ids below 2^20 (a book's first million ids: all of a short replay's) in one array, doubled as needed, never folded. */
  private dense: Int32Array;
  /** dense.length, kept as a small integer for the bounds test. */
  private cap: number;
  /** Page p holds the entries of ids [p 2^16, (p + 1) 2^16); null when folded or never used. */
  private readonly pages: (Int32Array | null)[] = [];
  /** Page p folded: bit i set when id p 2^16 + i was used; null when not folded. */
  private readonly seen: (Uint32Array | null)[] = [];
  /** Orders resting per page (entries set to a slot and not yet released). */
  private resting = new Int32Array(64);
  /** pages.length x 2^16: the ids the page table covers. */
  private covered = 0;
  /** The highest page an entry was set in (never folded: new ids arrive there), its array and first id: most lookups are of recent ids. */
  private newest = -1;
  private newestPage: Int32Array = new Int32Array(0);
  private newestBase = -PAGE;
  /** Zeroed page arrays from folded pages, reused before allocating. */
  private readonly spare: Int32Array[] = [];
  /** Pages of ids >= 2^31, by floor(id / 2^16). */
  private readonly far = new Map<number, Int32Array>();

  /**
   * `expectedMaxId` (optional): the largest id the caller expects. The dense array is then made
   * big enough for it (up to 2^20 ids) and written once, so that no id's first use pays for a
   * doubling or for first touching a fresh memory page.
   */
  constructor(expectedMaxId = 0) {
    let cap = 1024;
    while (cap <= expectedMaxId && cap < DENSE) cap *= 2;
    this.dense = new Int32Array(cap);
    this.cap = cap;
    if (cap > 1024) this.dense.fill(ID_UNSEEN);
  }

  get(id: number): number {
    // A non-integer or negative id reads undefined (not an index of a typed array), which
    // callers treat as "not a live order"; limit() and market() only ask about positive integers.
    if (id < this.cap) return this.dense[id];
    const j = id - this.newestBase;
    if (j >= 0 && j < PAGE) return this.newestPage[j];
    if (id >= 0 && id < this.covered) {
      const p = id >>> PAGE_BITS;
      const page = this.pages[p];
      const i = id - p * PAGE;
      if (page !== null) return page[i];
      const bits = this.seen[p];
      return bits !== null && i === (i | 0) && ((bits[i >>> 5] >>> (i & 31)) & 1) === 1 ? ID_FINISHED : ID_UNSEEN;
    }
    if (id < FAR) return ID_UNSEEN;
    const page = this.far.get(Math.floor(id / PAGE));
    return page === undefined ? ID_UNSEEN : page[id % PAGE];
  }

  /** Sets the entry of a positive integer id; a positive entry (a slot) counts as resting until `release`. */
  set(id: number, entry: number): void {
    if (id < DENSE) {
      if (id >= this.cap) this.grow(id);
      this.dense[id] = entry;
      return;
    }
    if (id < FAR) {
      const p = id >>> PAGE_BITS;
      if (p === this.newest) {
        this.newestPage[id & MASK] = entry;
        if (entry > 0) this.resting[p]++;
        return;
      }
      if (p >= this.pages.length) this.extend(p);
      const page = this.pages[p] ?? this.unfold(p);
      page[id & MASK] = entry;
      if (entry > 0) this.resting[p]++;
      if (p > this.newest) {
        this.newest = p;
        this.newestPage = page;
        this.newestBase = p * PAGE;
      }
      return;
    }
    const key = Math.floor(id / PAGE);
    let page = this.far.get(key);
    if (page === undefined) this.far.set(key, (page = new Int32Array(PAGE)));
    page[id % PAGE] = entry;
  }

  /** The order with this id left the book (its slot was freed). */
  release(id: number): void {
    if (id < DENSE || id >= FAR) return;
    const p = id >>> PAGE_BITS;
    if (--this.resting[p] === 0 && p < this.newest) this.fold(p);
  }

  /** Pages held as arrays (for tests: folding keeps this near the pages with resting orders). */
  get pagesInUse(): number {
    let n = 0;
    for (const page of this.pages) if (page !== null) n++;
    return n;
  }

  private grow(id: number): void {
    let cap = this.cap;
    while (cap <= id) cap *= 2;
    const next = new Int32Array(cap);
    next.set(this.dense);
    this.dense = next;
    this.cap = cap;
  }

  private extend(p: number): void {
    while (this.pages.length <= p) {
      this.pages.push(null);
      this.seen.push(null);
    }
    if (this.resting.length < this.pages.length) {
      const next = new Int32Array(Math.max(2 * this.resting.length, this.pages.length));
      next.set(this.resting);
      this.resting = next;
    }
    this.covered = this.pages.length * PAGE;
  }

  /** Page p as an array again: a spare one with ID_FINISHED for each id its bitset has seen. */
  private unfold(p: number): Int32Array {
    const page = this.spare.pop() ?? new Int32Array(PAGE);
    const bits = this.seen[p];
    if (bits !== null) {
      for (let w = 0; w < bits.length; w++) {
        let x = bits[w];
        while (x !== 0) {
          const b = 31 - Math.clz32(x & -x);
          page[32 * w + b] = ID_FINISHED;
          x &= x - 1;
        }
      }
      this.seen[p] = null;
    }
    this.pages[p] = page;
    return page;
  }

  /** Page p, with no order resting, to a bitset of the ids it has seen; its array zeroed and kept. */
  private fold(p: number): void {
    const page = this.pages[p];
    if (page === null) return;
    const bits = new Uint32Array(PAGE / 32);
    for (let i = 0; i < PAGE; i++) if (page[i] !== 0) bits[i >>> 5] |= 1 << (i & 31);
    page.fill(0);
    this.spare.push(page);
    this.pages[p] = null;
    this.seen[p] = bits;
  }
}
