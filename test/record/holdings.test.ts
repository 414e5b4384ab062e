// Positions and P&L by class against hand-computed values.
import { describe, expect, it } from 'vitest';
import { classHoldings, snapshotHoldings, type Holder } from '../../src/record/holdings.ts';

describe('classHoldings', () => {
  it('splits P&L into trading (cash change + position change at the last price) and holding (initial position revalued)', () => {
    const a: Holder & { position: Float64Array; cash: number } = { classId: 0, position: Float64Array.of(10, 0), cash: 1000 };
    const b: Holder & { position: Float64Array; cash: number } = { classId: 1, position: Float64Array.of(0, 5), cash: 500 };
    const c: Holder & { position: Float64Array; cash: number } = { classId: 1, position: Float64Array.of(0, 0), cash: 0 };
    const before = snapshotHoldings([a, b, c], 2);
    // a sells 4 of symbol 0 to c at 110 (cpt 2): 880 cents
    a.position[0] -= 4;
    a.cash += 880;
    c.position[0] += 4;
    c.cash -= 880;
    const h = classHoldings([a, b, c], before, ['X', 'Y'], ['one', 'two', 'three'], [120, 50], [100, 40], [2, 1]);
    expect(h.pnl).toEqual([
      // trading: +880 - 4 x 120 x 2 = -80 ; holding: 10 x (120 - 100) x 2 = 400
      { class: 'one', traders: 1, cashChangeCents: 880, tradingPnlCents: -80, holdingPnlCents: 400, totalPnlCents: 320 },
      // trading: -880 + 4 x 120 x 2 = 80 ; holding: 5 x (50 - 40) x 1 = 50
      { class: 'two', traders: 2, cashChangeCents: -880, tradingPnlCents: 80, holdingPnlCents: 50, totalPnlCents: 130 },
    ]);
    expect(h.positions).toEqual([
      { symbol: 'X', class: 'one', initialLots: 10, finalLots: 6, changeLots: -4 },
      { symbol: 'Y', class: 'one', initialLots: 0, finalLots: 0, changeLots: 0 },
      { symbol: 'X', class: 'two', initialLots: 0, finalLots: 4, changeLots: 4 },
      { symbol: 'Y', class: 'two', initialLots: 5, finalLots: 5, changeLots: 0 },
    ]);
    // total P&L is end wealth minus start wealth
    const wealth = (cash: number, p: ArrayLike<number>, px: number[]) => cash + p[0] * px[0] * 2 + p[1] * px[1];
    expect(h.pnl[0].totalPnlCents).toBe(wealth(a.cash, a.position, [120, 50]) - wealth(1000, [10, 0], [100, 40]));
  });

  it('refuses a snapshot of other traders and an unknown class', () => {
    const a = { classId: 0, position: [1], cash: 0 };
    expect(() => classHoldings([a, a], snapshotHoldings([a], 1), ['X'], ['one'], [1], [1], [1])).toThrow(/does not match/);
    const z = { classId: 3, position: [1], cash: 0 };
    expect(() => classHoldings([z], snapshotHoldings([z], 1), ['X'], ['one'], [1], [1], [1])).toThrow(/class 3/);
  });
});
