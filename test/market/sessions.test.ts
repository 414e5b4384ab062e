// A kernel-driven trading day on the exchange with scripted agents: closed -> pre-open ->
// opening auction -> continuous -> market/limit-on-close -> closing auction -> closed, with
// exact prices, quantities and replies; and a continuous-only exchange that rejects on-close orders.
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/kernel/kernel.ts';
import { Exchange } from '../../src/market/exchange.ts';
import { FLAG_ON_CLOSE, REJECT_MARKET_CLOSED, REJECT_NO_CLOSING_AUCTION, REJECT_NOT_IN_STATE, REJECT_ON_CLOSE_CUTOFF } from '../../src/market/protocol.ts';
import { clock, NS_PER_DAY, US_EQUITY_DAY } from '../../src/market/schedule.ts';
import { Prints, Script } from './helpers.ts';

const T = clock;

function day() {
  const k = new Kernel();
  const prints = new Prints();
  const quotes: string[] = [];
  const ex = k.add(new Exchange({ symbols: ['DS'], referencePrices: [10_000], schedule: US_EQUITY_DAY, sink: prints, quotes: { quote: (t, _s, b, bq, a, aq) => quotes.push(`${t} ${bq}@${b} ${aq}@${a}`) } }));
  const x = () => ex.id;
  const A = k.add(new Script(x, [
    [T(3), (k, s) => s.limit(k, 1, 0, 10_010, 100)], // closed: rejected
    [T(8), (k, s) => s.limit(k, 2, 0, 10_020, 100)],
  ]));
  const B = k.add(new Script(x, [
    [T(8), (k, s) => s.limit(k, 3, 1, 9_990, 60)],
    [T(8, 1), (k, s) => s.limit(k, 6, 1, 9_990, 10, 2)], // FOK in the pre-open: rejected
    [T(8, 2), (k, s) => s.limit(k, 7, 1, 9_000, 10)],
    [T(8, 3), (k, s) => s.cancel(k, 7)],
    [T(8, 4), (k, s) => s.modify(k, 3, 9_980, 60)], // a price change while collecting: rejected
  ]));
  const C = k.add(new Script(x, [[T(8), (k, s) => s.limit(k, 4, 1, 10_005, 80)]]));
  const D = k.add(new Script(x, [[T(8), (k, s) => s.market(k, 5, 0, 30)]]));
  const E = k.add(new Script(x, [[T(10), (k, s) => s.limit(k, 8, 0, 10_005, 10)]]));
  const F = k.add(new Script(x, [
    [T(11), (k, s) => s.limit(k, 9, 1, 10_010, 50)],
    [T(11), (k, s) => s.limit(k, 10, 0, 10_000, 40)],
  ]));
  const G = k.add(new Script(x, [
    [T(15), (k, s) => s.market(k, 11, 1, 70, true)], // MOC sell
    [T(15, 55), (k, s) => s.market(k, 13, 0, 5, true)], // after the cutoff: rejected
  ]));
  const H = k.add(new Script(x, [
    [T(15), (k, s) => s.limit(k, 12, 0, 10_008, 50, FLAG_ON_CLOSE)], // LOC buy
    [T(15, 55), (k, s) => s.cancel(k, 12)], // after the cutoff: rejected
    [T(16, 30), (k, s) => s.limit(k, 14, 0, 10_000, 1)], // after the close: rejected
  ]));
  return { k, ex, prints, quotes, A, B, C, D, E, F, G, H };
}

describe('exchange sessions: one trading day', () => {
  it('walks closed -> pre-open -> opening auction -> continuous -> closing auction -> closed', () => {
    const r = day();
    const { k, ex } = r;
    const states: string[] = [];
    for (const t of [T(3, 59), T(4), T(9, 29, 59), T(9, 30), T(15, 59), T(16), NS_PER_DAY + T(4)]) {
      k.run(t);
      states.push(ex.state(0));
    }
    expect(states).toEqual(['closed', 'pre-open', 'pre-open', 'continuous', 'continuous', 'closed', 'pre-open']);
  });

  it('runs the opening auction at the previous close reference: 130 lots at 10,005', () => {
    // Buys: market 30, 100 @ 10,020. Sells: 60 @ 9,990, 80 @ 10,005. Volume 130 at 10,005 and
    // at 10,020 (D - S = -10 at both); 10,005 is nearer the reference 10,000.
    const r = day();
    r.k.run(T(9, 29));
    expect(r.ex.indicative(0)).toEqual({ price: 10_005, volume: 130, imbalance: -10 });
    r.k.run(T(9, 30));
    expect(r.prints.rows).toEqual([
      `${T(9, 30)} s0 30@10005 maker ${r.B.id} taker ${r.D.id} side 2`,
      `${T(9, 30)} s0 30@10005 maker ${r.B.id} taker ${r.A.id} side 2`,
      `${T(9, 30)} s0 70@10005 maker ${r.C.id} taker ${r.A.id} side 2`,
    ]);
    expect(r.A.log).toEqual([`REJ 1 status ${REJECT_MARKET_CLOSED}`, 'ACK 2 filled 0 resting 100 cancelled 0', 'FILL 2 side 0 30@10005 f2', 'FILL 2 side 0 70@10005 f2']);
    expect(r.B.log).toEqual([
      'ACK 3 filled 0 resting 60 cancelled 0',
      `REJ 6 status ${REJECT_NOT_IN_STATE}`,
      'ACK 7 filled 0 resting 10 cancelled 0',
      'ACK 7 filled 0 resting 0 cancelled 10',
      `REJ 3 status ${REJECT_NOT_IN_STATE}`,
      'FILL 3 side 1 30@10005 f2',
      'FILL 3 side 1 30@10005 f2',
    ]);
    // C's remaining 10 lots rest in the continuous book.
    expect(r.C.log).toEqual(['ACK 4 filled 0 resting 80 cancelled 0', 'FILL 4 side 1 70@10005 f2']);
    expect([r.ex.bestBid(0), r.ex.bestAsk(0), r.ex.bestAskSize(0), r.ex.last[0], r.ex.volume[0]]).toEqual([null, 10_005, 10, 10_005, 130]);
    expect(r.ex.days).toEqual([{ day: 0, open: [10_005], close: [null] }]);
    expect(r.quotes).toEqual([`${T(9, 30)} 0@0 10@10005`]);
  });

  it('holds MOC/LOC orders to the close and uncrosses them with the resting book: 70 lots at 10,000', () => {
    // Close: book buy 40 @ 10,000 and sell 50 @ 10,010 (F), MOC sell 70 (G), LOC buy 50 @ 10,008 (H).
    // D: 10,000:90 10,005:50 10,008:50; S: 70 70 70 -> 70 lots at 10,000, imbalance 20.
    const r = day();
    r.k.run(T(15, 59));
    expect(r.ex.indicative(0)).toEqual({ price: 10_000, volume: 70, imbalance: 20 });
    expect(r.ex.depth(0, 5)).toEqual({ bids: Float64Array.from([10_000, 40, 1]), asks: Float64Array.from([10_010, 50, 1]) });
    r.k.run(T(16));
    expect(r.prints.rows.slice(3)).toEqual([
      `${T(10)} s0 10@10005 maker ${r.C.id} taker ${r.E.id} side 0`,
      `${T(16)} s0 50@10000 maker ${r.G.id} taker ${r.H.id} side 2`,
      `${T(16)} s0 20@10000 maker ${r.G.id} taker ${r.F.id} side 2`,
    ]);
    expect(r.G.log).toEqual(['ACK 11 filled 0 resting 70 cancelled 0', `REJ 13 status ${REJECT_ON_CLOSE_CUTOFF}`, 'FILL 11 side 1 50@10000 f2', 'FILL 11 side 1 20@10000 f2']);
    expect(r.H.log).toEqual(['ACK 12 filled 0 resting 50 cancelled 0', `REJ 12 status ${REJECT_ON_CLOSE_CUTOFF}`, 'FILL 12 side 0 50@10000 f2']);
    // F's unfilled 20 and its ask expire at the end of the day.
    expect(r.F.log).toEqual(['ACK 9 filled 0 resting 50 cancelled 0', 'ACK 10 filled 0 resting 40 cancelled 0', 'FILL 10 side 0 20@10000 f2', 'EXP 10 qty 20 reason 2', 'EXP 9 qty 50 reason 2']);
    expect(r.ex.days).toEqual([{ day: 0, open: [10_005], close: [10_000] }]);
    expect(Array.from(r.ex.prevClose)).toEqual([10_000]);
    expect([r.ex.bestBid(0), r.ex.bestAsk(0), r.ex.volume[0]]).toEqual([null, null, 210]);
    r.k.run(T(17));
    expect(r.H.log.at(-1)).toBe(`REJ 14 status ${REJECT_MARKET_CLOSED}`);
    r.k.run(NS_PER_DAY + T(9, 30));
    expect(r.ex.days.map((d) => d.day)).toEqual([0, 1]);
    expect(r.ex.days[1]).toEqual({ day: 1, open: [null], close: [null] });
  });

  it('the continuous-only exchange rejects on-close orders and trades from the start', () => {
    const k = new Kernel();
    const ex = k.add(new Exchange({ symbols: ['ZI'], referencePrices: [100] }));
    const a = k.add(new Script(() => ex.id, [
      [0, (k, s) => s.market(k, 1, 0, 5, true)],
      [1, (k, s) => s.limit(k, 2, 1, 100, 5)],
      [2, (k, s) => s.limit(k, 3, 0, 100, 2)],
    ]));
    k.run(10);
    expect(ex.state(0)).toBe('continuous');
    expect(a.log).toEqual([`REJ 1 status ${REJECT_NO_CLOSING_AUCTION}`, 'ACK 2 filled 0 resting 5 cancelled 0', 'FILL 2 side 1 2@100 f1', 'FILL 3 side 0 2@100 f0', 'ACK 3 filled 2 resting 0 cancelled 0']);
    expect(ex.days).toEqual([]);
  });
});
