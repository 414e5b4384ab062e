// Decoder for the LOBOPS1 order-operation stream (format: ../shared/bench/README.md) and the
// end-state check every engine's replay must pass (meta file `expected`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a, hex32 } from '../src/core/hash.ts';

export const SHARED_BENCH = join(import.meta.dirname, '..', '..', 'shared', 'bench');
export const STREAM_FILE = join(SHARED_BENCH, 'ops-s42-n1000000.bin');
export const META_FILE = join(SHARED_BENCH, 'ops-s42-n1000000.meta.json');

export const OP_LIMIT = 1;
export const OP_CANCEL = 2;
export const OP_MARKET = 3;

export interface OpStream {
  count: number;
  seed: number;
  kind: Uint8Array;
  side: Uint8Array;
  id: Uint32Array;
  price: Int32Array;
  qty: Uint32Array;
}

export function decodeLobOps(buf: Uint8Array): OpStream {
  const magic = new TextDecoder().decode(buf.subarray(0, 7));
  if (magic !== 'LOBOPS1' || buf[7] !== 0) throw new Error(`not a LOBOPS1 stream (magic ${JSON.stringify(magic)})`);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const count = dv.getUint32(8, true);
  const seed = dv.getUint32(12, true);
  let off = 16;
  const kind = buf.slice(off, off + count);
  off += count;
  const side = buf.slice(off, off + count);
  off += count;
  off = (off + 3) & ~3;
  const col = (bytes: number) => {
    const out = buf.slice(off, off + bytes);
    off += bytes;
    return out.buffer;
  };
  const id = new Uint32Array(col(4 * count));
  const price = new Int32Array(col(4 * count));
  const qty = new Uint32Array(col(4 * count));
  if (off !== buf.byteLength) throw new Error(`LOBOPS1 length mismatch: decoded ${off} of ${buf.byteLength} bytes`);
  return { count, seed, kind, side, id, price, qty };
}

export function loadStream(): OpStream {
  return decodeLobOps(new Uint8Array(readFileSync(STREAM_FILE)));
}

export interface Expected {
  tradedVolume: number;
  trades: number;
  finalBestBid: number;
  finalBestAsk: number;
  finalBidLevels: number;
  finalAskLevels: number;
  finalDepthHash: string;
  finalLiveOrders: number;
}

export function loadExpected(): Expected {
  return JSON.parse(readFileSync(META_FILE, 'utf8')).expected as Expected;
}

/** Depth hash of the README: FNV-1a over `b<p>:<q>;...|a<p>:<q>;...`, best level first. */
export function depthHash(bids: ReadonlyArray<readonly [number, number]>, asks: ReadonlyArray<readonly [number, number]>): string {
  const text = bids.map(([p, q]) => `b${p}:${q};`).join('') + '|' + asks.map(([p, q]) => `a${p}:${q};`).join('');
  return hex32(fnv1a(text));
}

export interface EndState {
  tradedVolume: number;
  trades: number | null;
  finalBestBid: number | null;
  finalBestAsk: number | null;
  finalBidLevels: number;
  finalAskLevels: number;
  finalDepthHash: string;
}

/** Names of the end-state fields where `got` differs from `expected` (null fields are not measured). */
export function endStateMismatches(got: EndState, expected: Expected): string[] {
  const bad: string[] = [];
  for (const k of Object.keys(got) as (keyof EndState)[]) {
    if (got[k] === null) continue;
    if (got[k] !== (expected as unknown as Record<string, unknown>)[k]) bad.push(`${k}: got ${got[k]}, expected ${(expected as unknown as Record<string, unknown>)[k]}`);
  }
  return bad;
}
