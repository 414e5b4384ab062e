// Contract tests: the order book SPEC clause by clause, as worked examples with exact fills, results and before/after snapshots.
import { describe, expect, it } from 'vitest';
import {
  BUY,
  FOK,
  GTC,
  IOC,
  SELL,
  STP_EXPIRE_MAKER,
  STP_EXPIRE_TAKER,
  STP_NONE,
  Status,
  createOrderBook,
  type OrderBook,
  type OrderBookOptions,
} from '../../src/book/index.ts';

const MAX = Number.MAX_SAFE_INTEGER; // 2^53 - 1

function book(options: OrderBookOptions = {}): OrderBook {
  return createOrderBook(options);
}

/** Fills of the last operation as [makerId, price, qty]. */
function fills(b: OrderBook): [number, number, number][] {
  const f = b.fills;
  const out: [number, number, number][] = [];
  for (let i = 0; i < f.count; i++) out.push([f.makerId[i], f.price[i], f.qty[i]]);
  return out;
}

/** Maker owners of the last operation's fills. */
function fillOwners(b: OrderBook): number[] {
  return Array.from({ length: b.fills.count }, (_, i) => b.fills.makerOwner[i]);
}

function result(b: OrderBook) {
  const r = b.result;
  return { filled: r.filled, resting: r.resting, cancelled: r.cancelled, expired: [...r.expired] };
}

/** A side as [price, [[id, qty], ...]] levels, best first, orders in queue order. */
function side(b: OrderBook, s: number): [number, [number, number][]][] {
  return b.snapshot(s).map((l) => [l.price, l.orders.map((o) => [o.id, o.qty] as [number, number])]);
}

/** Full snapshot of both sides (prices, level totals, counts, orders with owners). */
function snap(b: OrderBook) {
  return JSON.parse(JSON.stringify({ bids: b.snapshot(BUY), asks: b.snapshot(SELL) }));
}

function expectNotCrossed(b: OrderBook): void {
  const bid = b.bestBid();
  const ask = b.bestAsk();
  if (bid !== null && ask !== null) expect(bid).toBeLessThan(ask);
}

function ok(status: number): void {
  expect(status).toBe(Status.OK);
}

// ====================================================================== price-time priority

describe('price-time priority', () => {
  it('price-time priority: the better price trades first, then the earlier order at a price', () => {
    const b = book();
    ok(b.limit(1, SELL, 101, 5));
    ok(b.limit(2, SELL, 100, 5));
    ok(b.limit(3, SELL, 100, 5));
    ok(b.limit(4, SELL, 102, 5));
    ok(b.limit(10, BUY, 101, 12));
    expect(fills(b)).toEqual([
      [2, 100, 5],
      [3, 100, 5],
      [1, 101, 2],
    ]);
    expect(result(b)).toEqual({ filled: 12, resting: 0, cancelled: 0, expired: [] });
    expect(side(b, SELL)).toEqual([
      [101, [[1, 3]]],
      [102, [[4, 5]]],
    ]);

    // Mirror image on the bid side: highest bid first, then time.
    ok(b.limit(20, BUY, 98, 2));
    ok(b.limit(21, BUY, 99, 2));
    ok(b.limit(22, BUY, 99, 2));
    ok(b.limit(23, SELL, 98, 5));
    expect(fills(b)).toEqual([
      [21, 99, 2],
      [22, 99, 2],
      [20, 98, 1],
    ]);
    expect(side(b, BUY)).toEqual([[98, [[20, 1]]]]);
  });

  it('a trade prints at the resting (maker) price, not the taker limit', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 3));
    ok(b.limit(2, BUY, 105, 3));
    expect(fills(b)).toEqual([[1, 100, 3]]);
    ok(b.limit(3, BUY, 104, 3));
    ok(b.limit(4, SELL, 90, 2));
    expect(fills(b)).toEqual([[3, 104, 2]]);
    ok(b.market(5, SELL, 1));
    expect(fills(b)).toEqual([[3, 104, 1]]);
  });

  it('a partly filled maker keeps its place at the front of its level', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 10));
    ok(b.limit(2, SELL, 100, 5));
    ok(b.limit(3, BUY, 100, 4));
    expect(fills(b)).toEqual([[1, 100, 4]]);
    expect(side(b, SELL)).toEqual([
      [
        100,
        [
          [1, 6],
          [2, 5],
        ],
      ],
    ]);
    expect(b.depth(SELL, 1)).toEqual(new Float64Array([100, 11, 2]));
    ok(b.limit(4, BUY, 100, 8));
    expect(fills(b)).toEqual([
      [1, 100, 6],
      [2, 100, 2],
    ]);
    expect(side(b, SELL)).toEqual([[100, [[2, 3]]]]);
  });

  it('a GTC remainder rests at its own limit (not the last trade price), at the back of its level', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 3));
    ok(b.limit(2, SELL, 103, 1));
    ok(b.limit(3, BUY, 102, 10));
    expect(fills(b)).toEqual([[1, 100, 3]]);
    expect(result(b)).toEqual({ filled: 3, resting: 7, cancelled: 0, expired: [] });
    expect(side(b, BUY)).toEqual([[102, [[3, 7]]]]);
    // A later order at 102 queues behind it; the remainder does not jump anyone either.
    ok(b.limit(4, BUY, 102, 1));
    ok(b.limit(5, BUY, 101, 1));
    ok(b.limit(6, BUY, 101, 1));
    ok(b.limit(7, SELL, 101, 1)); // trades with 3 (front of 102)
    expect(fills(b)).toEqual([[3, 102, 1]]);
    // A GTC that does not cross joins the back of an existing level.
    ok(b.limit(8, BUY, 101, 2));
    expect(side(b, BUY)).toEqual([
      [
        102,
        [
          [3, 6],
          [4, 1],
        ],
      ],
      [
        101,
        [
          [5, 1],
          [6, 1],
          [8, 2],
        ],
      ],
    ]);
  });

  it('the book is never left crossed: after sweeps, remainders, STP stops and crossing modifies', () => {
    for (const stp of [STP_NONE, STP_EXPIRE_MAKER, STP_EXPIRE_TAKER] as const) {
      const b = book({ stp });
      ok(b.limit(1, SELL, 100, 2, GTC, false, 1));
      ok(b.limit(2, SELL, 101, 2, GTC, false, 2));
      ok(b.limit(3, BUY, 99, 2, GTC, false, 2));
      expectNotCrossed(b);
      ok(b.limit(4, BUY, 101, 5, GTC, false, 1)); // meets its own ask at 100 first
      expectNotCrossed(b);
      ok(b.limit(5, SELL, 98, 1, GTC, false, 3));
      expectNotCrossed(b);
      ok(b.limit(6, SELL, 105, 4, GTC, false, 2));
      ok(b.modify(6, undefined, 95)); // a crossing modify trades first
      expectNotCrossed(b);
      ok(b.limit(7, BUY, 90, 3, GTC, false, 3));
      ok(b.modify(7, 3, 120));
      expectNotCrossed(b);
    }
  });
});

// ====================================================================== market orders

describe('market orders', () => {
  it('market order: never rests, and what cannot fill is cancelled (sweeping every level)', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 2));
    ok(b.limit(2, SELL, 105, 3));
    ok(b.limit(3, SELL, 1000, 1));
    ok(b.limit(4, BUY, 90, 1));
    ok(b.market(5, BUY, 10));
    expect(fills(b)).toEqual([
      [1, 100, 2],
      [2, 105, 3],
      [3, 1000, 1],
    ]);
    expect(result(b)).toEqual({ filled: 6, resting: 0, cancelled: 4, expired: [] });
    expect(side(b, SELL)).toEqual([]);
    expect(side(b, BUY)).toEqual([[90, [[4, 1]]]]); // market id 5 rests nowhere
    expect(b.isLive(5)).toBe(false);
    expect(b.cancel(5)).toBe(Status.UNKNOWN_ORDER);
  });

  it('market order: a sell that fills completely leaves the rest of the book alone', () => {
    const b = book();
    ok(b.limit(1, BUY, 100, 2));
    ok(b.limit(2, BUY, 99, 3));
    ok(b.market(3, SELL, 4));
    expect(fills(b)).toEqual([
      [1, 100, 2],
      [2, 99, 2],
    ]);
    expect(result(b)).toEqual({ filled: 4, resting: 0, cancelled: 0, expired: [] });
    expect(side(b, BUY)).toEqual([[99, [[2, 1]]]]);
  });

  it('market order: on an empty opposite side it is accepted with 0 filled (and its id is used up)', () => {
    const b = book();
    ok(b.limit(1, BUY, 100, 2)); // own side is not empty, opposite side is
    const before = snap(b);
    expect(b.market(2, BUY, 7)).toBe(Status.OK);
    expect(fills(b)).toEqual([]);
    expect(result(b)).toEqual({ filled: 0, resting: 0, cancelled: 7, expired: [] });
    expect(snap(b)).toEqual(before);
    expect(b.market(2, SELL, 1)).toBe(Status.DUPLICATE_ID);
  });
});

// ====================================================================== IOC and FOK

describe('IOC and FOK', () => {
  it('IOC fills what it can within its limit, cancels the rest and never rests', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 2));
    ok(b.limit(2, SELL, 101, 2));
    ok(b.limit(3, SELL, 102, 5));
    ok(b.limit(4, BUY, 101, 10, IOC));
    expect(fills(b)).toEqual([
      [1, 100, 2],
      [2, 101, 2],
    ]);
    expect(result(b)).toEqual({ filled: 4, resting: 0, cancelled: 6, expired: [] });
    expect(side(b, SELL)).toEqual([[102, [[3, 5]]]]);
    expect(side(b, BUY)).toEqual([]);
    expect(b.isLive(4)).toBe(false);
  });

  it('IOC is accepted even if nothing fills, and changes nothing', () => {
    const b = book();
    ok(b.limit(1, SELL, 105, 2));
    ok(b.limit(2, BUY, 95, 2));
    const before = snap(b);
    expect(b.limit(3, BUY, 100, 4, IOC)).toBe(Status.OK);
    expect(fills(b)).toEqual([]);
    expect(result(b)).toEqual({ filled: 0, resting: 0, cancelled: 4, expired: [] });
    expect(snap(b)).toEqual(before);
    expect(b.limit(3, BUY, 100, 4)).toBe(Status.DUPLICATE_ID); // it was an order all the same
  });

  it('FOK fills completely within its limit, across levels and makers', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 2));
    ok(b.limit(2, SELL, 100, 3));
    ok(b.limit(3, SELL, 101, 4));
    ok(b.limit(4, SELL, 102, 9));
    ok(b.limit(5, BUY, 101, 8, FOK));
    expect(fills(b)).toEqual([
      [1, 100, 2],
      [2, 100, 3],
      [3, 101, 3],
    ]);
    expect(result(b)).toEqual({ filled: 8, resting: 0, cancelled: 0, expired: [] });
    expect(side(b, SELL)).toEqual([
      [101, [[3, 1]]],
      [102, [[4, 9]]],
    ]);
    // Exactly the available quantity within the limit is still fillable.
    ok(b.limit(6, BUY, 102, 10, FOK));
    expect(result(b).filled).toBe(10);
    expect(side(b, SELL)).toEqual([]);
  });

  it('FOK that cannot fill completely within its limit is rejected FOK_NOT_FILLABLE with no trade and no change', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 2));
    ok(b.limit(2, SELL, 101, 7));
    ok(b.limit(3, SELL, 102, 50)); // beyond the limit: does not count
    ok(b.limit(4, BUY, 90, 1));
    const before = snap(b);
    const volume = b.tradedVolume;
    expect(b.limit(5, BUY, 101, 10, FOK)).toBe(Status.FOK_NOT_FILLABLE);
    expect(fills(b)).toEqual([]);
    expect(result(b)).toEqual({ filled: 0, resting: 0, cancelled: 0, expired: [] });
    expect(snap(b)).toEqual(before);
    expect(b.tradedVolume).toBe(volume);
    expect(b.limit(6, SELL, 91, 2, FOK)).toBe(Status.FOK_NOT_FILLABLE); // no bid at 91 or above
    expect(snap(b)).toEqual(before);
    // The rejected FOK never became an order: its id is still free.
    ok(b.limit(5, BUY, 101, 9, FOK));
    expect(fills(b)).toEqual([
      [1, 100, 2],
      [2, 101, 7],
    ]);
  });

  it('FOK counts self-trade prevention: expire_taker stops at its own order, expire_maker skips (and expires) it', () => {
    const t = book({ stp: STP_EXPIRE_TAKER });
    ok(t.limit(1, SELL, 100, 2, GTC, false, 2));
    ok(t.limit(2, SELL, 100, 2, GTC, false, 1));
    ok(t.limit(3, SELL, 101, 5, GTC, false, 2));
    const before = snap(t);
    expect(t.limit(4, BUY, 101, 3, FOK, false, 1)).toBe(Status.FOK_NOT_FILLABLE);
    expect(snap(t)).toEqual(before);
    ok(t.limit(5, BUY, 101, 2, FOK, false, 1)); // fillable before reaching its own order
    expect(fills(t)).toEqual([[1, 100, 2]]);

    const m = book({ stp: STP_EXPIRE_MAKER });
    ok(m.limit(1, SELL, 100, 2, GTC, false, 2));
    ok(m.limit(2, SELL, 100, 2, GTC, false, 1));
    ok(m.limit(3, SELL, 101, 5, GTC, false, 2));
    const beforeM = snap(m);
    expect(m.limit(4, BUY, 101, 8, FOK, false, 1)).toBe(Status.FOK_NOT_FILLABLE); // own 2 lots do not count
    expect(snap(m)).toEqual(beforeM);
    ok(m.limit(5, BUY, 101, 7, FOK, false, 1));
    expect(fills(m)).toEqual([
      [1, 100, 2],
      [3, 101, 5],
    ]);
    expect(result(m)).toEqual({ filled: 7, resting: 0, cancelled: 0, expired: [2] });
  });
});

// ====================================================================== post-only

describe('post-only', () => {
  it('post-only that would trade on entry is rejected POST_ONLY_WOULD_CROSS and changes nothing', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 2));
    ok(b.limit(2, BUY, 98, 2));
    const before = snap(b);
    expect(b.limit(3, BUY, 100, 1, GTC, true)).toBe(Status.POST_ONLY_WOULD_CROSS); // touching is trading
    expect(b.limit(4, BUY, 150, 1, GTC, true)).toBe(Status.POST_ONLY_WOULD_CROSS);
    expect(b.limit(5, SELL, 98, 1, GTC, true)).toBe(Status.POST_ONLY_WOULD_CROSS);
    expect(fills(b)).toEqual([]);
    expect(result(b)).toEqual({ filled: 0, resting: 0, cancelled: 0, expired: [] });
    expect(snap(b)).toEqual(before);
    // A post-only that does not cross rests normally, and the rejected id is still free.
    ok(b.limit(3, BUY, 99, 1, GTC, true));
    ok(b.limit(5, SELL, 100, 1, GTC, true));
    expect(side(b, BUY)).toEqual([
      [99, [[3, 1]]],
      [98, [[2, 2]]],
    ]);
    expect(side(b, SELL)).toEqual([[100, [[1, 2], [5, 1]]]]);
  });
});

// ====================================================================== cancel

describe('cancel', () => {
  it('cancel removes the remaining qty of a live resting order (after a partial fill), leaving the queue intact', () => {
    const b = book();
    ok(b.limit(1, BUY, 100, 10));
    ok(b.limit(2, BUY, 100, 4));
    ok(b.limit(3, BUY, 99, 1));
    ok(b.limit(4, SELL, 100, 3));
    ok(b.cancel(1));
    expect(result(b)).toEqual({ filled: 0, resting: 0, cancelled: 7, expired: [] });
    expect(fills(b)).toEqual([]);
    expect(side(b, BUY)).toEqual([
      [100, [[2, 4]]],
      [99, [[3, 1]]],
    ]);
    ok(b.cancel(2)); // empties the level
    expect(result(b).cancelled).toBe(4);
    expect(side(b, BUY)).toEqual([[99, [[3, 1]]]]);
    expect(b.bestBid()).toBe(99);
  });

  it('cancel of anything but a live resting order is UNKNOWN_ORDER and changes nothing', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 2));
    ok(b.limit(2, BUY, 100, 2)); // fills 1 completely, itself filled
    ok(b.limit(3, SELL, 110, 2));
    ok(b.cancel(3)); // cancelled
    ok(b.market(4, BUY, 1)); // market
    ok(b.limit(5, BUY, 50, 1, IOC)); // IOC
    expect(b.limit(6, BUY, 50, 1, FOK)).toBe(Status.FOK_NOT_FILLABLE); // rejected
    ok(b.limit(7, BUY, 90, 5)); // the one live order
    const before = snap(b);
    for (const id of [1, 2, 3, 4, 5, 6, 8, 0, -7, 1.5, Number.NaN, Infinity, 2 ** 52, MAX]) {
      expect(b.cancel(id), `cancel(${id})`).toBe(Status.UNKNOWN_ORDER);
      expect(result(b)).toEqual({ filled: 0, resting: 0, cancelled: 0, expired: [] });
      expect(snap(b)).toEqual(before);
    }
    ok(b.cancel(7));
    expect(b.cancel(7)).toBe(Status.UNKNOWN_ORDER); // twice
  });
});

// ====================================================================== modify

describe('modify', () => {
  it('modify at the same price to a smaller qty changes it in place and keeps priority', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 10));
    ok(b.limit(2, SELL, 100, 5));
    ok(b.modify(1, 4));
    expect(result(b)).toEqual({ filled: 0, resting: 4, cancelled: 0, expired: [] });
    expect(fills(b)).toEqual([]);
    expect(side(b, SELL)).toEqual([
      [
        100,
        [
          [1, 4],
          [2, 5],
        ],
      ],
    ]);
    expect(b.depth(SELL, 1)).toEqual(new Float64Array([100, 9, 2]));
    ok(b.modify(1, 3, 100)); // the same price given explicitly is still in place
    expect(side(b, SELL)[0][1]).toEqual([
      [1, 3],
      [2, 5],
    ]);
    ok(b.market(3, BUY, 4));
    expect(fills(b)).toEqual([
      [1, 100, 3],
      [2, 100, 1],
    ]);
  });

  it('modify with qty is the new remaining qty, after a partial fill', () => {
    const b = book();
    ok(b.limit(1, BUY, 100, 10));
    ok(b.limit(2, BUY, 100, 1));
    ok(b.market(3, SELL, 6)); // 1 has 4 left
    ok(b.modify(1, 4)); // equal to remaining: no-op, keeps priority
    ok(b.modify(1, 3)); // in place
    expect(side(b, BUY)).toEqual([
      [
        100,
        [
          [1, 3],
          [2, 1],
        ],
      ],
    ]);
    ok(b.modify(1, 5)); // above remaining (though below the original 10): re-enters at the back
    expect(result(b)).toEqual({ filled: 0, resting: 5, cancelled: 0, expired: [] });
    expect(side(b, BUY)).toEqual([
      [
        100,
        [
          [2, 1],
          [1, 5],
        ],
      ],
    ]);
  });

  it('modify with equal qty (and/or the same price) is a no-op', () => {
    const b = book();
    ok(b.limit(1, BUY, 100, 5));
    ok(b.limit(2, BUY, 100, 5));
    ok(b.limit(3, SELL, 101, 5));
    const before = snap(b);
    ok(b.modify(1, 5));
    expect(result(b)).toEqual({ filled: 0, resting: 5, cancelled: 0, expired: [] });
    expect(snap(b)).toEqual(before);
    ok(b.modify(1, 5, 100));
    expect(snap(b)).toEqual(before);
    ok(b.modify(1));
    expect(snap(b)).toEqual(before);
    ok(b.modify(1, undefined, 100));
    expect(snap(b)).toEqual(before);
  });

  it('modify with a larger qty re-enters as GTC with the same id and side, at the back', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 2, GTC, false, 9));
    ok(b.limit(2, SELL, 100, 3));
    ok(b.modify(1, 4));
    expect(result(b)).toEqual({ filled: 0, resting: 4, cancelled: 0, expired: [] });
    expect(b.snapshot(SELL)).toEqual([
      {
        price: 100,
        qty: 7,
        count: 2,
        orders: [
          { id: 2, qty: 3, owner: 0 },
          { id: 1, qty: 4, owner: 9 },
        ],
      },
    ]);
    expect(b.sideOf(1)).toBe(SELL);
    expect(b.limit(1, SELL, 100, 1)).toBe(Status.DUPLICATE_ID);
  });

  it('modify to a new price re-enters at the back of the new level', () => {
    const b = book();
    ok(b.limit(1, BUY, 100, 2));
    ok(b.limit(2, BUY, 99, 3));
    ok(b.limit(3, BUY, 99, 1));
    ok(b.modify(1, undefined, 99));
    expect(result(b)).toEqual({ filled: 0, resting: 2, cancelled: 0, expired: [] });
    expect(side(b, BUY)).toEqual([
      [
        99,
        [
          [2, 3],
          [3, 1],
          [1, 2],
        ],
      ],
    ]);
    ok(b.modify(2, 1, 101)); // price and qty both change
    expect(side(b, BUY)).toEqual([
      [101, [[2, 1]]],
      [
        99,
        [
          [3, 1],
          [1, 2],
        ],
      ],
    ]);
    ok(b.modify(3, 1, 100)); // a smaller-or-equal qty at a new price also re-enters
    expect(side(b, BUY)).toEqual([
      [101, [[2, 1]]],
      [100, [[3, 1]]],
      [99, [[1, 2]]],
    ]);
  });

  it('modify re-entering at a crossing price trades first as taker at maker prices, then rests the rest', () => {
    const b = book();
    ok(b.limit(1, SELL, 101, 2));
    ok(b.limit(2, SELL, 102, 2));
    ok(b.limit(3, SELL, 104, 2));
    ok(b.limit(4, BUY, 100, 5));
    ok(b.limit(5, BUY, 100, 1));
    ok(b.modify(4, undefined, 103));
    expect(fills(b)).toEqual([
      [1, 101, 2],
      [2, 102, 2],
    ]);
    expect(result(b)).toEqual({ filled: 4, resting: 1, cancelled: 0, expired: [] });
    expect(side(b, BUY)).toEqual([
      [103, [[4, 1]]],
      [100, [[5, 1]]],
    ]);
    expect(side(b, SELL)).toEqual([[104, [[3, 2]]]]);
    // Fully filled by a modify: the order is finished.
    ok(b.modify(5, 2, 104));
    expect(fills(b)).toEqual([[3, 104, 2]]);
    expect(result(b)).toEqual({ filled: 2, resting: 0, cancelled: 0, expired: [] });
    expect(b.isLive(5)).toBe(false);
    expect(b.modify(5, 1)).toBe(Status.UNKNOWN_ORDER);
    expect(b.limit(5, BUY, 1, 1)).toBe(Status.DUPLICATE_ID);
  });

  it('modify of a non-live id is UNKNOWN_ORDER and changes nothing', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 2));
    ok(b.market(2, BUY, 2)); // 1 filled, 2 a market order
    ok(b.limit(3, SELL, 105, 1));
    ok(b.cancel(3));
    ok(b.limit(4, BUY, 90, 1, IOC));
    ok(b.limit(5, BUY, 90, 3));
    const before = snap(b);
    for (const id of [1, 2, 3, 4, 6, 0, -1, 1.5, Number.NaN, 2 ** 52]) {
      expect(b.modify(id, 1), `modify(${id})`).toBe(Status.UNKNOWN_ORDER);
      expect(b.modify(id, undefined, 95)).toBe(Status.UNKNOWN_ORDER);
      expect(result(b)).toEqual({ filled: 0, resting: 0, cancelled: 0, expired: [] });
      expect(snap(b)).toEqual(before);
    }
  });

  it('modify with bad values is INVALID_QTY / INVALID_PRICE, and a rejected modify changes nothing (priority kept)', () => {
    const b = book();
    ok(b.limit(1, BUY, 100, 5));
    ok(b.limit(2, BUY, 100, 5));
    ok(b.limit(3, SELL, 101, 5));
    const before = snap(b);
    for (const q of [0, -1, 2.5, Number.NaN, Infinity, -Infinity, 2 ** 53, 2 ** 60]) {
      expect(b.modify(1, q), `qty ${q}`).toBe(Status.INVALID_QTY);
      expect(b.modify(1, q, 101), `qty ${q} with a crossing price`).toBe(Status.INVALID_QTY);
      expect(snap(b)).toEqual(before);
    }
    for (const p of [0, -100, 100.5, Number.NaN, Infinity, 2 ** 53]) {
      expect(b.modify(1, undefined, p), `price ${p}`).toBe(Status.INVALID_PRICE);
      expect(b.modify(1, 9, p), `qty 9 and price ${p}`).toBe(Status.INVALID_PRICE);
      expect(fills(b)).toEqual([]);
      expect(result(b)).toEqual({ filled: 0, resting: 0, cancelled: 0, expired: [] });
      expect(snap(b)).toEqual(before);
    }
    ok(b.market(4, SELL, 1));
    expect(fills(b)).toEqual([[1, 100, 1]]); // 1 still first in the queue
  });

  it('modify keeps the owner, so self-trade prevention still applies after re-entry', () => {
    const b = book({ stp: STP_EXPIRE_MAKER });
    ok(b.limit(1, SELL, 101, 2, GTC, false, 7));
    ok(b.limit(2, SELL, 102, 2, GTC, false, 8));
    ok(b.limit(3, BUY, 100, 3, GTC, false, 7));
    ok(b.modify(3, undefined, 102));
    expect(result(b)).toEqual({ filled: 2, resting: 1, cancelled: 0, expired: [1] });
    expect(fills(b)).toEqual([[2, 102, 2]]);
    expect(b.snapshot(BUY)[0].orders).toEqual([{ id: 3, qty: 1, owner: 7 }]);
  });
});

// ====================================================================== values

describe('prices and quantities', () => {
  it('price and qty must be positive safe integers, else INVALID_PRICE / INVALID_QTY', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 5));
    const before = snap(b);
    let id = 10;
    for (const p of [0, -1, 0.5, 99.5, Number.NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 + 2, 1e300]) {
      expect(b.limit(id, BUY, p, 1), `price ${p}`).toBe(Status.INVALID_PRICE);
      expect(b.limit(id, BUY, p, 1, IOC)).toBe(Status.INVALID_PRICE);
      expect(b.limit(id, BUY, p, 1, FOK)).toBe(Status.INVALID_PRICE);
      id++;
    }
    for (const q of [0, -1, 0.5, 1.5, Number.NaN, Infinity, -Infinity, 2 ** 53, 1e300]) {
      expect(b.limit(id, BUY, 100, q), `qty ${q}`).toBe(Status.INVALID_QTY);
      expect(b.market(id, BUY, q), `market qty ${q}`).toBe(Status.INVALID_QTY);
      id++;
    }
    expect(fills(b)).toEqual([]);
    expect(snap(b)).toEqual(before);
    expect(b.tradedVolume).toBe(0);
    // The ids of rejected orders were never taken.
    ok(b.limit(10, BUY, 100, 1));
    expect(fills(b)).toEqual([[1, 100, 1]]);
  });

  it('prices up to 2^53-1 are handled exactly: no int32 truncation (2^40+1 vs 2^40+2, 2^32+1 vs 1)', () => {
    const b = book();
    const p = 2 ** 40 + 1;
    ok(b.limit(1, BUY, p, 3));
    ok(b.limit(2, SELL, p + 1, 3)); // one tick above: must not cross
    ok(b.limit(3, BUY, 2 ** 32 + 1, 1)); // would be 1 after int32 truncation
    ok(b.limit(4, SELL, 2 ** 32 + 2, 1)); // below the best bid 2^40+1, so it trades there
    expect(fills(b)).toEqual([[1, p, 1]]);
    expect(b.bestBid()).toBe(p);
    expect(b.bestAsk()).toBe(p + 1);
    expect(b.depth(BUY, 2)).toEqual(new Float64Array([p, 2, 1, 2 ** 32 + 1, 1, 1]));
    ok(b.limit(5, SELL, MAX, 1));
    ok(b.limit(6, SELL, MAX - 1, 1));
    expect(side(b, SELL)).toEqual([
      [p + 1, [[2, 3]]],
      [MAX - 1, [[6, 1]]],
      [MAX, [[5, 1]]],
    ]);
    ok(b.limit(7, BUY, MAX, 5));
    expect(fills(b)).toEqual([
      [2, p + 1, 3],
      [6, MAX - 1, 1],
      [5, MAX, 1],
    ]);
    expect(b.priceOf(1)).toBe(p);
  });

  it('quantities up to 2^53-1 are handled exactly (qty 2^53-1 partly filled leaves 2^53-2)', () => {
    const b = book();
    const p = 2 ** 40 + 1;
    ok(b.limit(1, BUY, p, MAX));
    expect(b.snapshot(BUY)).toEqual([{ price: p, qty: MAX, count: 1, orders: [{ id: 1, qty: MAX, owner: 0 }] }]);
    ok(b.limit(2, SELL, p, 1));
    expect(fills(b)).toEqual([[1, p, 1]]);
    expect(b.remaining(1)).toBe(MAX - 1);
    expect(b.depth(BUY, 1)).toEqual(new Float64Array([p, MAX - 1, 1]));
    ok(b.market(3, SELL, MAX));
    expect(fills(b)).toEqual([[1, p, MAX - 1]]);
    expect(result(b)).toEqual({ filled: MAX - 1, resting: 0, cancelled: 1, expired: [] });
    ok(b.limit(4, SELL, p, MAX, IOC));
    expect(result(b)).toEqual({ filled: 0, resting: 0, cancelled: MAX, expired: [] });
    ok(b.limit(5, SELL, 7, MAX - 2));
    ok(b.modify(5, MAX - 4));
    expect(b.remaining(5)).toBe(MAX - 4);
    ok(b.cancel(5));
    expect(result(b).cancelled).toBe(MAX - 4);
  });

  it('level totals stay exact when a level briefly holds more than 2^53-1 lots in total', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, MAX));
    ok(b.limit(2, SELL, 100, 2)); // the level total 2^53+1 is not a double
    ok(b.market(3, BUY, MAX)); // takes order 1 whole
    expect(fills(b)).toEqual([[1, 100, MAX]]);
    expect(b.snapshot(SELL)).toEqual([{ price: 100, qty: 2, count: 1, orders: [{ id: 2, qty: 2, owner: 0 }] }]);
    expect(b.depth(SELL, 1)).toEqual(new Float64Array([100, 2, 1]));
    ok(b.limit(4, BUY, 100, 2, FOK)); // both lots are there
    expect(fills(b)).toEqual([[2, 100, 2]]);

    // Same through a partial fill, an in-place modify and a cancel.
    ok(b.limit(10, BUY, 50, MAX));
    ok(b.limit(11, BUY, 50, 2));
    ok(b.limit(12, BUY, 50, 4));
    ok(b.market(13, SELL, MAX - 1)); // 10 keeps 1
    expect(b.depth(BUY, 1)).toEqual(new Float64Array([50, 7, 3]));
    ok(b.limit(14, BUY, 50, MAX));
    ok(b.modify(14, 3)); // in place, from a level total above 2^53-1
    expect(b.depth(BUY, 1)).toEqual(new Float64Array([50, 10, 4]));
    ok(b.limit(15, BUY, 50, MAX));
    ok(b.cancel(15));
    expect(b.depth(BUY, 1)).toEqual(new Float64Array([50, 10, 4]));
    ok(b.limit(16, SELL, 50, 10, FOK));
    expect(fills(b)).toEqual([
      [10, 50, 1],
      [11, 50, 2],
      [12, 50, 4],
      [14, 50, 3],
    ]);
    expect(b.snapshot(BUY)).toEqual([]);
  });

  it('a rejected op never trades and never changes the book (every rejection kind)', () => {
    const b = book({ stp: STP_EXPIRE_MAKER });
    ok(b.limit(1, SELL, 100, 3, GTC, false, 1));
    ok(b.limit(2, SELL, 101, 3, GTC, false, 2));
    ok(b.limit(3, BUY, 99, 3, GTC, false, 1));
    ok(b.limit(4, BUY, 98, 3));
    ok(b.market(5, BUY, 1)); // a trade, so there is something for the buffer to hold
    expect(b.fills.count).toBe(1);
    const before = snap(b);
    const volume = b.tradedVolume;
    const trades = b.tradeCount;
    const rejections: [string, () => number, number][] = [
      ['invalid id', () => b.limit(0, BUY, 101, 9, GTC, false, 1), Status.INVALID_ID],
      ['fractional id', () => b.market(1.5, BUY, 9), Status.INVALID_ID],
      ['invalid side', () => b.limit(20, 2, 101, 9), Status.INVALID_SIDE],
      ['invalid price', () => b.limit(20, BUY, 0, 9), Status.INVALID_PRICE],
      ['invalid qty', () => b.limit(20, BUY, 101, 0), Status.INVALID_QTY],
      ['invalid market qty', () => b.market(20, BUY, -3), Status.INVALID_QTY],
      ['invalid tif', () => b.limit(20, BUY, 101, 9, 7), Status.INVALID_TIF],
      ['duplicate live id', () => b.limit(1, BUY, 101, 9), Status.DUPLICATE_ID],
      ['duplicate market id', () => b.market(5, BUY, 9), Status.DUPLICATE_ID],
      ['FOK not fillable', () => b.limit(20, BUY, 101, 9, FOK, false, 1), Status.FOK_NOT_FILLABLE],
      ['post-only would cross', () => b.limit(20, BUY, 100, 9, GTC, true, 1), Status.POST_ONLY_WOULD_CROSS],
      ['cancel unknown', () => b.cancel(20), Status.UNKNOWN_ORDER],
      ['modify unknown', () => b.modify(5, 1, 100), Status.UNKNOWN_ORDER],
      ['modify bad qty', () => b.modify(3, 0, 101), Status.INVALID_QTY],
      ['modify bad price', () => b.modify(3, 9, 101.5), Status.INVALID_PRICE],
    ];
    for (const [what, op, status] of rejections) {
      expect(op(), what).toBe(status);
      expect(fills(b), what).toEqual([]);
      expect(result(b), what).toEqual({ filled: 0, resting: 0, cancelled: 0, expired: [] });
      expect(snap(b), what).toEqual(before);
      expect(b.tradedVolume).toBe(volume);
      expect(b.tradeCount).toBe(trades);
    }
    ok(b.limit(20, BUY, 101, 5, GTC, false, 1)); // id 20 was never taken; expires its own ask 1 and trades with 2
    expect(result(b)).toEqual({ filled: 3, resting: 2, cancelled: 0, expired: [1] });
    expect(fills(b)).toEqual([[2, 101, 3]]);
  });
});

// ====================================================================== ids

describe('ids', () => {
  it('ids are unique for the book lifetime: live, filled, cancelled, market, IOC and FOK ids are all DUPLICATE_ID', () => {
    const b = book();
    ok(b.limit(1, SELL, 100, 2)); // will be filled
    ok(b.limit(2, BUY, 100, 2)); // taker, filled
    ok(b.limit(3, SELL, 105, 2)); // will be cancelled
    ok(b.cancel(3));
    ok(b.market(4, BUY, 1)); // market on an empty side
    ok(b.limit(5, BUY, 90, 1, IOC));
    ok(b.limit(6, SELL, 200, 1));
    ok(b.limit(7, BUY, 200, 1, FOK)); // filled FOK; 6 filled
    ok(b.limit(8, BUY, 90, 4)); // live
    ok(b.limit(9, BUY, 91, 1));
    ok(b.modify(9, 2)); // re-entered, still live
    const before = snap(b);
    for (const id of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      expect(b.limit(id, SELL, 300, 1), `limit ${id}`).toBe(Status.DUPLICATE_ID);
      expect(b.limit(id, BUY, 1, 1, IOC), `ioc ${id}`).toBe(Status.DUPLICATE_ID);
      expect(b.market(id, SELL, 1), `market ${id}`).toBe(Status.DUPLICATE_ID);
      expect(snap(b)).toEqual(before);
    }
  });

  it('large ids (2^52, 2^53-1, and across the 2^24 dense/sparse boundary) are tracked exactly', () => {
    const b = book();
    const ids = [2 ** 52, 2 ** 52 + 1, MAX, 2 ** 24 - 1, 2 ** 24, 2 ** 24 + 1, 2 ** 32 + 1, 1025, 1];
    let p = 100;
    for (const id of ids) ok(b.limit(id, BUY, p++, 1));
    expect(b.snapshot(BUY).map((l) => l.orders[0].id)).toEqual([...ids].reverse());
    for (const id of ids) expect(b.limit(id, BUY, 1, 1), `${id}`).toBe(Status.DUPLICATE_ID);
    expect(b.limit(2 ** 32 + 2, BUY, 1, 1)).toBe(Status.OK); // a neighbour is a different id
    expect(b.limit(2 ** 32 + 2, BUY, 1, 1)).toBe(Status.DUPLICATE_ID);
    ok(b.cancel(2 ** 52));
    expect(b.cancel(2 ** 52)).toBe(Status.UNKNOWN_ORDER);
    expect(b.limit(2 ** 52, SELL, 1000, 1)).toBe(Status.DUPLICATE_ID);
    ok(b.market(2 ** 52 + 7, SELL, 2)); // the best bids are the last two placed (prices 108, 107)
    expect(fills(b)).toEqual([
      [1, 108, 1],
      [1025, 107, 1],
    ]);
    expect(b.market(2 ** 52 + 7, SELL, 2)).toBe(Status.DUPLICATE_ID);
    expect(b.cancel(MAX)).toBe(Status.OK);
    expect(b.limit(MAX, BUY, 1, 1)).toBe(Status.DUPLICATE_ID);
  });
});

// ====================================================================== self-trade prevention

describe('self-trade prevention', () => {
  it('mode none (default): orders of the same owner trade with each other', () => {
    const b = book();
    expect(b.stp).toBe(STP_NONE);
    ok(b.limit(1, SELL, 100, 3, GTC, false, 7));
    ok(b.limit(2, BUY, 100, 2, GTC, false, 7));
    expect(fills(b)).toEqual([[1, 100, 2]]);
    expect(fillOwners(b)).toEqual([7]);
    expect(result(b)).toEqual({ filled: 2, resting: 0, cancelled: 0, expired: [] });
  });

  it('owner 0 means no owner and never self-trades, in every mode', () => {
    for (const stp of [STP_EXPIRE_MAKER, STP_EXPIRE_TAKER] as const) {
      const b = book({ stp });
      ok(b.limit(1, SELL, 100, 3)); // owner defaults to 0
      ok(b.limit(2, SELL, 100, 3, GTC, false, 0));
      ok(b.limit(3, BUY, 100, 4, GTC, false, 0));
      expect(fills(b)).toEqual([
        [1, 100, 3],
        [2, 100, 1],
      ]);
      expect(result(b)).toEqual({ filled: 4, resting: 0, cancelled: 0, expired: [] });
      ok(b.market(4, BUY, 2));
      expect(fills(b)).toEqual([[2, 100, 2]]);
    }
  });

  it('expire_maker: the taker own resting orders are removed and reported as expired, and the taker carries on', () => {
    const b = book({ stp: STP_EXPIRE_MAKER });
    ok(b.limit(1, SELL, 100, 3, GTC, false, 1));
    ok(b.limit(2, SELL, 100, 2, GTC, false, 2));
    ok(b.limit(3, SELL, 101, 2, GTC, false, 1));
    ok(b.limit(4, SELL, 101, 5, GTC, false, 3));
    ok(b.limit(5, SELL, 102, 1, GTC, false, 1)); // beyond the fill: stays
    ok(b.limit(6, BUY, 101, 8, GTC, false, 1));
    expect(fills(b)).toEqual([
      [2, 100, 2],
      [4, 101, 5],
    ]);
    expect(fillOwners(b)).toEqual([2, 3]);
    expect(result(b)).toEqual({ filled: 7, resting: 1, cancelled: 0, expired: [1, 3] });
    expect(side(b, SELL)).toEqual([[102, [[5, 1]]]]);
    expect(side(b, BUY)).toEqual([[101, [[6, 1]]]]);
    expect(b.isLive(1)).toBe(false);
    expect(b.cancel(3)).toBe(Status.UNKNOWN_ORDER);
    expect(b.limit(1, SELL, 100, 1)).toBe(Status.DUPLICATE_ID);
    // A market order works the same way.
    ok(b.limit(7, BUY, 100, 2, GTC, false, 4));
    ok(b.market(8, SELL, 5, 1));
    expect(result(b)).toEqual({ filled: 2, resting: 0, cancelled: 3, expired: [6] });
    expect(fills(b)).toEqual([[7, 100, 2]]);
  });

  it('expire_taker: the taker remainder is cancelled on reaching its own order; earlier trades stand', () => {
    const b = book({ stp: STP_EXPIRE_TAKER });
    ok(b.limit(1, SELL, 100, 2, GTC, false, 2));
    ok(b.limit(2, SELL, 100, 3, GTC, false, 1));
    ok(b.limit(3, SELL, 101, 5, GTC, false, 3));
    ok(b.limit(4, BUY, 101, 6, GTC, false, 1));
    expect(fills(b)).toEqual([[1, 100, 2]]);
    expect(result(b)).toEqual({ filled: 2, resting: 0, cancelled: 4, expired: [] });
    expect(side(b, SELL)).toEqual([
      [100, [[2, 3]]],
      [101, [[3, 5]]],
    ]);
    expect(side(b, BUY)).toEqual([]); // the GTC remainder did not rest (it would cross)
    expect(b.isLive(4)).toBe(false);
    // Another owner trades through normally; the same owner meets its own order at once.
    ok(b.market(5, BUY, 1, 1));
    expect(result(b)).toEqual({ filled: 0, resting: 0, cancelled: 1, expired: [] });
    ok(b.limit(6, BUY, 101, 4, GTC, false, 2));
    expect(fills(b)).toEqual([
      [2, 100, 3],
      [3, 101, 1],
    ]);
    // A crossing modify is a taker too.
    ok(b.limit(7, BUY, 99, 5, GTC, false, 3));
    ok(b.modify(7, undefined, 101));
    expect(result(b)).toEqual({ filled: 0, resting: 0, cancelled: 5, expired: [] });
    expect(b.isLive(7)).toBe(false);
    expectNotCrossed(b);
  });
});

// ====================================================================== growth

describe('growth', () => {
  it('many levels, orders and ids beyond the initial capacities keep price-time order', () => {
    const b = book({ capacity: 16 });
    // 700 ask levels and 700 bid levels (initial level arrays hold 256), 3 orders each.
    let id = 1;
    for (let i = 0; i < 700; i++) {
      for (let k = 0; k < 3; k++) ok(b.limit(id++, SELL, 10_000 + ((i * 7919) % 700), 1));
      for (let k = 0; k < 3; k++) ok(b.limit(id++, BUY, 9_999 - ((i * 104729) % 700), 1));
    }
    expect(b.levels(SELL)).toBe(700);
    expect(b.levels(BUY)).toBe(700);
    expect(b.liveOrders).toBe(4200);
    const asks = b.snapshot(SELL);
    expect(asks.map((l) => l.price)).toEqual(Array.from({ length: 700 }, (_, i) => 10_000 + i));
    const bids = b.snapshot(BUY);
    expect(bids.map((l) => l.price)).toEqual(Array.from({ length: 700 }, (_, i) => 9_999 - i));
    for (const l of [...asks, ...bids]) {
      expect(l.count).toBe(3);
      expect(l.orders[0].id).toBeLessThan(l.orders[1].id);
      expect(l.orders[1].id).toBeLessThan(l.orders[2].id);
    }
    // Cancel every middle order, then sweep half the asks.
    for (const l of asks) ok(b.cancel(l.orders[1].id));
    ok(b.market(id++, BUY, 700));
    expect(b.fills.count).toBe(700);
    expect(b.fills.price[0]).toBe(10_000);
    expect(b.fills.makerId[0]).toBe(asks[0].orders[0].id);
    expect(b.fills.makerId[1]).toBe(asks[0].orders[2].id);
    expect(b.fills.price[699]).toBe(10_349);
    expect(b.bestAsk()).toBe(10_350);
    expectNotCrossed(b);
  });
});
