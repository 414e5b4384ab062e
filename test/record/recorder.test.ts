// The Recorder as a kernel agent and trade sink: samples at the right times, the same tape hash
// as a plain TradeTape, refusals of unknown classes and sides, and a simulated run whose class
// flows match the traders' own position changes and whose trading P&L sums to zero.
import { describe, expect, it } from 'vitest';
import { NS_PER_MINUTE, NS_PER_SECOND } from '../../src/core/units.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { Recorder, NO_CLASS, agentClassMap, type QuoteSource } from '../../src/record/recorder.ts';
import { TradeTape } from '../../src/record/trade-tape.ts';
import { simulate } from './sim.ts';

const S = NS_PER_SECOND;

/** A quote source whose quotes are a function of the kernel clock. */
function fakeQuotes(k: Kernel): QuoteSource {
  return {
    bestBid: () => (k.now < 2 * S ? null : 100 + k.now / S),
    bestAsk: () => 102 + k.now / S,
    mid: () => (k.now < 2 * S ? 99 : 101 + k.now / S),
    last: [99],
  };
}

describe('Recorder', () => {
  it('samples L1 quotes every sampleNs from startNs, on the exact times', () => {
    const k = new Kernel();
    const r = new Recorder({ symbols: ['A'], referencePrices: [99], startNs: 2 * S, sampleNs: S / 2 });
    r.attach(fakeQuotes(k));
    k.add(r);
    k.run(4.25 * S);
    const q = r.quotes;
    expect(Array.from(q.time.subarray(0, q.count))).toEqual([2, 2.5, 3, 3.5, 4].map((x) => x * S));
    expect(Array.from(q.bid.subarray(0, q.count))).toEqual([102, 102.5, 103, 103.5, 104]);
    expect(Array.from(q.mid.subarray(0, q.count))).toEqual([103, 103.5, 104, 104.5, 105]);
    const k2 = new Kernel();
    const r2 = new Recorder({ symbols: ['A'], referencePrices: [99] });
    r2.attach(fakeQuotes(k2));
    k2.add(r2);
    k2.run(3 * S);
    expect(Array.from(r2.quotes.time.subarray(0, r2.quotes.count))).toEqual([0, 1, 2, 3].map((x) => x * S));
    expect(Number.isNaN(r2.quotes.bid[0])).toBe(true);
    expect(r2.quotes.mid[0]).toBe(99);
    expect(r2.bars.mid[0]).toBe(104);
  });

  it('keeps the tape hash of a plain TradeTape over the same trades', () => {
    const tape = new TradeTape();
    const r = new Recorder({ symbols: ['A', 'B'], referencePrices: [10, 20], agentClass: Uint8Array.of(0, 1, 2) });
    const trades: [number, number, number, number, number, number, number][] = [
      [5, 0, 10, 3, 0, 1, 0],
      [7, 1, 21, 1, 2, 1, 1],
      [2 ** 40, 0, 11, 2 ** 33, 1, 2, 2],
    ];
    for (const t of trades) {
      tape.trade(...t);
      r.trade(...t);
    }
    expect(r.hash()).toBe(tape.hash());
    expect(r.count).toBe(3);
    expect(Array.from(r.qty.subarray(0, 3))).toEqual([3, 1, 2 ** 33]);
  });

  it('refuses a trade by an agent with no class, a bad taker side, a class out of range and a run with no exchange', () => {
    const r = new Recorder({ symbols: ['A'], referencePrices: [10], agentClass: Uint8Array.of(0, NO_CLASS) });
    expect(() => r.trade(0, 0, 10, 1, 0, 1, 0)).toThrow(/agent 1 traded but has no investor class/);
    expect(() => r.trade(0, 0, 10, 1, 0, 5, 0)).toThrow(/agent 5 traded/);
    expect(() => r.trade(0, 0, 10, 1, 0, 0, 3)).toThrow(/takerSide 3/);
    expect(() => r.setAgentClasses(Uint8Array.of(7))).toThrow(/class 7, outside the 7 known classes/);
    expect(() => new Recorder({ symbols: ['A'], referencePrices: [10], realSharesPerLot: 0 })).toThrow(/realSharesPerLot/);
    expect(() => new Recorder({ symbols: ['A'], referencePrices: [10, 11] })).toThrow(/one price per symbol/);
    const k = new Kernel();
    k.add(new Recorder({ symbols: ['A'], referencePrices: [10] }));
    expect(() => k.run(1)).toThrow(/attach\(exchange\)/);
  });

  it('maps agents to classes by their classId, NO_CLASS for the others', () => {
    expect(Array.from(agentClassMap([{}, { classId: 4 }, { classId: 0 }]))).toEqual([NO_CLASS, 4, 0]);
  });

  it('records a simulated run: bars, samples, flows equal position changes, trading P&L sums to zero', () => {
    const sim = simulate(3, 600, { realSharesPerLot: 10 });
    const r = sim.recorder;
    expect(r.count).toBeGreaterThan(100);
    expect(r.quotes.count).toBe(601);
    expect(r.bars.minutes).toBe(10);
    let vol = 0;
    for (let m = 0; m < 10; m++) vol += r.bars.volume[m];
    expect(vol).toBe(sim.exchange.volume[0]);
    const h = r.holdings!;
    expect(h).not.toBeNull();
    for (const p of h.positions) {
      const c = r.classNames.indexOf(p.class);
      expect(p.changeLots).toBe(r.flows.netLots(0, c));
    }
    const trading = h.pnl.reduce((a, p) => a + p.tradingPnlCents, 0);
    expect(trading).toBe(0);
    for (const p of h.pnl) {
      const c = r.classNames.indexOf(p.class);
      expect(p.cashChangeCents + r.flows.netCents(0, c)).toBe(0);
    }
    const s = r.summary();
    expect(s.tapeHash).toBe(r.hash());
    expect(s.days).toHaveLength(1);
    expect(s.days[0].volumeLots).toBe(sim.exchange.volume[0]);
    expect(s.days[0].volumeShares).toBe(10 * sim.exchange.volume[0]);
    expect(s.days[0].close).toBe(sim.exchange.last[0]);
    expect(simulate(3, 600).recorder.hash()).toBe(r.hash());
    expect(s.endNs).toBe(10 * NS_PER_MINUTE);
  });
});

describe('Recorder with trading hours (an exchange day schedule)', () => {
  const H = 3600 * S;
  const DAY = 24 * H;
  const OPEN = 9.5 * H;
  const CLOSE = 16 * H;

  it('samples only in the session, from the open, and resumes at the next open', () => {
    const k = new Kernel();
    const r = new Recorder({ symbols: ['A'], referencePrices: [99], sampleNs: 60 * S, session: { dayNs: DAY, openNs: OPEN, closeNs: CLOSE } });
    r.attach(fakeQuotes(k));
    k.add(r);
    k.run(2 * DAY);
    const t = Array.from(r.quotes.time.subarray(0, r.quotes.count));
    expect(t).toHaveLength(780);
    expect(t.slice(0, 2)).toEqual([OPEN, OPEN + 60 * S]);
    expect(t[389]).toBe(CLOSE - 60 * S);
    expect(t[390]).toBe(DAY + OPEN);
    expect(r.minutesPerDay).toBe(390);
  });

  it('puts the opening auction in bar 0, the closing auction in the last bar, and counts bars per session', () => {
    const r = new Recorder({ symbols: ['A'], referencePrices: [100], agentClass: Uint8Array.of(0, 4), session: { dayNs: DAY, openNs: OPEN, closeNs: CLOSE } });
    r.trade(OPEN, 0, 101, 10, 0, 1, 2);
    r.trade(OPEN + 59 * S, 0, 102, 1, 0, 1, 0);
    r.trade(CLOSE, 0, 98, 20, 0, 1, 2);
    r.trade(DAY + 10 * H, 0, 97, 5, 1, 0, 0);
    expect([r.barOf(OPEN), r.barOf(CLOSE), r.barOf(DAY + 10 * H)]).toEqual([0, 389, 420]);
    r.finish(DAY + 17 * H);
    expect(r.bars.minutes).toBe(780);
    expect([r.dayOf(420), r.minuteOfDay(420)]).toEqual([1, 30]);
    expect(r.bars.close[389]).toBe(98);
    expect(r.bars.volume[0]).toBe(11);
    const days = r.days();
    expect(days.map((d) => [d.open, d.close, d.volumeLots])).toEqual([
      [101, 98, 31],
      [97, 97, 5],
    ]);
    expect(days[1].return).toBeCloseTo(97 / 98 - 1, 12);
    expect(r.flows.netLots(0, 4)).toBe(31 - 5);
    expect(() => new Recorder({ symbols: ['A'], referencePrices: [1], minutesPerDay: 5, session: { dayNs: DAY, openNs: OPEN, closeNs: CLOSE } })).toThrow(/not both/);
    expect(() => new Recorder({ symbols: ['A'], referencePrices: [1], session: { dayNs: DAY, openNs: CLOSE, closeNs: OPEN } })).toThrow(/session must satisfy/);
  });
});
