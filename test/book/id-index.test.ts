// The order-id index folds a page of ids into a bitset once no order of it rests (id-index.ts):
// answers stay exact (slot, ID_FINISHED, ID_UNSEEN), a folded page unfolds when one of its ids
// rests again, and the arrays held follow the orders alive, not every id ever used.
import { describe, expect, it } from 'vitest';
import { ID_FINISHED, ID_UNSEEN, IdIndex } from '../../src/book/id-index.ts';

const PAGE = 65_536;
/** The first id kept in pages (ids below sit in the dense array, never folded). */
const B = 1 << 20;

describe('IdIndex', () => {
  it('folds a page when its last resting order leaves, and answers the same afterwards', () => {
    const ix = new IdIndex();
    // The first page: ids B+1..B+10 rest (slots 1..10), B+11 finished at once, B+12 never used.
    for (let i = 1; i <= 10; i++) ix.set(B + i, i);
    ix.set(B + 11, ID_FINISHED);
    ix.set(B + PAGE + 5, 99); // the next page is now the newest
    expect(ix.pagesInUse).toBe(2);
    for (let i = 1; i <= 9; i++) ix.release(B + i);
    expect(ix.pagesInUse).toBe(2); // B+10 still rests
    expect(ix.get(B + 10)).toBe(10);
    ix.release(B + 10);
    expect(ix.pagesInUse).toBe(1); // the first page folded
    for (let i = 1; i <= 11; i++) expect(ix.get(B + i)).toBe(ID_FINISHED);
    expect(ix.get(B + 12)).toBe(ID_UNSEEN);
    expect(ix.get(B)).toBe(ID_UNSEEN);
    expect(ix.get(B + PAGE + 5)).toBe(99);
    // A folded page's id rests again (a modify re-enters it): the page unfolds, seen ids stay finished.
    ix.set(B + 12, 7);
    expect(ix.pagesInUse).toBe(2);
    expect(ix.get(B + 12)).toBe(7);
    expect(ix.get(B + 3)).toBe(ID_FINISHED);
    expect(ix.get(B + 13)).toBe(ID_UNSEEN);
    // Ids below 2^20 sit in the dense array: exact, never folded.
    ix.set(5, 3);
    ix.release(5);
    expect(ix.get(5)).toBe(3);
    expect(ix.get(6)).toBe(ID_UNSEEN);
  });

  it('never folds the newest page, and ids from 2^31 up keep pages of their own', () => {
    const ix = new IdIndex();
    ix.set(B + 5, 1);
    ix.release(B + 5);
    expect(ix.pagesInUse).toBe(1);
    expect(ix.get(B + 5)).toBe(1); // a stale slot: the book checks the slot still holds the id
    const far = 2 ** 40 + 3;
    expect(ix.get(far)).toBe(ID_UNSEEN);
    ix.set(far, 4);
    ix.release(far);
    expect(ix.get(far)).toBe(4);
    expect(ix.get(-1)).toBeUndefined(); // not a live entry, as callers read it
    expect(ix.get(1.5)).toBeUndefined();
    expect(ix.get(B + 1.5)).toBeUndefined();
  });

  it('holds a bounded number of arrays over a million ids sent in order, each resting a while', () => {
    const ix = new IdIndex();
    const alive: number[] = [];
    let most = 0;
    for (let id = B; id < B + 1_000_000; id++) {
      ix.set(id, (id % 1000) + 1);
      alive.push(id);
      if (alive.length > 50_000) ix.release(alive.shift()!);
      if (id % 10_000 === 0) most = Math.max(most, ix.pagesInUse);
    }
    // 50,000 orders alive span at most two pages, plus the newest.
    expect(most).toBeLessThanOrEqual(3);
    expect(ix.get(B)).toBe(ID_FINISHED);
    expect(ix.get(B + 999_999)).toBe(((B + 999_999) % 1000) + 1);
    expect(ix.get(B + 1_000_000)).toBe(ID_UNSEEN);
  });
  it('sized from an expected largest id: answers as one that grew, and ids past the hint still work', () => {
    for (const hint of [0, 3_000, B - 1, 2 ** 40, Number.NaN]) {
      const sized = new IdIndex(hint);
      const grown = new IdIndex();
      const ids = [1, 2_999, 3_000, 3_001, 70_000, B - 1, B, B + PAGE + 3, 2 ** 31 + 5];
      ids.forEach((id, k) => {
        sized.set(id, k + 1);
        grown.set(id, k + 1);
      });
      sized.set(42, ID_FINISHED);
      grown.set(42, ID_FINISHED);
      for (const id of [...ids, 42, 43, B + 1, 2 ** 31 + 6]) expect(sized.get(id)).toBe(grown.get(id));
    }
  });
});
