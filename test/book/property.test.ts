// Property tests: random op sequences replayed on the book and on a naive reference model must agree op by op (status, result, fills, snapshots), never cross and conserve lots.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BUY,
  FOK,
  GTC,
  IOC,
  SELL,
  STATUS_NAMES,
  STP_EXPIRE_MAKER,
  STP_EXPIRE_TAKER,
  STP_NONE,
  Status,
  createOrderBook,
  type LevelView,
  type OrderBook,
} from '../../src/book/index.ts';

// ------------------------------------------------------------------ reference model
// Deliberately naive: one flat array of live orders; every match step filters, sorts by price
// then arrival time and takes the first. No levels, no linked lists, no index.

interface MOrder {
  id: number;
  side: number;
  price: number;
  qty: number;
  owner: number;
  seq: number;
}

type MFill = [makerId: number, makerOwner: number, price: number, qty: number];

interface MResult {
  status: number;
  filled: number;
  resting: number;
  cancelled: number;
  expired: number[];
  fills: MFill[];
  /** Model-only flags used for coverage counting. */
  stopped: boolean;
  reentered: boolean;
}

const valid = (x: unknown): boolean => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;

class RefBook {
  orders: MOrder[] = [];
  seen = new Set<number>();
  seq = 0;
  constructor(readonly stp: number) {}

  clone(): RefBook {
    const c = new RefBook(this.stp);
    c.orders = this.orders.map((o) => ({ ...o }));
    c.seq = this.seq;
    return c;
  }

  private res(status: number): MResult {
    return { status, filled: 0, resting: 0, cancelled: 0, expired: [], fills: [], stopped: false, reentered: false };
  }

  /** Trades a taker against the opposite side within `limit`; returns lots left. */
  private match(r: MResult, side: number, limit: number, qty: number, owner: number): number {
    let left = qty;
    while (left > 0) {
      const opp = this.orders.filter((o) => o.side !== side && (side === BUY ? o.price <= limit : o.price >= limit));
      if (opp.length === 0) break;
      opp.sort((a, b) => (side === BUY ? a.price - b.price : b.price - a.price) || a.seq - b.seq);
      const m = opp[0];
      if (owner !== 0 && this.stp !== STP_NONE && m.owner === owner) {
        if (this.stp === STP_EXPIRE_TAKER) {
          r.stopped = true;
          break;
        }
        this.orders = this.orders.filter((o) => o !== m);
        r.expired.push(m.id);
        continue;
      }
      const q = Math.min(left, m.qty);
      r.fills.push([m.id, m.owner, m.price, q]);
      m.qty -= q;
      left -= q;
      if (m.qty === 0) this.orders = this.orders.filter((o) => o !== m);
    }
    return left;
  }

  private wouldCross(side: number, price: number): boolean {
    return this.orders.some((o) => o.side !== side && (side === BUY ? o.price <= price : o.price >= price));
  }

  limit(id: number, side: number, price: number, qty: number, tif: number, post: boolean, owner: number): MResult {
    if (!valid(id)) return this.res(Status.INVALID_ID);
    if (side !== BUY && side !== SELL) return this.res(Status.INVALID_SIDE);
    if (!valid(price)) return this.res(Status.INVALID_PRICE);
    if (!valid(qty)) return this.res(Status.INVALID_QTY);
    if (tif !== GTC && tif !== IOC && tif !== FOK) return this.res(Status.INVALID_TIF);
    if (this.seen.has(id)) return this.res(Status.DUPLICATE_ID);
    if (post && this.wouldCross(side, price)) return this.res(Status.POST_ONLY_WOULD_CROSS);
    if (tif === FOK) {
      // Dry run on a copy: the FOK goes ahead only if the copy fills it completely.
      const trial = this.clone();
      if (trial.match(this.res(0), side, price, qty, owner) > 0) return this.res(Status.FOK_NOT_FILLABLE);
    }
    this.seen.add(id);
    const r = this.res(Status.OK);
    const left = this.match(r, side, price, qty, owner);
    r.filled = qty - left;
    if (left > 0 && tif === GTC && !r.stopped) {
      this.orders.push({ id, side, price, qty: left, owner, seq: this.seq++ });
      r.resting = left;
    } else r.cancelled = left;
    return r;
  }

  market(id: number, side: number, qty: number, owner: number): MResult {
    if (!valid(id)) return this.res(Status.INVALID_ID);
    if (side !== BUY && side !== SELL) return this.res(Status.INVALID_SIDE);
    if (!valid(qty)) return this.res(Status.INVALID_QTY);
    if (this.seen.has(id)) return this.res(Status.DUPLICATE_ID);
    this.seen.add(id);
    const r = this.res(Status.OK);
    const left = this.match(r, side, side === BUY ? Infinity : -Infinity, qty, owner);
    r.filled = qty - left;
    r.cancelled = left;
    return r;
  }

  cancel(id: number): MResult {
    const o = this.orders.find((x) => x.id === id);
    if (!o) return this.res(Status.UNKNOWN_ORDER);
    this.orders = this.orders.filter((x) => x !== o);
    const r = this.res(Status.OK);
    r.cancelled = o.qty;
    return r;
  }

  modify(id: number, qty: number | undefined, price: number | undefined): MResult {
    const o = this.orders.find((x) => x.id === id);
    if (!o) return this.res(Status.UNKNOWN_ORDER);
    if (qty !== undefined && !valid(qty)) return this.res(Status.INVALID_QTY);
    if (price !== undefined && !valid(price)) return this.res(Status.INVALID_PRICE);
    const newQty = qty ?? o.qty;
    const newPrice = price ?? o.price;
    const r = this.res(Status.OK);
    if (newPrice === o.price && newQty <= o.qty) {
      o.qty = newQty;
      r.resting = newQty;
      return r;
    }
    r.reentered = true;
    this.orders = this.orders.filter((x) => x !== o);
    const left = this.match(r, o.side, newPrice, newQty, o.owner);
    r.filled = newQty - left;
    if (left > 0 && !r.stopped) {
      this.orders.push({ id, side: o.side, price: newPrice, qty: left, owner: o.owner, seq: this.seq++ });
      r.resting = left;
    } else r.cancelled = left;
    return r;
  }

  snapshot(side: number): LevelView[] {
    const mine = this.orders.filter((o) => o.side === side);
    mine.sort((a, b) => (side === BUY ? b.price - a.price : a.price - b.price) || a.seq - b.seq);
    const out: LevelView[] = [];
    for (const o of mine) {
      let lv = out[out.length - 1];
      if (!lv || lv.price !== o.price) {
        lv = { price: o.price, qty: 0, count: 0, orders: [] };
        out.push(lv);
      }
      lv.qty += o.qty;
      lv.count++;
      lv.orders.push({ id: o.id, qty: o.qty, owner: o.owner });
    }
    return out;
  }

  liveIds(): number[] {
    return this.orders.map((o) => o.id);
  }
}

// ------------------------------------------------------------------ op generators

/** How an op picks its id: a fresh one, a previously used one (duplicate) or an invalid one. */
type IdPick = { t: 'fresh' } | { t: 'reuse'; k: number } | { t: 'bad'; v: number };
/** How cancel/modify pick a target: a live order, any id ever used, or one never used. */
type TargetPick = { t: 'live'; k: number } | { t: 'used'; k: number } | { t: 'never' };

type Op =
  | { k: 'limit'; id: IdPick; side: number; price: number; qty: number; tif: number; post: boolean; owner: number }
  | { k: 'market'; id: IdPick; side: number; qty: number; owner: number }
  | { k: 'cancel'; target: TargetPick }
  | { k: 'modify'; target: TargetPick; qty: number | undefined; price: number | undefined };

const BAD_NUMBERS = [0, -1, 1.5, Number.NaN, Infinity, 2 ** 53, -(2 ** 40)];
/** Price slots: small non-negative ints are offsets into the sequence's narrow band, negative ints index BAD_NUMBERS. */
const priceArb = fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 0, max: 29 }) }, { weight: 1, arbitrary: fc.integer({ min: -BAD_NUMBERS.length, max: -1 }) });
const qtyArb = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: 1, max: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 40 + 3, 2 ** 41 - 1) },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_NUMBERS) },
);
const idArb: fc.Arbitrary<IdPick> = fc.oneof(
  { weight: 20, arbitrary: fc.constant({ t: 'fresh' } as IdPick) },
  { weight: 2, arbitrary: fc.nat(1000).map((k): IdPick => ({ t: 'reuse', k })) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, Number.NaN).map((v): IdPick => ({ t: 'bad', v })) },
);
const targetArb: fc.Arbitrary<TargetPick> = fc.oneof(
  { weight: 8, arbitrary: fc.nat(1000).map((k): TargetPick => ({ t: 'live', k })) },
  { weight: 2, arbitrary: fc.nat(1000).map((k): TargetPick => ({ t: 'used', k })) },
  { weight: 1, arbitrary: fc.constant({ t: 'never' } as TargetPick) },
);
const sideArb = fc.constantFrom(BUY, SELL);
const ownerArb = fc.constantFrom(0, 1, 1, 2, 2, 3);
const tifArb = fc.constantFrom(GTC, GTC, GTC, GTC, IOC, FOK);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 14,
    arbitrary: fc.record({
      k: fc.constant('limit' as const),
      id: idArb,
      side: sideArb,
      price: priceArb,
      qty: qtyArb,
      tif: tifArb,
      post: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))).chain((b) => (b ? fc.boolean() : fc.constant(false))),
      owner: ownerArb,
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('market' as const), id: idArb, side: sideArb, qty: qtyArb, owner: ownerArb }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('cancel' as const), target: targetArb }) },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('modify' as const),
      target: targetArb,
      qty: fc.option(qtyArb, { freq: 4 }).map((q) => q ?? undefined),
      price: fc.option(priceArb, { freq: 3 }).map((p) => p ?? undefined),
    }),
  },
);

const scenarioArb = fc.record({
  stp: fc.constantFrom(STP_NONE, STP_EXPIRE_MAKER, STP_EXPIRE_TAKER),
  /** Price band: 2^40 exercises large prices; widths above 8 levels exercise the bisecting level search. */
  priceBase: fc.constantFrom(100, 100, 100, 2 ** 40),
  width: fc.constantFrom(4, 6, 10, 20),
  /** First fresh id: the dense part of the id index, its end (2^20 - 10), 2^24 (pages that fold), 2^31 - 10 (into the pages kept for ids >= 2^31) and 2^52. */
  idBase: fc.constantFrom(1, 1, 2 ** 20 - 10, 2 ** 24, 2 ** 31 - 10, 2 ** 52),
  /** Gap between fresh ids: 1, or a page of the id index every few ids (65,537), so that pages empty, fold into bitsets and unfold when a modify re-enters an id. */
  idStride: fc.constantFrom(1, 1, 4_099, 65_537),
  /** The `maxId` hint: none, below the ids used, and past the dense part's end (the hint is capped there). */
  maxIdHint: fc.constantFrom(undefined, undefined, 50, 5_000, 2 ** 21),
  ops: fc.array(opArb, { minLength: 1, maxLength: 60, size: 'max' }),
});

// ------------------------------------------------------------------ replay and checks

interface Coverage {
  sequences: number;
  ops: number;
  fills: number;
  multiLevelTakes: number;
  status: number[];
  expiredMakers: number;
  stoppedTakers: number;
  modifyInPlace: number;
  modifyReentered: number;
  modifyReenteredTraded: number;
  fokFilled: number;
  marketEmpty: number;
  restingAtEnd: number;
}

const coverage: Coverage = {
  sequences: 0,
  ops: 0,
  fills: 0,
  multiLevelTakes: 0,
  status: STATUS_NAMES.map(() => 0),
  expiredMakers: 0,
  stoppedTakers: 0,
  modifyInPlace: 0,
  modifyReentered: 0,
  modifyReenteredTraded: 0,
  fokFilled: 0,
  marketEmpty: 0,
  restingAtEnd: 0,
};

function fail(step: number, op: Op, what: string, got: unknown, want: unknown): never {
  throw new Error(`op #${step} ${JSON.stringify(op)}: ${what}\n  book:  ${JSON.stringify(got)}\n  model: ${JSON.stringify(want)}`);
}

function bookFills(book: OrderBook): MFill[] {
  const f = book.fills;
  const out: MFill[] = [];
  for (let i = 0; i < f.count; i++) out.push([f.makerId[i], f.makerOwner[i], f.price[i], f.qty[i]]);
  return out;
}

/** Per-id lot ledger, kept from the book's own reports only. open = submitted - filled - cancelled - expired. */
interface Ledger {
  submitted: number;
  filled: number;
  cancelled: number;
  expired: number;
}
const open = (l: Ledger): number => l.submitted - l.filled - l.cancelled - l.expired;

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function runScenario(sc: Scenario): void {
  const book = createOrderBook({ stp: sc.stp as 0 | 1 | 2, capacity: 16, maxId: sc.maxIdHint });
  const model = new RefBook(sc.stp);
  const used: number[] = [];
  let nextId = sc.idBase;
  const ledger = new Map<number, Ledger>();
  const led = (id: number): Ledger => {
    let l = ledger.get(id);
    if (!l) ledger.set(id, (l = { submitted: 0, filled: 0, cancelled: 0, expired: 0 }));
    return l;
  };
  const price = (p: number): number => (p < 0 ? BAD_NUMBERS[-p - 1] : sc.priceBase + (p % sc.width));
  const fresh = (): number => {
    const id = nextId;
    nextId += sc.idStride;
    return id;
  };
  const pickId = (p: IdPick): number => (p.t === 'fresh' ? fresh() : p.t === 'bad' ? p.v : used.length ? used[p.k % used.length] : fresh());
  const pickTarget = (p: TargetPick): number => {
    const live = model.liveIds();
    if (p.t === 'live' && live.length) return live[p.k % live.length];
    if (p.t !== 'never' && used.length) return used[p.k % used.length];
    return nextId + 1_000_000;
  };
  let tradedVolume = 0;
  let trades = 0;
  let prevBids = '[]';
  let prevAsks = '[]';
  coverage.sequences++;

  sc.ops.forEach((op, step) => {
    coverage.ops++;
    const beforeBids = prevBids;
    const beforeAsks = prevAsks;
    let status: number;
    let want: MResult;
    let takerId = NaN;
    let takerQty = 0;
    let oldOpen = 0;
    if (op.k === 'limit') {
      takerId = pickId(op.id);
      takerQty = op.qty;
      const p = price(op.price);
      status = book.limit(takerId, op.side, p, op.qty, op.tif, op.post, op.owner);
      want = model.limit(takerId, op.side, p, op.qty, op.tif, op.post, op.owner);
      if (status === Status.OK && op.tif === FOK) coverage.fokFilled++;
    } else if (op.k === 'market') {
      takerId = pickId(op.id);
      takerQty = op.qty;
      const emptySide = (op.side === BUY ? book.bestAsk() : book.bestBid()) === null;
      status = book.market(takerId, op.side, op.qty, op.owner);
      want = model.market(takerId, op.side, op.qty, op.owner);
      if (status === Status.OK && emptySide) coverage.marketEmpty++;
    } else if (op.k === 'cancel') {
      takerId = pickTarget(op.target);
      oldOpen = ledger.get(takerId) ? open(ledger.get(takerId)!) : 0;
      status = book.cancel(takerId);
      want = model.cancel(takerId);
    } else {
      takerId = pickTarget(op.target);
      oldOpen = ledger.get(takerId) ? open(ledger.get(takerId)!) : 0;
      const q = op.qty;
      const p = op.price === undefined ? undefined : price(op.price);
      takerQty = q ?? oldOpen;
      status = book.modify(takerId, q, p);
      want = model.modify(takerId, q, p);
      if (status === Status.OK) {
        if (want.reentered) coverage.modifyReentered++;
        else coverage.modifyInPlace++;
        if (want.reentered && want.fills.length > 0) coverage.modifyReenteredTraded++;
      }
    }
    if (op.k !== 'cancel' && op.k !== 'modify' && typeof takerId === 'number' && Number.isSafeInteger(takerId) && takerId > 0 && !used.includes(takerId))
      used.push(takerId);

    // Same status, same result, same fills.
    if (status !== want.status) fail(step, op, 'status', STATUS_NAMES[status], STATUS_NAMES[want.status]);
    coverage.status[status]++;
    const r = book.result;
    const gotR = { filled: r.filled, resting: r.resting, cancelled: r.cancelled, expired: [...r.expired] };
    const wantR = { filled: want.filled, resting: want.resting, cancelled: want.cancelled, expired: want.expired };
    if (JSON.stringify(gotR) !== JSON.stringify(wantR)) fail(step, op, 'result', gotR, wantR);
    const gotF = bookFills(book);
    if (JSON.stringify(gotF) !== JSON.stringify(want.fills)) fail(step, op, 'fills', gotF, want.fills);

    // Same snapshots; a rejected op leaves the book exactly as it was.
    const bids = book.snapshot(BUY);
    const asks = book.snapshot(SELL);
    const bidsS = JSON.stringify(bids);
    const asksS = JSON.stringify(asks);
    const mb = JSON.stringify(model.snapshot(BUY));
    const ma = JSON.stringify(model.snapshot(SELL));
    if (bidsS !== mb) fail(step, op, 'bid snapshot', bids, JSON.parse(mb));
    if (asksS !== ma) fail(step, op, 'ask snapshot', asks, JSON.parse(ma));
    if (status !== Status.OK && (bidsS !== beforeBids || asksS !== beforeAsks || gotF.length !== 0 || r.filled + r.resting + r.cancelled !== 0))
      fail(step, op, 'rejected op changed something', { bidsS, asksS }, { beforeBids, beforeAsks });
    prevBids = bidsS;
    prevAsks = asksS;

    // Never crossed; queries agree with the snapshot.
    const bb = book.bestBid();
    const ba = book.bestAsk();
    if (bb !== (bids[0]?.price ?? null) || ba !== (asks[0]?.price ?? null)) fail(step, op, 'best prices vs snapshot', [bb, ba], [bids[0]?.price, asks[0]?.price]);
    if (bb !== null && ba !== null && !(bb < ba)) fail(step, op, 'book crossed', bb, ba);
    const d = book.depth(SELL, 3);
    const wantD = asks.slice(0, 3).flatMap((l) => [l.price, l.qty, l.count]);
    if (JSON.stringify([...d]) !== JSON.stringify(wantD)) fail(step, op, 'depth(SELL, 3)', [...d], wantD);
    if (book.levels(BUY) !== bids.length || book.levels(SELL) !== asks.length) fail(step, op, 'levels()', book.levels(BUY), bids.length);

    // Lot accounting, from the book's own reports.
    if (status === Status.OK) {
      const fillSum = gotF.reduce((s, f) => s + f[3], 0);
      if (fillSum !== r.filled) fail(step, op, 'sum of fills vs result.filled', fillSum, r.filled);
      tradedVolume += fillSum;
      trades += gotF.length;
      if (new Set(gotF.map((f) => f[2])).size > 1) coverage.multiLevelTakes++;
      coverage.fills += gotF.length;
      coverage.expiredMakers += r.expired.length;
      if (want.stopped) coverage.stoppedTakers++;
      for (const x of r.expired) {
        const l = led(x);
        l.expired += open(l);
      }
      for (const [maker, , , q] of gotF) led(maker).filled += q;
      const t = led(takerId);
      if (op.k === 'cancel') {
        if (r.cancelled !== oldOpen) fail(step, op, 'cancel reports the remaining qty', r.cancelled, oldOpen);
        t.cancelled += r.cancelled;
      } else {
        if (op.k === 'modify') t.cancelled += oldOpen; // the old remainder goes, the new qty comes in
        t.submitted += takerQty;
        t.filled += r.filled;
        t.cancelled += r.cancelled;
        if (r.filled + r.resting + r.cancelled !== takerQty) fail(step, op, 'taker filled + resting + cancelled', r.filled + r.resting + r.cancelled, takerQty);
      }
    }
    const resting = new Map<number, number>();
    for (const lv of [...bids, ...asks]) for (const o of lv.orders) resting.set(o.id, o.qty);
    for (const [id, l] of ledger) {
      const o = open(l);
      if (o < 0 || o !== (resting.get(id) ?? 0)) fail(step, op, `lots not conserved for order ${id}: submitted = filled + resting + cancelled + expired`, { ...l, resting: resting.get(id) ?? 0 }, o);
    }
    for (const id of resting.keys()) if (!ledger.has(id)) fail(step, op, `order ${id} rests but was never submitted`, id, null);
    if (book.tradedVolume !== tradedVolume || book.tradeCount !== trades) fail(step, op, 'tradedVolume/tradeCount', [book.tradedVolume, book.tradeCount], [tradedVolume, trades]);
    if (book.liveOrders !== resting.size) fail(step, op, 'liveOrders', book.liveOrders, resting.size);
  });
  coverage.restingAtEnd += book.liveOrders;
}

describe('order book vs reference model', () => {
  it('agrees op by op with a naive reference model on 10,000 random sequences (status, result, fills, snapshots, never crossed, lots conserved)', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        runScenario(sc);
      }),
      { numRuns: 10_000, seed: 0x5eed_b00c },
    );

    // The property compared real activity, not empty books.
    const c = coverage;
    if (process.env.BOOK_COVERAGE) console.log(JSON.stringify(c));
    expect(c.sequences).toBeGreaterThanOrEqual(10_000);
    expect(c.ops).toBeGreaterThan(100_000);
    expect(c.fills).toBeGreaterThan(10_000);
    expect(c.multiLevelTakes).toBeGreaterThan(100);
    expect(c.expiredMakers).toBeGreaterThan(100);
    expect(c.stoppedTakers).toBeGreaterThan(100);
    expect(c.modifyInPlace).toBeGreaterThan(100);
    expect(c.modifyReentered).toBeGreaterThan(100);
    expect(c.modifyReenteredTraded).toBeGreaterThan(100);
    expect(c.fokFilled).toBeGreaterThan(100);
    expect(c.marketEmpty).toBeGreaterThan(10);
    expect(c.restingAtEnd).toBeGreaterThan(10_000);
    for (const name of ['OK', 'INVALID_ID', 'INVALID_PRICE', 'INVALID_QTY', 'DUPLICATE_ID', 'UNKNOWN_ORDER', 'FOK_NOT_FILLABLE', 'POST_ONLY_WOULD_CROSS'] as const) {
      expect(c.status[Status[name]], name).toBeGreaterThan(50);
    }
  });
});
