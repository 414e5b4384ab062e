// One-minute bars from a scripted trade list: exact OHLCV, trade counts and values, empty
// minutes carried forward, mid samples, day summaries, and the boundary-minute trim.
import { describe, expect, it } from 'vitest';
import { NS_PER_MINUTE, NS_PER_SECOND } from '../../src/core/units.ts';
import { Recorder } from '../../src/record/recorder.ts';

const MIN = NS_PER_MINUTE;
const S = NS_PER_SECOND;

/** Two symbols, agents 0..3: 0 and 1 noise, 2 retail, 3 institution. */
function recorder(extra = {}) {
  return new Recorder({ symbols: ['A', 'B'], referencePrices: [100, 50], centsPerTickLot: [1, 10], agentClass: Uint8Array.of(0, 0, 4, 2), ...extra });
}

describe('MinuteBars via the Recorder', () => {
  it('builds exact OHLCV per minute and symbol and carries empty minutes forward', () => {
    const r = recorder();
    // minute 0, symbol A: 101, 103, 99, 102 ; symbol B untouched
    r.trade(1 * S, 0, 101, 5, 0, 2, 0);
    r.trade(10 * S, 0, 103, 2, 1, 2, 0);
    r.trade(20 * S, 0, 99, 7, 2, 3, 1);
    r.trade(59 * S, 0, 102, 1, 0, 3, 0);
    // minute 1: nothing; minute 2: A at 98, B at 52 twice
    r.trade(2 * MIN, 0, 98, 4, 3, 2, 1);
    r.trade(2 * MIN + 1, 1, 52, 3, 0, 1, 0);
    r.trade(3 * MIN - 1, 1, 51, 1, 1, 0, 1);
    r.finish(4 * MIN);
    const b = r.bars;
    expect(b.minutes).toBe(4);
    const A = (col: Float64Array | Int32Array) => b.series(col, 0);
    const B = (col: Float64Array | Int32Array) => b.series(col, 1);
    expect(A(b.open)).toEqual([101, 102, 98, 98]);
    expect(A(b.high)).toEqual([103, 102, 98, 98]);
    expect(A(b.low)).toEqual([99, 102, 98, 98]);
    expect(A(b.close)).toEqual([102, 102, 98, 98]);
    expect(A(b.volume)).toEqual([15, 0, 4, 0]);
    expect(A(b.trades)).toEqual([4, 0, 1, 0]);
    expect(A(b.value)).toEqual([101 * 5 + 103 * 2 + 99 * 7 + 102, 0, 98 * 4, 0]);
    // B: reference 50 carried until its first trade in minute 2
    expect(B(b.open)).toEqual([50, 50, 52, 51]);
    expect(B(b.high)).toEqual([50, 50, 52, 51]);
    expect(B(b.low)).toEqual([50, 50, 51, 51]);
    expect(B(b.close)).toEqual([50, 50, 51, 51]);
    expect(B(b.volume)).toEqual([0, 0, 4, 0]);
    expect(B(b.value)).toEqual([0, 0, (52 * 3 + 51) * 10, 0]);
  });

  it('keeps the last mid sampled in each minute and carries it over minutes with no sample', () => {
    const r = recorder();
    r.bars.sampleMid(0, 0, 100.5);
    r.bars.sampleMid(0, 0, 101);
    r.bars.sampleMid(2, 0, 99.5);
    r.finish(3 * MIN);
    expect(r.bars.series(r.bars.mid, 0)).toEqual([101, 101, 99.5]);
    expect(r.bars.series(r.bars.mid, 1)).toEqual([50, 50, 50]);
  });

  it('drops a trailing minute holding only the end-of-run sample, keeps one with trades', () => {
    const a = recorder();
    a.bars.sampleMid(2, 0, 100);
    a.finish(2 * MIN);
    expect(a.bars.minutes).toBe(2);
    const b = recorder();
    b.trade(2 * MIN, 0, 100, 1, 0, 1, 0);
    b.finish(2 * MIN);
    expect(b.bars.minutes).toBe(3);
  });

  it('counts minutes from startNs and refuses a trade before it', () => {
    const r = recorder({ startNs: 10 * MIN });
    r.trade(10 * MIN + 61 * S, 0, 100, 1, 0, 1, 0);
    expect(r.bars.minutes).toBe(2);
    expect(() => r.trade(MIN, 0, 100, 1, 0, 1, 0)).toThrow(/before the recorder's start/);
  });

  it('summarises each day: open, high, low, close, return on the previous close, volume', () => {
    const r = recorder({ minutesPerDay: 2, realSharesPerLot: 100 });
    r.trade(0, 0, 110, 2, 0, 1, 0); // day 0 A
    r.trade(MIN, 0, 90, 3, 0, 1, 0);
    r.trade(MIN + 1, 0, 95, 1, 0, 1, 0);
    r.trade(3 * MIN, 0, 114, 4, 0, 1, 0); // day 1 A
    r.finish(4 * MIN);
    const days = r.days();
    expect(days.map((d) => [d.day, d.symbol, d.open, d.high, d.low, d.close, d.volumeLots, d.trades])).toEqual([
      [0, 'A', 110, 110, 90, 95, 6, 3],
      [0, 'B', 50, 50, 50, 50, 0, 0],
      [1, 'A', 114, 114, 114, 114, 4, 1],
      [1, 'B', 50, 50, 50, 50, 0, 0],
    ]);
    expect(days[0].return).toBeCloseTo(95 / 100 - 1, 12);
    expect(days[2].return).toBeCloseTo(114 / 95 - 1, 12);
    expect(days[1].return).toBe(0);
    expect(r.summary().days[0].volumeShares).toBe(600);
    expect([r.dayOf(3), r.minuteOfDay(3)]).toEqual([1, 1]);
  });
});
