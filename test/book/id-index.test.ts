// The order-id index folds a page of ids into a bitset once no order of it rests (id-index.ts):
// answers stay exact (slot, ID_FINISHED, ID_UNSEEN), a folded page unfolds when one of its ids
// rests again, and the arrays held follow the orders alive, not every id ever used.
import { describe, expect, it } from 'vitest';
import { ID_FINISHED, ID_UNSEEN, IdIndex } from '../../src/book/id-index.ts';

const PAGE = 65_536;

describe('IdIndex', () => {
  it('folds a page when its last resting order leaves, and answers the same afterwards', () => {
    const ix = new IdIndex();
    // Page 0: ids 1..10 rest (slots 1..10), id 11 finished at once, id 12 never used.
    for (let id = 1; id <= 10; id++) ix.set(id, id);
    ix.set(11, ID_FINISHED);
    ix.set(PAGE + 5, 99); // page 1 is now the newest
    expect(ix.pagesInUse).toBe(2);
    for (let id = 1; id <= 9; id++) ix.release(id);
    expect(ix.pagesInUse).toBe(2); // id 10 still rests
    expect(ix.get(10)).toBe(10);
    ix.release(10);
    expect(ix.pagesInUse).toBe(1); // page 0 folded
    for (let id = 1; id <= 11; id++) expect(ix.get(id)).toBe(ID_FINISHED);
    expect(ix.get(12)).toBe(ID_UNSEEN);
    expect(ix.get(0)).toBe(ID_UNSEEN);
    expect(ix.get(PAGE + 5)).toBe(99);
    // A folded page's id rests again (a modify re-enters it): the page unfolds, seen ids stay finished.
    ix.set(12, 7);
    expect(ix.pagesInUse).toBe(2);
    expect(ix.get(12)).toBe(7);
    expect(ix.get(3)).toBe(ID_FINISHED);
    expect(ix.get(13)).toBe(ID_UNSEEN);
  });

  it('never folds the newest page, and ids from 2^31 up keep pages of their own', () => {
    const ix = new IdIndex();
    ix.set(5, 1);
    ix.release(5);
    expect(ix.pagesInUse).toBe(1);
    expect(ix.get(5)).toBe(1); // a stale slot: the book checks the slot still holds the id
    const far = 2 ** 40 + 3;
    expect(ix.get(far)).toBe(ID_UNSEEN);
    ix.set(far, 4);
    ix.release(far);
    expect(ix.get(far)).toBe(4);
    expect(ix.get(-1)).toBe(ID_UNSEEN);
    expect(ix.get(1.5)).toBeUndefined();
  });

  it('holds a bounded number of arrays over a million ids sent in order, each resting a while', () => {
    const ix = new IdIndex();
    const alive: number[] = [];
    let most = 0;
    for (let id = 1; id <= 1_000_000; id++) {
      ix.set(id, (id % 1000) + 1);
      alive.push(id);
      if (alive.length > 50_000) ix.release(alive.shift()!);
      if (id % 10_000 === 0) most = Math.max(most, ix.pagesInUse);
    }
    // 50,000 orders alive span at most two pages, plus the newest.
    expect(most).toBeLessThanOrEqual(3);
    expect(ix.get(1)).toBe(ID_FINISHED);
    expect(ix.get(999_999)).toBe((999_999 % 1000) + 1);
    expect(ix.get(1_000_001)).toBe(ID_UNSEEN);
  });
});
