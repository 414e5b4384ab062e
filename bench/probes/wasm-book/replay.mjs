// Probe (not part of the product): replays the 1M-operation LOBOPS1 stream through the probe book
// of book.ts compiled to WebAssembly (book.wasm), or through the same algorithm in plain JS
// (js-book.mjs), calling the book once per operation from a JS loop as a library's caller would,
// and checks the meta file's end state. Prints one JSON line. See README.md.
//   node bench/probes/wasm-book/replay.mjs wasm|js [warm]
// With `warm`, the whole stream is first replayed once on a throwaway book (untimed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JsBook } from './js-book.mjs';

const SHARED = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'bench');
const engine = process.argv[2];
const warm = process.argv[3] === 'warm';
if (engine !== 'wasm' && engine !== 'js') {
  console.error(`usage: replay.mjs wasm|js [warm] (got ${engine})`);
  process.exit(2);
}
const buf = new Uint8Array(readFileSync(join(SHARED, 'ops-s42-n1000000.bin')));
const expected = JSON.parse(readFileSync(join(SHARED, 'ops-s42-n1000000.meta.json'), 'utf8')).expected;
const count = new DataView(buf.buffer, buf.byteOffset, buf.byteLength).getUint32(8, true);
let off = 16;
const kind = buf.slice(off, off + count);
off += count;
const side = buf.slice(off, off + count);
off += count;
off = (off + 3) & ~3;
const col = (n) => buf.slice(off, (off += n)).buffer;
const id = new Uint32Array(col(4 * count));
const price = new Int32Array(col(4 * count));
const qty = new Uint32Array(col(4 * count));
let maxId = 0;
let maxPrice = 0;
for (let i = 0; i < count; i++) {
  if (id[i] > maxId) maxId = id[i];
  if (price[i] > maxPrice) maxPrice = price[i];
}

/** A fresh book with limit/cancel/market and the end-state readers, sized before the clock. */
async function makeBook() {
  if (engine === 'js') {
    const b = new JsBook(maxId, maxPrice);
    return { limit: (i, s, p, q) => b.limit(i, s, p, q), cancel: (i) => b.cancel(i), market: (s, q) => b.market(s, q), bestBid: () => b.bidPx, below: (p) => b.below(p), above: (p) => b.above(p), bestAsk: () => b.askPx, levelQty: (p) => b.lqty[p], traded: () => b.traded, trades: () => b.trades, raw: b };
  }
  const { instance } = await WebAssembly.instantiate(readFileSync(join(import.meta.dirname, 'book.wasm')), { env: { abort: () => { throw new Error('book.wasm aborted'); } } });
  const x = instance.exports;
  x.init(maxId, maxPrice);
  return { limit: x.limit, cancel: x.cancel, market: x.market, bestBid: x.bestBid, below: x.nextBelow, above: x.nextAbove, bestAsk: x.bestAsk, levelQty: (p) => Number(x.levelQty(p)), traded: x.tradedVolume, trades: () => x.trades.value, raw: x };
}

function replay(b) {
  let rejected = 0;
  const t0 = performance.now();
  if (engine === 'js') {
    const x = b.raw; // method calls on the book object, as a JS library's caller makes them
    for (let i = 0; i < count; i++) {
      const k = kind[i];
      const s = k === 1 ? x.limit(id[i], side[i], price[i], qty[i]) : k === 2 ? x.cancel(id[i]) : x.market(side[i], qty[i]);
      if (s !== 0) rejected++;
    }
  } else {
    const { limit, cancel, market } = b; // the module's exports
    for (let i = 0; i < count; i++) {
      const k = kind[i];
      const s = k === 1 ? limit(id[i], side[i], price[i], qty[i]) : k === 2 ? cancel(id[i]) : market(side[i], qty[i]);
      if (s !== 0) rejected++;
    }
  }
  return { seconds: (performance.now() - t0) / 1000, rejected };
}

if (warm) replay(await makeBook());
const book = await makeBook();
const { seconds, rejected } = replay(book);
const bids = [];
const asks = [];
for (let p = book.bestBid(); p > 0; p = book.below(p)) bids.push(`b${p}:${book.levelQty(p)};`);
for (let p = book.bestAsk(); p > 0 && p <= maxPrice; p = book.above(p)) asks.push(`a${p}:${book.levelQty(p)};`);
let h = 0x811c9dc5;
const text = bids.join('') + '|' + asks.join('');
for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
const hash = h.toString(16).padStart(8, '0');
const ok = rejected === 0 && book.traded() === expected.tradedVolume && book.trades() === expected.trades && hash === expected.finalDepthHash && bids.length === expected.finalBidLevels && asks.length === expected.finalAskLevels;
console.log(JSON.stringify({ engine: `probe-${engine}`, warm, ops: count, seconds, opsPerSec: count / seconds, ok }));
process.exit(ok ? 0 : 1);
