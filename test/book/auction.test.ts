// Call auction uncross: hand-computed books where volume, imbalance and the reference price each
// decide the price; market orders first; price-time allocation; empty and one-sided auctions;
// and a seeded property test against a brute-force scan of every price.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AUCTION_MARKET, AuctionOrders, ClearingCurve, uncross, type AuctionResult } from '../../src/book/auction.ts';

const B = 0;
const S = 1;
const M = AUCTION_MARKET;

/** Orders as [id, side, price, qty]; owner = id + 100. */
function book(orders: [number, number, number, number][]): AuctionOrders {
  const a = new AuctionOrders(2);
  for (const [id, side, price, qty] of orders) a.add(id, side, price, qty, id + 100);
  return a;
}

/** The fills as [buy id, sell id, qty]. */
function pairs(a: AuctionOrders, r: AuctionResult): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < r.count; i++) out.push([a.id[r.buyRow[i]], a.id[r.sellRow[i]], r.qty[i]]);
  return out;
}

describe('uncross: worked examples', () => {
  it('maximum volume decides: 101 clears 200 lots', () => {
    // D(p): 99:300 100:300 101:200 102:100 103:0; S(p): 99:150 100:150 101:250 102:250 103:350.
    // min: 150 150 200 100 0 -> 101.
    const a = book([
      [1, B, 102, 100],
      [2, B, 101, 100],
      [3, B, 100, 100],
      [4, S, 99, 150],
      [5, S, 101, 100],
      [6, S, 103, 100],
    ]);
    const r = uncross(a, 100);
    expect([r.price, r.volume, r.buyVolume, r.sellVolume, r.imbalance]).toEqual([101, 200, 200, 250, -50]);
    expect(pairs(a, r)).toEqual([
      [1, 4, 100],
      [2, 4, 50],
      [2, 5, 50],
    ]);
    expect(Array.from(r.filled)).toEqual([100, 100, 0, 150, 50, 0]);
  });

  it('minimum imbalance decides between equal volumes, against the reference', () => {
    // D: 99:120 100:100 101:100; S: 99:0 100:100 101:150. Volume 100 at 100 and 101;
    // imbalance 0 at 100, 50 at 101: 100 wins although the reference is 101.
    const a = book([
      [1, B, 101, 100],
      [2, B, 99, 20],
      [3, S, 100, 100],
      [4, S, 101, 50],
    ]);
    const r = uncross(a, 101);
    expect([r.price, r.volume, r.imbalance]).toEqual([100, 100, 0]);
    expect(pairs(a, r)).toEqual([[1, 3, 100]]);
  });

  it('the reference price decides between equal volume and imbalance', () => {
    // 100 @ 102 against 100 @ 98: every price in 98..102 clears 100 with imbalance 0.
    const orders: [number, number, number, number][] = [
      [1, B, 102, 100],
      [2, S, 98, 100],
    ];
    expect(uncross(book(orders), 100).price).toBe(100); // the reference itself is a candidate
    expect(uncross(book(orders), 105).price).toBe(102); // 105 clears nothing; 102 is nearest
    expect(uncross(book(orders), 90).price).toBe(98);
    expect(uncross(book(orders), 99).volume).toBe(100);
  });

  it('market orders fill first, then limit orders', () => {
    // D = 150 at 100 and 101, S = 80: volume 80, imbalance 70 at both; reference 100.
    const a = book([
      [1, B, 101, 100],
      [2, B, M, 50],
      [3, S, 100, 80],
    ]);
    const r = uncross(a, 100);
    expect([r.price, r.volume, r.imbalance]).toEqual([100, 80, 70]);
    expect(pairs(a, r)).toEqual([
      [2, 3, 50],
      [1, 3, 30],
    ]);
  });

  it('allocates by price, then time, at the clearing price', () => {
    // D(100) = 120, S(100) = 70 -> 70 at 100; D(101) = 40 -> 40. Price 100.
    const a = book([
      [1, B, 100, 40],
      [2, B, 101, 40],
      [3, B, 100, 40],
      [4, S, 100, 70],
    ]);
    const r = uncross(a, 100);
    expect([r.price, r.volume]).toEqual([100, 70]);
    expect(pairs(a, r)).toEqual([
      [2, 4, 40],
      [1, 4, 30],
    ]);
    expect(Array.from(r.filled)).toEqual([30, 40, 0, 70]);
  });

  it('skips removed orders and keeps a reduced order in its place', () => {
    const a = book([
      [1, B, 100, 40],
      [2, B, 100, 40],
      [3, S, 100, 30],
    ]);
    expect(a.reduce(1, 10)).toBe(true);
    expect(a.reduce(1, 11)).toBe(false);
    expect(a.remove(2)).toBe(40);
    expect(a.remove(2)).toBe(0);
    const r = uncross(a, 100);
    expect([r.price, r.volume]).toEqual([100, 10]);
    expect(pairs(a, r)).toEqual([[1, 3, 10]]);
  });

  it('empty, one-sided and uncrossed auctions trade nothing; market against market clears at the reference', () => {
    expect(uncross(new AuctionOrders(), 100)).toMatchObject({ price: 0, volume: 0, count: 0 });
    expect(uncross(book([[1, B, 100, 10], [2, B, M, 5]]), 100)).toMatchObject({ price: 0, volume: 0 });
    expect(uncross(book([[1, S, 100, 10]]), 100)).toMatchObject({ price: 0, volume: 0 });
    expect(uncross(book([[1, B, 99, 10], [2, S, 101, 10]]), 100)).toMatchObject({ price: 0, volume: 0 });
    const a = book([
      [1, B, M, 30],
      [2, S, M, 20],
    ]);
    const r = uncross(a, 777);
    expect([r.price, r.volume, r.imbalance]).toEqual([777, 20, 10]);
    expect(pairs(a, r)).toEqual([[1, 2, 20]]);
  });

  it('rejects malformed input', () => {
    const a = new AuctionOrders();
    expect(() => a.add(0, B, 1, 1)).toThrow(/id/);
    expect(() => a.add(1, 2, 1, 1)).toThrow(/side/);
    expect(() => a.add(1, B, 1.5, 1)).toThrow(/price/);
    expect(() => a.add(1, B, 1, 0)).toThrow(/qty/);
    a.add(1, B, 1, 1);
    expect(() => a.add(1, S, 1, 1)).toThrow(/duplicate/);
    expect(() => uncross(a, 0)).toThrow(/reference/);
  });
});

describe('uncross: properties', () => {
  const order = fc.record({
    side: fc.integer({ min: 0, max: 1 }),
    market: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
    price: fc.integer({ min: 95, max: 105 }),
    qty: fc.integer({ min: 1, max: 50 }),
  });

  it('trades the largest crossed volume, never more, leaves no crossed residue and conserves lots', () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 40 }), fc.integer({ min: 90, max: 110 }), (os, ref) => {
        const a = new AuctionOrders();
        os.forEach((o, i) => a.add(i + 1, o.side, o.market ? M : o.price, o.qty, (i % 3) + 1));
        const r = uncross(a, ref);
        // Brute force over every price: the largest min(D, S).
        let best = 0;
        for (let p = 1; p <= 120; p++) {
          let d = 0;
          let s = 0;
          os.forEach((o) => {
            if (o.side === B && (o.market || o.price >= p)) d += o.qty;
            if (o.side === S && (o.market || o.price <= p)) s += o.qty;
          });
          best = Math.max(best, Math.min(d, s));
        }
        expect(r.volume).toBe(best);
        // The price: over the limit prices and the reference, the largest volume, then the
        // smallest imbalance, the nearest to the reference, the lowest.
        const cands = [...new Set([ref, ...os.filter((o) => !o.market).map((o) => o.price)])].sort((x, y) => x - y);
        const keyed = cands.map((p) => {
          let d = 0;
          let s = 0;
          os.forEach((o) => {
            if (o.side === B && (o.market || o.price >= p)) d += o.qty;
            if (o.side === S && (o.market || o.price <= p)) s += o.qty;
          });
          return [-Math.min(d, s), Math.abs(d - s), Math.abs(p - ref), p];
        });
        keyed.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3]);
        expect(r.price).toBe(best === 0 ? 0 : keyed[0][3]);
        // Conservation: per side the fills sum to the volume, per row to `filled`, within qty.
        const perRow = new Float64Array(os.length);
        let total = 0;
        for (let i = 0; i < r.count; i++) {
          expect(r.qty[i]).toBeGreaterThan(0);
          expect(a.side[r.buyRow[i]]).toBe(B);
          expect(a.side[r.sellRow[i]]).toBe(S);
          perRow[r.buyRow[i]] += r.qty[i];
          perRow[r.sellRow[i]] += r.qty[i];
          total += r.qty[i];
        }
        expect(total).toBe(r.volume);
        let buys = 0;
        let sells = 0;
        os.forEach((o, i) => {
          expect(perRow[i]).toBe(r.filled[i]);
          expect(r.filled[i]).toBeLessThanOrEqual(o.qty);
          if (r.filled[i] > 0 && !o.market) expect(o.side === B ? o.price >= r.price : o.price <= r.price).toBe(true);
          if (o.side === B) buys += r.filled[i];
          else sells += r.filled[i];
        });
        expect(buys).toBe(r.volume);
        expect(sells).toBe(r.volume);
        // No crossed residue: what is left on the two sides would not trade with each other.
        // A market order is a buy at +infinity or a sell at -infinity (index 0 of each pair:
        // present, index 1: price).
        const bid: [boolean, number] = [false, -Infinity];
        const ask: [boolean, number] = [false, Infinity];
        os.forEach((o, i) => {
          if (r.filled[i] === o.qty) return;
          const p = o.market ? (o.side === B ? Infinity : -Infinity) : o.price;
          if (o.side === B) bid.splice(0, 2, true, Math.max(bid[1], p));
          else ask.splice(0, 2, true, Math.min(ask[1], p));
        });
        if (bid[0] && ask[0]) expect(bid[1] < ask[1]).toBe(true);
      }),
      { seed: 20250127, numRuns: 2000 },
    );
  });
});

describe('ClearingCurve: the clearing rule on aggregated orders', () => {
  // Prices from a narrow band (the per-tick histogram) or spread over 10^7 ticks (sorted
  // distinct candidates), with and without a collar; checked against the rule scanned directly.
  const wide = fc.record({
    side: fc.constantFrom(B, S),
    market: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
    price: fc.oneof(fc.integer({ min: 990, max: 1010 }), fc.integer({ min: 1, max: 10_000_000 })),
    qty: fc.integer({ min: 1, max: 50 }),
  });

  it('gives the price, volume and imbalance of a direct scan of the candidates', () => {
    const curve = new ClearingCurve();
    let sparse = 0;
    fc.assert(
      fc.property(fc.array(wide, { maxLength: 60 }), fc.integer({ min: 980, max: 1020 }), fc.integer({ min: 0, max: 3 }), (os, ref, collarKind) => {
        const lo = collarKind === 1 || collarKind === 3 ? ref - 7 : 1;
        const hi = collarKind === 2 || collarKind === 3 ? ref + 7 : Number.MAX_SAFE_INTEGER;
        curve.reset();
        for (const o of os) curve.add(o.side, o.market ? M : o.price, o.qty);
        const got = curve.clear(ref, lo, hi);
        const limits = os.filter((o) => !o.market).map((o) => o.price);
        if (Math.max(ref, ...limits.filter((p) => p >= lo && p <= hi)) - Math.min(ref, ...limits.filter((p) => p >= lo && p <= hi)) > 1024) sparse++;
        const cands = [...new Set([ref, ...limits.filter((p) => p >= lo && p <= hi), ...(lo > 1 ? [lo] : []), ...(hi < Number.MAX_SAFE_INTEGER ? [hi] : [])])];
        const keyed = cands.map((p) => {
          let d = 0;
          let s = 0;
          for (const o of os) {
            if (o.side === B && (o.market || o.price >= p)) d += o.qty;
            if (o.side === S && (o.market || o.price <= p)) s += o.qty;
          }
          return { p, v: Math.min(d, s), imb: Math.abs(d - s), dist: Math.abs(p - ref), d, s };
        });
        keyed.sort((x, y) => y.v - x.v || x.imb - y.imb || x.dist - y.dist || x.p - y.p);
        const best = keyed[0];
        if (best.v === 0) expect([got.price, got.volume, got.imbalance]).toEqual([0, 0, 0]);
        else expect([got.price, got.volume, got.buyVolume, got.sellVolume, got.imbalance]).toEqual([best.p, best.v, best.d, best.s, best.d - best.s]);
      }),
      { seed: 20250128, numRuns: 3000 },
    );
    expect(sparse).toBeGreaterThan(300); // both paths were exercised
  });
});

