// Probe (not part of the product): replays the 1M-operation LOBOPS1 stream through the probe book
// of book.ts compiled to WebAssembly (book.wasm), or through the same algorithm in TypeScript
// (js-book.ts), calling the book once per operation from a JS loop as a library's caller would;
// checks the meta file's end state; prints one JSON line. See README.md.
//   node --import tsx bench/probes/wasm-book/replay.ts wasm|js [warm]
// With `warm`, the whole stream is first replayed once on a throwaway book (untimed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OP_CANCEL, OP_LIMIT, depthHash, endStateMismatches, loadExpected, loadStream } from '../../lobops.ts';
import { JsBook } from './js-book.ts';

/** What the timed loop calls: the JsBook itself, or the module's exports. */
interface Ops {
  limit(id: number, side: number, price: number, qty: number): number;
  cancel(id: number): number;
  market(side: number, qty: number): number;
}

/** A book to replay into, and what the end-state check reads of it. */
interface ProbeBook {
  ops: Ops;
  bestBid(): number;
  bestAsk(): number;
  below(p: number): number;
  above(p: number): number;
  levelQty(p: number): number;
  traded(): number;
  trades(): number;
}

interface WasmBook {
  init(maxId: number, maxPrice: number): void;
  limit(id: number, side: number, price: number, qty: number): number;
  cancel(id: number): number;
  market(side: number, qty: number): number;
  bestBid(): number;
  bestAsk(): number;
  nextBelow(p: number): number;
  nextAbove(p: number): number;
  levelQty(p: number): bigint;
  tradedVolume(): number;
  trades: WebAssembly.Global;
}

const engine = process.argv[2];
if (engine !== 'wasm' && engine !== 'js') {
  console.error(`usage: replay.ts wasm|js [warm] (got ${engine})`);
  process.exit(2);
}
const warm = process.argv[3] === 'warm';
const ops = loadStream();
const { count, kind, side, id, price, qty } = ops;
let maxId = 0;
let maxPrice = 0;
for (let i = 0; i < count; i++) {
  if (id[i] > maxId) maxId = id[i];
  if (price[i] > maxPrice) maxPrice = price[i];
}
const wasmBytes = readFileSync(join(import.meta.dirname, 'book.wasm'));

/** A fresh book sized from the stream, made before the clock. */
async function makeBook(): Promise<ProbeBook> {
  if (engine === 'js') {
    const b = new JsBook(maxId, maxPrice);
    return { ops: b, bestBid: () => b.bidPx, bestAsk: () => (b.askPx >= b.maxPrice ? 0 : b.askPx), below: (p) => b.below(p), above: (p) => b.above(p), levelQty: (p) => b.lqty[p], traded: () => b.traded, trades: () => b.trades };
  }
  const { instance } = await WebAssembly.instantiate(wasmBytes, { env: { abort: () => { throw new Error('book.wasm aborted'); } } });
  const x = instance.exports as unknown as WasmBook;
  x.init(maxId, maxPrice);
  return { ops: x, bestBid: x.bestBid, bestAsk: x.bestAsk, below: x.nextBelow, above: x.nextAbove, levelQty: (p) => Number(x.levelQty(p)), traded: x.tradedVolume, trades: () => x.trades.value as number };
}

/** The timed loop: one call per operation. */
function replay(b: ProbeBook): number {
  const o = b.ops;
  let rejected = 0;
  const t0 = performance.now(); // clock-ok
  for (let i = 0; i < count; i++) {
    const k = kind[i];
    const s = k === OP_LIMIT ? o.limit(id[i], side[i], price[i], qty[i]) : k === OP_CANCEL ? o.cancel(id[i]) : o.market(side[i], qty[i]);
    if (s !== 0) rejected++;
  }
  const seconds = (performance.now() - t0) / 1000; // clock-ok
  if (rejected) throw new Error(`probe book rejected ${rejected} operations`);
  return seconds;
}

if (warm) replay(await makeBook());
const book = await makeBook();
const seconds = replay(book);
const bids: [number, number][] = [];
const asks: [number, number][] = [];
for (let p = book.bestBid(); p > 0; p = book.below(p)) bids.push([p, book.levelQty(p)]);
for (let p = book.bestAsk(); p > 0 && p <= maxPrice; p = book.above(p)) asks.push([p, book.levelQty(p)]);
const mismatches = endStateMismatches(
  { tradedVolume: book.traded(), trades: book.trades(), finalBestBid: bids[0]?.[0] ?? null, finalBestAsk: asks[0]?.[0] ?? null, finalBidLevels: bids.length, finalAskLevels: asks.length, finalDepthHash: depthHash(bids, asks) },
  loadExpected(),
);
console.log(JSON.stringify({ engine: `probe-${engine}`, warm, ops: count, seconds, opsPerSec: count / seconds, ok: mismatches.length === 0, mismatches }));
process.exit(mismatches.length === 0 ? 0 : 1);
