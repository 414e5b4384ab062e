// Limit up-limit down on the exchange, worked through with scripted agents: doubled bands in
// the first 15 minutes, a buy clamped to the upper band -> limit state -> 15 s -> 5-minute pause
// -> reopening auction, exact times and prints; a limit state left in time causes no pause;
// and the band's reference moving only on 1% changes.
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/kernel/kernel.ts';
import { Exchange } from '../../src/market/exchange.ts';
import { LULD_TIER1, PriceBand } from '../../src/market/luld.ts';
import { clock, US_EQUITY_DAY } from '../../src/market/schedule.ts';
import { Prints, Script } from './helpers.ts';

const T = clock;

function push(cancelAt?: number) {
  const k = new Kernel();
  const prints = new Prints();
  const ex = k.add(new Exchange({ symbols: ['NVDA'], referencePrices: [10_000], schedule: US_EQUITY_DAY, luld: true, sink: prints }));
  const x = () => ex.id;
  const A = k.add(new Script(x, [[T(8), (k, s) => s.limit(k, 1, 0, 10_000, 100)]]));
  const B = k.add(new Script(x, [[T(8), (k, s) => s.limit(k, 2, 1, 10_000, 100)]]));
  const C = k.add(new Script(x, [[T(9, 50), (k, s) => s.limit(k, 3, 1, 10_600, 100)]]));
  const dSteps: [number, (k: Kernel, s: Script) => void][] = [[T(10), (k, s) => s.limit(k, 4, 0, 10_700, 100)]];
  if (cancelAt !== undefined) dSteps.push([cancelAt, (k, s) => s.cancel(k, 4)]);
  const D = k.add(new Script(x, dSteps));
  const E = k.add(new Script(x, [[T(10, 2), (k, s) => s.limit(k, 5, 1, 10_400, 60)]]));
  const F = k.add(new Script(x, [[T(10, 2), (k, s) => s.market(k, 6, 0, 20)]]));
  const G = k.add(new Script(x, [[T(10, 10), (k, s) => s.market(k, 7, 0, 150)]]));
  return { k, ex, prints, A, B, C, D, E, F, G };
}

describe('LULD', () => {
  it('doubles the bands 09:30-09:45 and 15:35-16:00', () => {
    const r = push();
    const at = (t: number) => {
      r.k.run(t);
      return r.ex.band(0);
    };
    expect(at(T(9, 31))).toEqual({ reference: 10_000, lower: 9_000, upper: 11_000 });
    expect(at(T(9, 44, 59))).toEqual({ reference: 10_000, lower: 9_000, upper: 11_000 });
    expect(at(T(9, 45))).toEqual({ reference: 10_000, lower: 9_500, upper: 10_500 });
    // After the reopening and G's buy the reference is 10,600 (see the next test).
    expect(at(T(15, 34))).toEqual({ reference: 10_600, lower: 10_070, upper: 11_130 });
    expect(at(T(15, 35))).toEqual({ reference: 10_600, lower: 9_540, upper: 11_660 });
  });

  it('clamps a buy to the upper band, enters the limit state, pauses after 15 s and reopens by auction after 5 min', () => {
    const r = push();
    const { k, ex } = r;
    k.run(T(10));
    // D's buy at 10,700 is clamped to the upper band 10,500 and rests there (C offers 10,600).
    expect(r.D.log).toEqual(['ACK 4 filled 0 resting 100 cancelled 0']);
    expect([ex.bestBid(0), ex.bestAsk(0), ex.state(0)]).toEqual([10_500, 10_600, 'limit-state']);
    k.run(T(10, 0, 15) - 1);
    expect(ex.state(0)).toBe('limit-state');
    k.run(T(10, 0, 15));
    expect(ex.state(0)).toBe('paused');
    expect(ex.halts).toEqual([{ symbol: 0, start: T(10, 0, 15), end: null }]);
    // Orders in the pause are collected.
    k.run(T(10, 5, 15) - 1);
    expect(r.E.log).toEqual(['ACK 5 filled 0 resting 60 cancelled 0']);
    expect(r.F.log).toEqual(['ACK 6 filled 0 resting 20 cancelled 0']);
    // Reopening: book buy 100 @ 10,500 and sell 100 @ 10,600, collected sell 60 @ 10,400 and
    // market buy 20; reference = last trade 10,000. Volume 60 at 10,400 and at 10,500 with
    // D - S = 60 at both; 10,400 is nearer the reference.
    expect(ex.indicative(0)).toEqual({ price: 10_400, volume: 60, imbalance: 60 });
    k.run(T(10, 5, 15));
    expect(ex.state(0)).toBe('continuous');
    expect(ex.halts).toEqual([{ symbol: 0, start: T(10, 0, 15), end: T(10, 5, 15) }]);
    expect(r.prints.rows.slice(1)).toEqual([
      `${T(10, 5, 15)} s0 20@10400 maker ${r.E.id} taker ${r.F.id} side 2`,
      `${T(10, 5, 15)} s0 40@10400 maker ${r.E.id} taker ${r.D.id} side 2`,
    ]);
    expect(r.D.log.slice(1)).toEqual(['FILL 4 side 0 40@10400 f2']);
    expect([ex.bestBid(0), ex.bestBidSize(0), ex.bestAsk(0)]).toEqual([10_500, 60, 10_600]);
    expect(ex.band(0)).toEqual({ reference: 10_400, lower: 9_880, upper: 10_920 });
    // G's market buy of 150 is an IOC at the upper band 10,920: it takes C's 100 at 10,600 and
    // the rest is cancelled; the 1.9% move resets the reference to 10,600.
    k.run(T(10, 10));
    expect(r.G.log).toEqual(['FILL 7 side 0 100@10600 f0', 'ACK 7 filled 100 resting 0 cancelled 50']);
    expect(ex.band(0)).toEqual({ reference: 10_600, lower: 10_070, upper: 11_130 });
    expect(ex.state(0)).toBe('continuous');
  });

  it('a limit state left within 15 s causes no pause', () => {
    const r = push(T(10, 0, 10));
    r.k.run(T(10, 0, 9));
    expect(r.ex.state(0)).toBe('limit-state');
    r.k.run(T(10, 0, 10));
    expect(r.ex.state(0)).toBe('continuous');
    r.k.run(T(10, 1));
    expect(r.ex.state(0)).toBe('continuous');
    expect(r.ex.halts).toEqual([]);
  });

  it('moves the reference only on a change of 1% or more, over a 5-minute window', () => {
    const b = new PriceBand(LULD_TIER1);
    b.reset(10_000, false);
    expect(b.trade(0, 10_099)).toBe(false); // mean 10,099: 0.99%
    expect(b.reference).toBe(10_000);
    expect(b.trade(1, 10_101)).toBe(true); // mean 10,100: exactly 1%
    expect([b.reference, b.lower, b.upper]).toEqual([10_100, 9_595, 10_605]);
    const W = LULD_TIER1.windowNs;
    expect(b.trade(W + 1, 9_999)).toBe(false); // the trade at 0 left the window: mean 10,050
    expect(b.trade(W + 2, 9_999)).toBe(true); // the trade at 1 left too: mean 9,999, 1% below
    expect(b.reference).toBe(9_999);
  });
});
