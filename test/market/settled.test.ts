// Traders that settle at the exchange (protocol.ts SettledAccount; the noise traders): their fills
// are booked and their rejections counted at match time, without messages. The same trades give
// the same accounts as when the replies travel as messages, and fewer kernel events.
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/kernel/kernel.ts';
import { Exchange } from '../../src/market/exchange.ts';
import { Trader } from '../../src/agents/trader.ts';
import { InvestorClass } from '../../src/agents/classes.ts';
import type { Kernel as K } from '../../src/kernel/kernel.ts';

/** Sends a fixed script of orders; logs what reaches it as messages. */
class Scripted extends Trader {
  readonly classId = InvestorClass.NOISE;
  override readonly settlesAtExchange: boolean;
  readonly heard: string[] = [];
  constructor(ex: Exchange, settles: boolean, private readonly steps: [number, (k: K, t: Scripted) => void][]) {
    super(ex, 1);
    this.settlesAtExchange = settles;
  }
  start(k: K): void {
    for (const [t] of this.steps) k.wakeAt(this.id, t);
  }
  private i = 0;
  wake(k: K): void {
    while (this.i < this.steps.length && this.steps[this.i][0] <= k.now) this.steps[this.i++][1](k, this);
  }
  buy(k: K, price: number, qty: number): number {
    return this.limit(k, 0, 0, price, qty);
  }
  sell(k: K, price: number, qty: number): number {
    return this.limit(k, 0, 1, price, qty);
  }
  drop(k: K, id: number): void {
    this.cancel(k, 0, id);
  }
  protected override onFill(_k: K, _s: number, side: number, price: number, qty: number): void {
    this.heard.push(`fill ${side} ${qty}@${price}`);
  }
  protected override onRejected(_k: K, _s: number, id: number): void {
    this.heard.push(`rejected ${id}`);
  }
  ask(): void {
    this.requestAcks();
  }
}

function run(settles: boolean) {
  const k = new Kernel();
  const ex = k.add(new Exchange({ symbols: ['X'], referencePrices: [100], centsPerTickLot: [7] }));
  const maker = k.add(new Scripted(ex, settles, [
    [10, (k, t) => t.sell(k, 101, 5)],
    [10, (k, t) => t.sell(k, 102, 5)],
    [60, (k, t) => t.drop(k, 999)], // unknown: rejected
  ]), 20);
  const taker = k.add(new Scripted(ex, false, [[40, (k, t) => t.buy(k, 102, 7)]]), 20);
  let atMatch = NaN;
  // Look at the maker's account 1 ns after the taker's order reaches the book (t = 40 + 20).
  k.add({ id: -1, start: (kk) => kk.wakeAt(3, 61), wake: () => (atMatch = maker.position[0]), receive: () => {} });
  k.run(1_000);
  return { maker, taker, atMatch, events: k.events };
}

describe('settlement at the exchange', () => {
  it('gives the same accounts as settlement by message, with no messages to the settled trader', () => {
    const byMessage = run(false);
    const settled = run(true);
    for (const r of [byMessage, settled]) {
      expect(r.maker.position[0]).toBe(-7);
      expect(r.maker.cash).toBe((5 * 101 + 2 * 102) * 7);
      expect(r.taker.position[0]).toBe(7);
      expect(r.taker.cash).toBe(-(5 * 101 + 2 * 102) * 7);
      expect(r.maker.fills).toBe(2);
      expect(r.maker.rejects).toBe(1);
    }
    expect(byMessage.maker.heard).toEqual(['fill 1 5@101', 'fill 1 2@102', 'rejected 999']);
    expect(settled.maker.heard).toEqual([]);
    // Booked at match time rather than a link latency later; three messages fewer.
    expect(byMessage.atMatch).toBe(0);
    expect(settled.atMatch).toBe(-7);
    expect(byMessage.events - settled.events).toBe(3);
  });

  it('refuses acknowledgements to a trader that settles at the exchange', () => {
    const k = new Kernel();
    const ex = k.add(new Exchange({ symbols: ['X'], referencePrices: [100] }));
    expect(() => new Scripted(ex, true, []).ask()).toThrow(/no acknowledgements/);
  });
});
