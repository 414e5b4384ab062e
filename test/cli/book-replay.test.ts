// `shocklab book replay` end to end: one output line per input line, bad lines answered with
// BAD_INPUT while the replay goes on, files and stdin, STP mode, and usage errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shocklab } from './helpers.ts';

const lines = (ops: unknown[]) => ops.map((o) => (typeof o === 'string' ? o : JSON.stringify(o))).join('\n') + '\n';
const parse = (out: string) => out.trimEnd().split('\n').map((l) => JSON.parse(l));

describe('shocklab book replay', () => {
  it('answers each line, in order, with the documented shapes', () => {
    const input = lines([
      { type: 'limit', id: 'B1', side: 'buy', price: 100, qty: 5, tif: 'GTC', postOnly: false, owner: 'a' },
      { type: 'limit', id: 'B2', side: 'buy', price: 100, qty: 5 },
      { type: 'limit', id: 'S1', side: 'sell', price: 99, qty: 7 },
      { type: 'book' },
      { type: 'cancel', id: 'B2' },
      { type: 'cancel', id: 'B2' },
      { type: 'market', id: 'M1', side: 'sell', qty: 3 },
      { type: 'limit', id: 'S2', side: 'sell', price: 101, qty: 4 },
      { type: 'modify', id: 'S2', qty: 3, price: 102 },
      { type: 'limit', id: 'S1', side: 'sell', price: 99, qty: 1 },
      { type: 'book' },
    ]);
    const r = shocklab(['book', 'replay'], input);
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(out).toHaveLength(11);
    expect(out[0]).toEqual({ status: 'accepted', trades: [], filled: 0, resting: 5, cancelled: 0, expired: [] });
    expect(out[2]).toEqual({
      status: 'accepted',
      trades: [
        { maker: 'B1', taker: 'S1', price: 100, qty: 5 },
        { maker: 'B2', taker: 'S1', price: 100, qty: 2 },
      ],
      filled: 7,
      resting: 0,
      cancelled: 0,
      expired: [],
    });
    expect(out[3]).toEqual({ bestBid: 100, bestAsk: null, bids: [{ price: 100, qty: 3, count: 1, orders: [{ id: 'B2', qty: 3 }] }], asks: [] });
    expect(out[4]).toEqual({ status: 'accepted', cancelled: 3 });
    expect(out[5]).toEqual({ status: 'rejected', reason: 'UNKNOWN_ORDER' });
    expect(out[6]).toEqual({ status: 'accepted', trades: [], filled: 0, resting: 0, cancelled: 3, expired: [] });
    expect(out[8]).toEqual({ status: 'accepted', trades: [], filled: 0, resting: 3, cancelled: 0, expired: [] });
    expect(out[9]).toEqual({ status: 'rejected', reason: 'DUPLICATE_ID' });
    expect(out[10]).toEqual({ bestBid: null, bestAsk: 102, bids: [], asks: [{ price: 102, qty: 3, count: 1, orders: [{ id: 'S2', qty: 3 }] }] });
  });

  it('answers bad lines with BAD_INPUT, naming the line, and goes on', () => {
    const input = lines([
      'not json',
      { type: 'limit', id: 'B1', side: 'up', price: 1, qty: 1 },
      { type: 'limit', id: 'B1', side: 'buy', qty: 1 },
      { type: 'launch', id: 'X' },
      { type: 'limit', id: 'B1', side: 'buy', price: '100', qty: 1 },
      { type: 'limit', id: 'B1', side: 'buy', price: 100, qty: 1, colour: 'red' },
      '',
      '[1,2]',
      { type: 'limit', id: 'B1', side: 'buy', price: -5, qty: 1 },
      { type: 'limit', id: 'B1', side: 'buy', price: 100, qty: 0 },
      { type: 'limit', id: 'B1', side: 'buy', price: 100, qty: 1.5 },
      { type: 'limit', id: 'B1', side: 'buy', price: 100, qty: 2 },
    ]);
    const r = shocklab(['book', 'replay', '-'], input);
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(out).toHaveLength(12);
    for (let i = 0; i < 8; i++) {
      expect(out[i]).toMatchObject({ status: 'rejected', reason: 'BAD_INPUT', line: i + 1 });
      expect(typeof out[i].message).toBe('string');
    }
    expect(out[1].message).toMatch(/side.*"up"/);
    expect(out[2].message).toMatch(/missing field "price"/);
    expect(out[3].message).toMatch(/"launch"/);
    expect(out[4].message).toMatch(/price.*number/);
    expect(out[5].message).toMatch(/colour/);
    expect(out[8]).toEqual({ status: 'rejected', reason: 'INVALID_PRICE' });
    expect(out[9]).toEqual({ status: 'rejected', reason: 'INVALID_QTY' });
    expect(out[10]).toEqual({ status: 'rejected', reason: 'INVALID_QTY' });
    expect(out[11]).toMatchObject({ status: 'accepted', resting: 2 });
  });

  it('reads a file and applies --stp expire_maker', () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-'));
    const file = join(dir, 'ops.ndjson');
    writeFileSync(
      file,
      lines([
        { type: 'limit', id: 'A1', side: 'sell', price: 100, qty: 2, owner: 'a' },
        { type: 'limit', id: 'Z1', side: 'sell', price: 100, qty: 2, owner: 'z' },
        { type: 'limit', id: 'A2', side: 'buy', price: 100, qty: 3, owner: 'a' },
      ]),
    );
    const r = shocklab(['book', 'replay', file, '--stp', 'expire_maker']);
    expect(r.code).toBe(0);
    const out = parse(r.stdout);
    expect(out[2]).toEqual({ status: 'accepted', trades: [{ maker: 'Z1', taker: 'A2', price: 100, qty: 2 }], filled: 2, resting: 1, cancelled: 0, expired: ['A1'] });
  });

  it('fails with exit 2 and one clear line on a missing file or a bad --stp', () => {
    const missing = shocklab(['book', 'replay', '/nonexistent/ops.ndjson']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read \/nonexistent\/ops.ndjson: ENOENT/);
    expect(missing.stderr).not.toMatch(/at .*\.ts:\d+/);
    const badStp = shocklab(['book', 'replay', '--stp', 'sometimes'], '');
    expect(badStp.code).toBe(2);
    expect(badStp.stderr).toMatch(/stp must be one of none, expire_maker, expire_taker, got "sometimes"/);
  });
});
