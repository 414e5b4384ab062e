// Fills buffer: grows past its capacity without losing entries, and the book clears it at the start of every operation.
import { describe, expect, it } from 'vitest';
import { BUY, Fills, IOC, SELL, STP_EXPIRE_MAKER, Status, createOrderBook, type OrderBook } from '../../src/book/index.ts';

function rows(f: Fills): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let i = 0; i < f.count; i++) out.push([f.makerId[i], f.makerOwner[i], f.price[i], f.qty[i]]);
  return out;
}

describe('Fills buffer', () => {
  it('grows past its capacity, keeping every earlier entry exactly', () => {
    const f = new Fills(4);
    const startCap = f.makerId.length;
    const want: [number, number, number, number][] = [];
    for (let i = 0; i < 1000; i++) {
      const row: [number, number, number, number] = [2 ** 52 + i, i % 5, 2 ** 40 + i, Number.MAX_SAFE_INTEGER - i];
      f.push(...row);
      want.push(row);
      expect(f.count).toBe(i + 1);
    }
    expect(startCap).toBeLessThan(1000);
    expect(f.makerId.length).toBeGreaterThanOrEqual(1000);
    for (const col of [f.makerOwner, f.price, f.qty]) expect(col.length).toBe(f.makerId.length);
    expect(rows(f)).toEqual(want);
  });

  it('works from a degenerate requested capacity (0, negative, fractional)', () => {
    for (const cap of [0, -5, 2.7]) {
      const f = new Fills(cap);
      for (let i = 1; i <= 20; i++) f.push(i, 0, 100 + i, i);
      expect(f.count).toBe(20);
      expect(f.makerId[19]).toBe(20);
      expect(f.price[0]).toBe(101);
    }
  });

  it('clear() empties it and the next push writes the first row again', () => {
    const f = new Fills(4);
    for (let i = 1; i <= 9; i++) f.push(i, 1, 10, 1);
    f.clear();
    expect(f.count).toBe(0);
    expect(rows(f)).toEqual([]);
    f.push(77, 3, 12, 5);
    expect(rows(f)).toEqual([[77, 3, 12, 5]]);
  });

  it('the book writes into the buffer it was given and grows it when one taker has more fills than the capacity', () => {
    const f = new Fills(4);
    const b = createOrderBook({ fills: f });
    expect(b.fills).toBe(f);
    for (let i = 1; i <= 150; i++) expect(b.limit(i, SELL, 100 + (i % 7), i, 0, false, i % 3)).toBe(Status.OK);
    expect(b.market(1000, BUY, 150 * 151)).toBe(Status.OK); // takes everything: 150 fills
    expect(f.count).toBe(150);
    expect(f.makerId.length).toBeGreaterThanOrEqual(150);
    const got = rows(f);
    // Price-time order: price 100 (ids 7, 14, ...), then 101 (1, 8, ...), ...
    const want: [number, number, number, number][] = [];
    for (let p = 100; p <= 106; p++) for (let i = 1; i <= 150; i++) if (100 + (i % 7) === p) want.push([i, i % 3, p, i]);
    expect(got).toEqual(want);
    expect(b.result.filled).toBe(150 * 151 / 2);
    expect(b.result.cancelled).toBe(150 * 151 / 2);
  });

  it('the default buffer (64) also grows: a 200-maker sweep reports all 200 fills', () => {
    const b = createOrderBook();
    for (let i = 1; i <= 200; i++) b.limit(i, BUY, 500 - i, 1);
    expect(b.limit(201, SELL, 1, 500)).toBe(Status.OK);
    expect(b.fills.count).toBe(200);
    expect(b.fills.makerId[0]).toBe(1);
    expect(b.fills.price[0]).toBe(499);
    expect(b.fills.makerId[199]).toBe(200);
    expect(b.fills.price[199]).toBe(300);
    expect(b.result).toEqual({ filled: 200, resting: 300, cancelled: 0, expired: [] });
  });
});

describe('Fills are cleared per operation', () => {
  /** A book in which each call of `trade()` leaves several fills in the buffer. */
  function setup(): { b: OrderBook; trade: () => void } {
    const b = createOrderBook({ fills: new Fills(4), stp: STP_EXPIRE_MAKER });
    let id = 1;
    const trade = (): void => {
      for (let k = 0; k < 6; k++) b.limit(id++, SELL, 200, 1);
      expect(b.market(id++, BUY, 6)).toBe(Status.OK);
      expect(b.fills.count).toBe(6);
    };
    b.limit(900_000, BUY, 50, 5, 0, false, 1);
    b.limit(900_001, SELL, 300, 5, 0, false, 1);
    return { b, trade };
  }

  const cases: [string, (b: OrderBook) => number, number][] = [
    ['a resting limit that does not trade', (b) => b.limit(5000, BUY, 60, 1), Status.OK],
    ['an IOC that does not trade', (b) => b.limit(5001, BUY, 60, 1, IOC), Status.OK],
    ['a market order on an empty side', (b) => (b.cancel(900_001), b.market(5002, BUY, 3)), Status.OK],
    ['a cancel', (b) => b.cancel(900_000), Status.OK],
    ['an in-place modify', (b) => b.modify(900_000, 2), Status.OK],
    ['a re-entering modify that does not trade', (b) => b.modify(900_000, 9, 51), Status.OK],
    ['a self-trade expiry without a trade', (b) => b.limit(5003, SELL, 50, 5, IOC, false, 1), Status.OK],
    ['an invalid price', (b) => b.limit(5004, BUY, 0, 1), Status.INVALID_PRICE],
    ['a duplicate id', (b) => b.limit(1, BUY, 60, 1), Status.DUPLICATE_ID],
    ['an unknown cancel', (b) => b.cancel(123_456), Status.UNKNOWN_ORDER],
    ['an unknown modify', (b) => b.modify(123_456, 1), Status.UNKNOWN_ORDER],
    ['a bad modify', (b) => b.modify(900_000, 0), Status.INVALID_QTY],
    ['an unfillable FOK', (b) => b.limit(5005, BUY, 1000, 99, 2), Status.FOK_NOT_FILLABLE],
    ['a crossing post-only', (b) => b.limit(5006, SELL, 50, 1, 0, true), Status.POST_ONLY_WOULD_CROSS],
  ];
  for (const [what, op, status] of cases) {
    it(`after ${what}, the buffer holds no fills from the previous operation`, () => {
      const { b, trade } = setup();
      trade();
      expect(op(b)).toBe(status);
      expect(b.fills.count).toBe(0);
    });
  }

  it('an operation with fills reports only its own, starting at row 0', () => {
    const { b, trade } = setup();
    trade();
    expect(b.limit(6000, SELL, 300, 2)).toBe(Status.OK);
    expect(b.limit(6001, BUY, 300, 3, IOC)).toBe(Status.OK); // 900_001 first (5 lots)
    expect(rows(b.fills)).toEqual([[900_001, 1, 300, 3]]);
    trade();
    expect(b.modify(900_000, undefined, 300)).toBe(Status.OK); // owner 1 meets its own 900_001: expired, then 6000
    expect(b.result.expired).toEqual([900_001]);
    expect(rows(b.fills)).toEqual([[6000, 0, 300, 2]]);
  });
});
