// Test helpers for the exchange: a scripted agent that sends orders with fixed ids at fixed
// times and logs every reply, and a trade sink that keeps the prints.
import type { Agent, Kernel } from '../../src/kernel/kernel.ts';
import { FLAG_ACK, FLAG_ON_CLOSE, MSG_ACCEPTED, MSG_CANCEL, MSG_EXPIRED, MSG_FILL, MSG_LIMIT, MSG_MARKET, MSG_MODIFY, MSG_REJECTED, type TradeSink } from '../../src/market/protocol.ts';

export const NAMES: Record<number, string> = { [MSG_ACCEPTED]: 'ACK', [MSG_REJECTED]: 'REJ', [MSG_FILL]: 'FILL', [MSG_EXPIRED]: 'EXP' };

/**
 * An agent that runs `steps` at their times and logs replies as "KIND id a b c d f @t". It asks
 * for acknowledgements (FLAG_ACK on every message) unless `acks` is false.
 */
export class Script implements Agent {
  id = -1;
  readonly log: string[] = [];
  private i = 0;
  constructor(
    private readonly exchange: () => number,
    private readonly steps: [number, (k: Kernel, s: Script) => void][],
    private readonly acks = true,
  ) {}
  start(k: Kernel): void {
    for (const [t] of this.steps) k.wakeAt(this.id, t);
  }
  wake(k: Kernel): void {
    while (this.i < this.steps.length && this.steps[this.i][0] <= k.now) this.steps[this.i++][1](k, this);
  }
  receive(k: Kernel, slot: number): void {
    const m = k.msgs;
    const kind = m.kind[slot];
    if (kind === MSG_FILL) this.log.push(`FILL ${m.e[slot]} side ${m.b[slot]} ${m.d[slot]}@${m.c[slot]} f${m.f[slot]}`);
    else if (kind === MSG_ACCEPTED) this.log.push(`ACK ${m.e[slot]} filled ${m.b[slot]} resting ${m.c[slot]} cancelled ${m.d[slot]}`);
    else if (kind === MSG_REJECTED) this.log.push(`REJ ${m.e[slot]} status ${m.b[slot]}`);
    else if (kind === MSG_EXPIRED) this.log.push(`EXP ${m.e[slot]} qty ${m.d[slot]} reason ${m.f[slot]}`);
  }
  limit(k: Kernel, id: number, side: number, price: number, qty: number, flags = 0, symbol = 0): void {
    this.put(k, MSG_LIMIT, symbol, side, price, qty, id, flags);
  }
  market(k: Kernel, id: number, side: number, qty: number, onClose = false, symbol = 0): void {
    this.put(k, MSG_MARKET, symbol, side, 0, qty, id, onClose ? FLAG_ON_CLOSE : 0);
  }
  cancel(k: Kernel, id: number, symbol = 0): void {
    this.put(k, MSG_CANCEL, symbol, 0, 0, 0, id, 0);
  }
  modify(k: Kernel, id: number, price: number, qty: number, symbol = 0): void {
    this.put(k, MSG_MODIFY, symbol, 0, price, qty, id, 0);
  }
  private put(k: Kernel, kind: number, a: number, b: number, c: number, d: number, e: number, f: number): void {
    const s = k.send(this.id, this.exchange(), kind);
    const m = k.msgs;
    m.a[s] = a;
    m.b[s] = b;
    m.c[s] = c;
    m.d[s] = d;
    m.e[s] = e;
    m.f[s] = f | (this.acks ? FLAG_ACK : 0);
  }
}

export class Prints implements TradeSink {
  readonly rows: string[] = [];
  trade(time: number, symbol: number, price: number, qty: number, maker: number, taker: number, side: number): void {
    this.rows.push(`${time} s${symbol} ${qty}@${price} maker ${maker} taker ${taker} side ${side}`);
  }
}
