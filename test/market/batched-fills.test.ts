// Taker fills in batches (protocol.ts BatchedFills): a trader whose fill handler reads only lots
// and order ids gets one MSG_FILLS per sweep instead of one FILL per trade. Its account, its fill
// count and what it hears in lots come out the same as with a FILL per trade; the makers still
// hear each of their fills; and the whole DeepSeek week keeps its tape (golden.test.ts).
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/kernel/kernel.ts';
import type { Kernel as K } from '../../src/kernel/kernel.ts';
import { Exchange } from '../../src/market/exchange.ts';
import { Trader } from '../../src/agents/trader.ts';
import { InvestorClass } from '../../src/agents/classes.ts';

class Scripted extends Trader {
  readonly classId = InvestorClass.INSTITUTION;
  override readonly fillsInBatches: boolean;
  readonly heard: string[] = [];
  constructor(ex: Exchange, batches: boolean, private readonly steps: [number, (k: K, t: Scripted) => void][]) {
    super(ex, 1);
    this.fillsInBatches = batches;
  }
  start(k: K): void {
    for (const [t] of this.steps) k.wakeAt(this.id, t);
  }
  private i = 0;
  wake(k: K): void {
    while (this.i < this.steps.length && this.steps[this.i][0] <= k.now) this.steps[this.i++][1](k, this);
  }
  order(k: K, side: number, price: number, qty: number): number {
    return this.limit(k, 0, side, price, qty);
  }
  protected override onFill(_k: K, _s: number, side: number, _price: number, qty: number, orderId: number, maker: boolean): void {
    this.heard.push(`${maker ? 'maker' : 'taker'} ${side} ${qty} of ${orderId}`);
  }
}

function run(batches: boolean) {
  const k = new Kernel();
  const ex = k.add(new Exchange({ symbols: ['X'], referencePrices: [100], centsPerTickLot: [7] }));
  // Both sides may batch: only a taker's sweep is ever batched, so the maker hears each fill.
  const maker = k.add(new Scripted(ex, batches, [
    [10, (k, t) => t.order(k, 1, 101, 5)],
    [10, (k, t) => t.order(k, 1, 102, 5)],
    [10, (k, t) => t.order(k, 1, 104, 5)],
  ]), 20);
  const taker = k.add(new Scripted(ex, batches, [
    [40, (k, t) => t.order(k, 0, 104, 12)], // sweeps three levels: three trades
    [80, (k, t) => t.order(k, 0, 104, 1)], // one trade
  ]), 20);
  k.run(1_000);
  return { maker, taker, events: k.events };
}

describe('taker fills in batches', () => {
  it('books a sweep as one message with the same account, fill count and lots', () => {
    const single = run(false);
    const batched = run(true);
    const notional = 5 * 101 + 5 * 102 + 2 * 104 + 1 * 104;
    for (const r of [single, batched]) {
      expect(r.taker.position[0]).toBe(13);
      expect(r.taker.cash).toBe(-notional * 7);
      expect(r.maker.position[0]).toBe(-13);
      expect(r.maker.cash).toBe(notional * 7);
      expect(r.taker.fills).toBe(4);
      expect(r.maker.fills).toBe(4);
    }
    const [first, second] = [4, 5]; // the taker's order ids (the maker's are 1-3)
    expect(single.taker.heard).toEqual([`taker 0 5 of ${first}`, `taker 0 5 of ${first}`, `taker 0 2 of ${first}`, `taker 0 1 of ${second}`]);
    expect(batched.taker.heard).toEqual([`taker 0 12 of ${first}`, `taker 0 1 of ${second}`]);
    expect(batched.maker.heard).toEqual(single.maker.heard);
    expect(single.maker.heard).toHaveLength(4);
    // Two FILL messages of the three-trade sweep saved.
    expect(single.events - batched.events).toBe(2);
  });
});
