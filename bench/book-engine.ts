// One engine's replay of the LOBOPS1 stream in this process: decode (untimed), replay (timed),
// check the end state, print one JSON line. Run by bench/book.ts in a fresh process per run.
//   node --import tsx bench/book-engine.ts shocklab|shocklab-tsx|nodejs-order-book [WARMUP_OPS]
// `shocklab` loads the public API as the CLI, its seed workers and bench:day load it (bin/load.js:
// the esbuild bundle of src/index.ts); `shocklab-tsx` loads the book's sources file by file
// through tsx, the fallback when no bundle can be built. Same code, loaded two ways.
// shocklab's book is made before the clock with the stream's largest id and its number of limit
// orders (the `maxId` and `capacity` options), as the native book sizes its arrays from the
// stream; nodejs-order-book has no such options.
// The line says how the book was loaded (`loadedAs`: 'bundle' or 'tsx'; null for the peer).
// With WARMUP_OPS > 0 the engine first replays that many leading operations on a throwaway
// book (untimed), so the timed replay measures compiled code rather than JIT warm-up.
import { performance } from 'node:perf_hooks';
import { OP_CANCEL, OP_LIMIT, depthHash, endStateMismatches, loadExpected, loadStream, type EndState, type OpStream } from './lobops.ts';

type BookApi = Pick<typeof import('../src/index.ts'), 'BUY' | 'SELL' | 'Status' | 'createOrderBook'>;

/** The book's API, loaded as `engine` says (only the one asked for is loaded), and how it was loaded:
 * 'bundle' or 'tsx' (loadApi falls back to tsx when no bundle can be built). */
async function loadBookApi(engine: string): Promise<{ api: BookApi; loadedAs: string }> {
  if (engine === 'shocklab-tsx') return { api: await import('../src/book/index.ts'), loadedAs: 'tsx' };
  // @ts-expect-error bin/load.js is plain JavaScript without declarations
  const load = (await import('../bin/load.js')) as { loadApi: () => Promise<BookApi>; apiLoadedFrom: string };
  const api = await load.loadApi();
  return { api, loadedAs: load.apiLoadedFrom };
}

function replayShocklab(api: BookApi, ops: OpStream, count = ops.count): { seconds: number; end: EndState } {
  const { BUY, SELL, Status, createOrderBook } = api;
  const { kind, side, id, price, qty } = ops;
  let maxId = 0;
  let limits = 0;
  let markets = 0;
  for (let i = 0; i < count; i++) {
    if (id[i] > maxId) maxId = id[i];
    if (kind[i] === OP_LIMIT) limits++;
    else if (kind[i] !== OP_CANCEL) markets++;
  }
  // Sized from the stream before the clock, as the native book sizes its id-indexed arrays from
  // the largest id: every id the replay sends (market orders take ids after the stream's), and
  // room for every limit order to rest.
  const book = createOrderBook({ maxId: maxId + markets, capacity: limits });
  let marketId = maxId;
  let rejected = 0;
  const t0 = performance.now(); // clock-ok
  for (let i = 0; i < count; i++) {
    const k = kind[i];
    let s: number;
    if (k === OP_LIMIT) s = book.limit(id[i], side[i], price[i], qty[i]);
    else if (k === OP_CANCEL) s = book.cancel(id[i]);
    else s = book.market(++marketId, side[i], qty[i]);
    if (s !== Status.OK) rejected++;
  }
  const seconds = (performance.now() - t0) / 1000; // clock-ok
  if (rejected) throw new Error(`shocklab rejected ${rejected} operations`);
  const pairs = (sd: number) => book.snapshot(sd).map((l) => [l.price, l.qty] as [number, number]);
  const bids = pairs(BUY);
  const asks = pairs(SELL);
  return {
    seconds,
    end: {
      tradedVolume: book.tradedVolume,
      trades: book.tradeCount,
      finalBestBid: book.bestBid(),
      finalBestAsk: book.bestAsk(),
      finalBidLevels: bids.length,
      finalAskLevels: asks.length,
      finalDepthHash: depthHash(bids, asks),
    },
  };
}

type PeerApi = typeof import('nodejs-order-book');

function replayPeer(peer: PeerApi, ops: OpStream, count = ops.count): { seconds: number; end: EndState } {
  const { OrderBook: PeerBook, Side: PeerSide } = peer;
  const { kind, side, id, price, qty } = ops;
  const ids: string[] = new Array(count);
  const sides: (typeof PeerSide)[keyof typeof PeerSide][] = new Array(count);
  for (let i = 0; i < count; i++) {
    ids[i] = String(id[i]);
    sides[i] = side[i] === 0 ? PeerSide.BUY : PeerSide.SELL;
  }
  const ob = new PeerBook();
  let limitQty = 0;
  let marketTraded = 0;
  let cancelled = 0;
  const t0 = performance.now(); // clock-ok
  for (let i = 0; i < count; i++) {
    const k = kind[i];
    if (k === OP_LIMIT) {
      ob.limit({ id: ids[i], side: sides[i], size: qty[i], price: price[i] });
      limitQty += qty[i];
    } else if (k === OP_CANCEL) {
      const r = ob.cancel(ids[i]);
      if (r?.order) cancelled += r.order.size;
    } else {
      const r = ob.market({ side: sides[i], size: qty[i] });
      marketTraded += qty[i] - r.quantityLeft;
    }
  }
  const seconds = (performance.now() - t0) / 1000; // clock-ok
  const [asksAsc, bidsDesc] = ob.depth();
  const bids = bidsDesc.map(([p, q]) => [p, q] as [number, number]).sort((a, b) => b[0] - a[0]);
  const asks = asksAsc.map(([p, q]) => [p, q] as [number, number]).sort((a, b) => a[0] - b[0]);
  const resting = [...bids, ...asks].reduce((s, [, q]) => s + q, 0);
  // Each lot traded leaves the book once as maker and once as taker (limit takers), so
  // limit lots in = resting + cancelled + 2 * traded - market lots traded.
  const tradedVolume = (limitQty + marketTraded - cancelled - resting) / 2;
  return {
    seconds,
    end: {
      tradedVolume,
      trades: null,
      finalBestBid: bids.length ? bids[0][0] : null,
      finalBestAsk: asks.length ? asks[0][0] : null,
      finalBidLevels: bids.length,
      finalAskLevels: asks.length,
      finalDepthHash: depthHash(bids, asks),
    },
  };
}

const engine = process.argv[2];
if (engine !== 'shocklab' && engine !== 'shocklab-tsx' && engine !== 'nodejs-order-book') {
  console.error(`usage: book-engine.ts shocklab|shocklab-tsx|nodejs-order-book (got ${engine})`);
  process.exit(2);
}
const ops = loadStream();
// Each process loads only its own engine's code, as the native book's process holds only its own.
let run: (o: OpStream, count?: number) => { seconds: number; end: EndState };
let loadedAs: string | null = null;
if (engine === 'nodejs-order-book') {
  const peer = await import('nodejs-order-book');
  run = (o, count) => replayPeer(peer, o, count);
} else {
  const loaded = await loadBookApi(engine);
  loadedAs = loaded.loadedAs;
  run = (o, count) => replayShocklab(loaded.api, o, count);
}
const warmup = Number(process.argv[3] ?? 0);
if (!Number.isInteger(warmup) || warmup < 0 || warmup > ops.count) {
  console.error(`warm-up must be an integer number of operations in [0, ${ops.count}], got ${process.argv[3]}`);
  process.exit(2);
}
if (warmup > 0) run(ops, warmup);
const { seconds, end } = run(ops);
const mismatches = endStateMismatches(end, loadExpected());
const rssPeakMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ engine, loadedAs, warmup, ops: ops.count, seconds, opsPerSec: ops.count / seconds, rssPeakMB, end, ok: mismatches.length === 0, mismatches }));
