// Acknowledgements are opt-in: ACCEPTED only for messages with FLAG_ACK; REJECTED, FILL and
// EXPIRED always. Continuous trading and collected (pre-open) orders, raw senders and Traders.
import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/kernel/kernel.ts';
import { Exchange } from '../../src/market/exchange.ts';
import { FLAG_ACK } from '../../src/market/protocol.ts';
import { clock, US_EQUITY_DAY } from '../../src/market/schedule.ts';
import { Trader } from '../../src/agents/trader.ts';
import { InvestorClass } from '../../src/agents/classes.ts';
import { STP_EXPIRE_MAKER } from '../../src/book/codes.ts';
import { Script } from './helpers.ts';

/** The same continuous-trading script, sent with or without FLAG_ACK; returns each agent's log. */
function continuous(acks: boolean): { maker: string[]; taker: string[]; events: number } {
  const k = new Kernel();
  const ex = k.add(new Exchange({ symbols: ['X'], referencePrices: [100], stp: STP_EXPIRE_MAKER }));
  const x = () => ex.id;
  const maker = k.add(new Script(x, [
    [10, (k, s) => s.limit(k, 1, 1, 101, 5)], // rests
    [10, (k, s) => s.limit(k, 2, 1, 102, 5)], // rests
    [20, (k, s) => s.cancel(k, 2)], // cancelled
    [30, (k, s) => s.cancel(k, 2)], // unknown now: rejected
    [30, (k, s) => s.limit(k, 3, 1, 0, 5)], // invalid price: rejected
    [40, (k, s) => s.limit(k, 5, 0, 99, 4)], // rests
    [50, (k, s) => s.limit(k, 6, 1, 99, 1)], // self-trade: its own bid 5 expires, the rest rests
  ], acks));
  const taker = k.add(new Script(x, [
    [40, (k, s) => s.market(k, 4, 0, 8)], // fills 5 of maker's order 1, the rest cancelled
  ], acks));
  k.run(1_000);
  return { maker: maker.log, taker: taker.log, events: k.events };
}

describe('acknowledgements (FLAG_ACK)', () => {
  it('without the flag: fills, rejections and expiries only', () => {
    const r = continuous(false);
    expect(r.maker).toEqual(['REJ 2 status 7', 'REJ 3 status 3', 'FILL 1 side 1 5@101 f1', 'EXP 5 qty 0 reason 0']);
    expect(r.taker).toEqual(['FILL 4 side 0 5@101 f0']);
  });

  it('with the flag: the same replies plus an ACCEPTED per order, cancel and modify', () => {
    const r = continuous(true);
    expect(r.maker).toEqual([
      'ACK 1 filled 0 resting 5 cancelled 0',
      'ACK 2 filled 0 resting 5 cancelled 0',
      'ACK 2 filled 0 resting 0 cancelled 5',
      'REJ 2 status 7',
      'REJ 3 status 3',
      'ACK 5 filled 0 resting 4 cancelled 0',
      'FILL 1 side 1 5@101 f1',
      'EXP 5 qty 0 reason 0',
      'ACK 6 filled 0 resting 1 cancelled 0',
    ]);
    expect(r.taker).toEqual(['FILL 4 side 0 5@101 f0', 'ACK 4 filled 5 resting 0 cancelled 3']);
    expect(r.events - continuous(false).events).toBe(6);
  });

  it('orders collected for an auction are acknowledged only on request', () => {
    const run = (acks: boolean) => {
      const k = new Kernel();
      const ex = k.add(new Exchange({ symbols: ['X'], referencePrices: [100], schedule: US_EQUITY_DAY }));
      const a = k.add(new Script(() => ex.id, [
        [clock(8), (k, s) => s.limit(k, 1, 0, 100, 10)],
        [clock(8, 1), (k, s) => s.modify(k, 1, 0, 6)],
        [clock(8, 2), (k, s) => s.limit(k, 2, 1, 100, 4)],
        [clock(8, 3), (k, s) => s.cancel(k, 2)],
      ], acks));
      k.run(clock(9));
      return a.log;
    };
    expect(run(false)).toEqual([]);
    expect(run(true)).toEqual(['ACK 1 filled 0 resting 10 cancelled 0', 'ACK 1 filled 0 resting 6 cancelled 0', 'ACK 2 filled 0 resting 4 cancelled 0', 'ACK 2 filled 0 resting 0 cancelled 4']);
  });
});

/** Sends one market order into an empty book at t = 10 and records what it hears. */
class Taker extends Trader {
  readonly classId = InvestorClass.NOISE;
  readonly heard: string[] = [];
  sent = 0;
  constructor(ex: Exchange, acks: boolean) {
    super(ex, 1);
    if (acks) this.requestAcks();
  }
  start(k: Kernel): void {
    k.wakeAt(this.id, 10);
  }
  wake(k: Kernel): void {
    this.sent = this.market(k, 0, 0, 3);
    this.cancel(k, 0, 12345);
  }
  protected override onAccepted(k: Kernel, symbol: number, orderId: number, filled: number, resting: number, cancelled: number): void {
    this.heard.push(`accepted ${orderId} ${filled}/${resting}/${cancelled}`);
    super.onAccepted(k, symbol, orderId, filled, resting, cancelled);
  }
  protected override onDone(_k: Kernel, _symbol: number, orderId: number): void {
    this.heard.push(`done ${orderId}`);
  }
}

describe('Trader.requestAcks', () => {
  it('a trader that asks hears onAccepted and onDone for an order that ends on entry; one that does not hears neither', () => {
    for (const acks of [true, false]) {
      const k = new Kernel();
      const ex = k.add(new Exchange({ symbols: ['X'], referencePrices: [100] }));
      const t = k.add(new Taker(ex, acks));
      const orders: number[] = [];
      const receive = ex.receive.bind(ex);
      ex.receive = (kk: Kernel, slot: number) => {
        orders.push(kk.msgs.f[slot]);
        receive(kk, slot);
      };
      k.run(100);
      expect(t.wantsAcks).toBe(acks);
      expect(orders).toEqual(acks ? [FLAG_ACK, FLAG_ACK] : [0, 0]);
      // The cancel of an unknown order is rejected either way (onRejected -> onDone).
      expect(t.heard).toEqual(acks ? [`accepted ${t.sent} 0/0/3`, `done ${t.sent}`, 'done 12345'] : ['done 12345']);
      expect(t.cancelsSent).toBe(1);
      expect(t.ordersSent).toBe(1);
    }
  });
});
