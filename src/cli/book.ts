// `shocklab book replay [FILE|-] [--stp MODE]`: NDJSON order operations in, one NDJSON result
// line out per line in. Ids and owners are strings (or numbers) in JSON, mapped to the book's
// integer ids; a line that is not valid JSON or not a valid operation is answered with
// BAD_INPUT and the replay goes on.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { BUY, FOK, GTC, IOC, SELL, STATUS_NAMES, Status, createOrderBook, stpCode, type OrderBook } from '../index.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';

const TIFS: Record<string, number> = { GTC, IOC, FOK };

class BadInput extends Error {}

/** Maps the JSON ids and owners of one replay to the book's integers and back. */
class Names {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [''];
  private readonly owners = new Map<string, number>();

  /** The integer for an id, made on first sight. */
  id(name: string): number {
    let n = this.ids.get(name);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(name);
      this.ids.set(name, n);
    }
    return n;
  }

  /** The integer for an id already seen, or 0. */
  known(name: string): number {
    return this.ids.get(name) ?? 0;
  }

  name(id: number): string {
    return this.names[id];
  }

  owner(name: string | undefined): number {
    if (name === undefined) return 0;
    let n = this.owners.get(name);
    if (n === undefined) {
      n = this.owners.size + 1;
      this.owners.set(name, n);
    }
    return n;
  }
}

function field(op: Record<string, unknown>, key: string, kind: 'string' | 'number' | 'boolean', required: boolean): unknown {
  const v = op[key];
  if (v === undefined) {
    if (required) throw new BadInput(`missing field "${key}"`);
    return undefined;
  }
  if (kind === 'string' && typeof v === 'number' && key !== 'side' && key !== 'tif') return String(v);
  if (typeof v !== kind) throw new BadInput(`field "${key}" must be a ${kind}, got ${JSON.stringify(v)}`);
  return v;
}

function sideOf(op: Record<string, unknown>): number {
  const s = field(op, 'side', 'string', true);
  if (s === 'buy') return BUY;
  if (s === 'sell') return SELL;
  throw new BadInput(`field "side" must be "buy" or "sell", got ${JSON.stringify(s)}`);
}

const KNOWN_KEYS: Record<string, readonly string[]> = {
  limit: ['type', 'id', 'side', 'price', 'qty', 'tif', 'postOnly', 'owner'],
  market: ['type', 'id', 'side', 'qty', 'owner'],
  cancel: ['type', 'id'],
  modify: ['type', 'id', 'qty', 'price'],
  book: ['type'],
};

/** Applies one parsed operation and returns its result line (without newline). */
export function applyOp(book: OrderBook, names: Names, op: unknown): string {
  if (typeof op !== 'object' || op === null || Array.isArray(op)) throw new BadInput('an operation must be a JSON object');
  const o = op as Record<string, unknown>;
  const type = o.type;
  const keys = typeof type === 'string' ? KNOWN_KEYS[type] : undefined;
  if (!keys) throw new BadInput(`field "type" must be one of limit, market, cancel, modify, book; got ${JSON.stringify(type)}`);
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new BadInput(`unknown field "${k}" for a ${type} operation`);
  if (type === 'book') return JSON.stringify(bookView(book, names));
  const idName = field(o, 'id', 'string', true) as string;
  let status: number;
  if (type === 'limit') {
    const side = sideOf(o);
    const price = field(o, 'price', 'number', true) as number;
    const qty = field(o, 'qty', 'number', true) as number;
    const tifName = (field(o, 'tif', 'string', false) as string | undefined) ?? 'GTC';
    const tif = TIFS[tifName];
    if (tif === undefined) throw new BadInput(`field "tif" must be GTC, IOC or FOK, got ${JSON.stringify(tifName)}`);
    const postOnly = (field(o, 'postOnly', 'boolean', false) as boolean | undefined) ?? false;
    const owner = names.owner(field(o, 'owner', 'string', false) as string | undefined);
    status = book.limit(names.id(idName), side, price, qty, tif, postOnly, owner);
  } else if (type === 'market') {
    const side = sideOf(o);
    const qty = field(o, 'qty', 'number', true) as number;
    const owner = names.owner(field(o, 'owner', 'string', false) as string | undefined);
    status = book.market(names.id(idName), side, qty, owner);
  } else if (type === 'cancel') {
    status = book.cancel(names.known(idName));
    if (status !== Status.OK) return rejected(status);
    return JSON.stringify({ status: 'accepted', cancelled: book.result.cancelled });
  } else {
    const qty = field(o, 'qty', 'number', false) as number | undefined;
    const price = field(o, 'price', 'number', false) as number | undefined;
    status = book.modify(names.known(idName), qty, price);
  }
  if (status !== Status.OK) return rejected(status);
  const f = book.fills;
  const trades = [];
  for (let i = 0; i < f.count; i++) trades.push({ maker: names.name(f.makerId[i]), taker: idName, price: f.price[i], qty: f.qty[i] });
  const r = book.result;
  return JSON.stringify({ status: 'accepted', trades, filled: r.filled, resting: r.resting, cancelled: r.cancelled, expired: r.expired.map((id) => names.name(id)) });
}

function rejected(status: number): string {
  return JSON.stringify({ status: 'rejected', reason: STATUS_NAMES[status] });
}

function bookView(book: OrderBook, names: Names) {
  const side = (s: number) =>
    book.snapshot(s).map((l) => ({ price: l.price, qty: l.qty, count: l.count, orders: l.orders.map((x) => ({ id: names.name(x.id), qty: x.qty })) }));
  return { bestBid: book.bestBid(), bestAsk: book.bestAsk(), bids: side(BUY), asks: side(SELL) };
}

/** Replays NDJSON lines from `lines`, writing one result line per input line to `write`. */
export async function replay(lines: AsyncIterable<string>, write: (text: string) => void, stp = 'none'): Promise<{ lines: number; bad: number }> {
  const book = createOrderBook({ stp: stpCode(stp) });
  const names = new Names();
  let n = 0;
  let bad = 0;
  let buffer = '';
  for await (const line of lines) {
    n++;
    let out: string;
    try {
      out = applyOp(book, names, JSON.parse(line));
    } catch (e) {
      if (!(e instanceof BadInput) && !(e instanceof SyntaxError)) throw e;
      bad++;
      out = JSON.stringify({ status: 'rejected', reason: 'BAD_INPUT', line: n, message: (e as Error).message });
    }
    buffer += out + '\n';
    if (buffer.length > 65536) {
      write(buffer);
      buffer = '';
    }
  }
  if (buffer) write(buffer);
  return { lines: n, bad };
}

export async function bookCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'replay') throw new UsageError(`usage: shocklab book replay [FILE|-] [--stp none|expire_maker|expire_taker] (got ${JSON.stringify(sub ?? '')})`);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { stp: { type: 'string', default: 'none' } } });
  if (positionals.length > 1) throw new UsageError(`book replay takes one input file, got ${positionals.length}`);
  stpCode(values.stp!);
  const file = positionals[0] ?? '-';
  const input = file === '-' ? process.stdin : createReadStream(file);
  const opened = new Promise<void>((resolve, reject) => {
    if (file === '-') return resolve();
    input.once('open', () => resolve());
    input.once('error', (e: NodeJS.ErrnoException) => reject(new UsageError(`cannot read ${file}: ${e.code ?? e.message}`)));
  });
  await opened;
  const rl = createInterface({ input, crlfDelay: Infinity });
  await replay(rl, io.out, values.stp);
  return 0;
}
