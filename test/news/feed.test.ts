// The news feed: never early, reach x N listeners, reproducible per seed, word of mouth over the
// social network, each narrative heard once, classes without gaps skipped.
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/core/rng.ts';
import { Kernel, type Agent } from '../../src/kernel/index.ts';
import { MSG_NEWS } from '../../src/market/protocol.ts';
import { checkNews, directHearingNs, NewsFeed, wattsStrogatz, type Gaps, type Narrative, type NewsEvent, type NewsFeedOptions } from '../../src/news/index.ts';
import { DEFAULT_GAP_MAP, reach } from '../../src/news/gaps.ts';

class Ear implements Agent {
  id = -1;
  heard: Array<{ t: number; event: number; narrative: number }> = [];
  constructor(readonly classId: number) {}
  start(): void {}
  wake(): void {}
  receive(k: Kernel, slot: number): void {
    if (k.msgs.kind[slot] === MSG_NEWS) this.heard.push({ t: k.now, event: k.msgs.a[slot], narrative: k.msgs.b[slot] });
  }
}

const HOUR = 3_600e9;
const events: NewsEvent[] = [
  { timeNs: 1 * HOUR, content: { kind: 'efficiency', factor: 27 }, label: 'R1' },
  { timeNs: 2 * HOUR, content: { kind: 'capex', company: 'Meta', amountUsd: 65e9, changeUsd: 0 } },
];
const narratives: Narrative[] = [
  { event: 0, kind: 'naive', startNs: 1 * HOUR, valueRatios: [0.8], reachFloor: 0.9 },
  { event: 0, kind: 'informed', startNs: 5 * HOUR, valueRatios: [1.1], reachFloor: 0.2 },
  { event: 1, kind: 'informed', startNs: 2 * HOUR, valueRatios: [1.02], reachFloor: 0.3 },
];
const RETAIL: Gaps = { information: 1, onSite: 0.8, horizon: 0.7 };
const INST: Gaps = { information: 0.2, onSite: 0.3, horizon: 0.1 };

function run(seed: number, n: number, social?: (ears: Ear[]) => NewsFeedOptions['social'], gaps: (Gaps | undefined)[] = [RETAIL, INST, undefined]) {
  const k = new Kernel();
  const ears: Ear[] = [];
  for (let i = 0; i < n; i++) ears.push(k.add(new Ear(i % 3), 1_000));
  const feed = new NewsFeed({ seed, events, narratives, symbols: 1, gapsByClass: gaps, listeners: ears.map((e) => ({ id: e.id, classId: e.classId, key: e.id })), social: social?.(ears) });
  k.add(feed, 0);
  k.run(1_000 * HOUR);
  return { k, ears, feed };
}

describe('NewsFeed', () => {
  it('never delivers a narrative before its start (so never before its event)', () => {
    const { ears } = run(1, 600);
    let count = 0;
    for (const e of ears) {
      for (const h of e.heard) {
        count++;
        expect(h.t).toBeGreaterThanOrEqual(narratives[h.narrative].startNs);
        expect(h.t).toBeGreaterThanOrEqual(events[h.event].timeNs);
        expect(narratives[h.narrative].event).toBe(h.event);
      }
    }
    expect(count).toBeGreaterThan(500);
  });

  it('reaches about reach(gI, floor) x N listeners of each class, and skips classes without gaps', () => {
    const n = 6_000;
    const { ears, feed } = run(2, n);
    for (const [cls, g] of [[0, RETAIL], [1, INST]] as const) {
      const members = ears.filter((e) => e.classId === cls);
      for (let nar = 0; nar < narratives.length; nar++) {
        const heard = members.filter((e) => e.heard.some((h) => h.narrative === nar)).length;
        const p = reach(g.information, narratives[nar].reachFloor);
        const sd = Math.sqrt(members.length * p * (1 - p));
        expect(Math.abs(heard - p * members.length)).toBeLessThanOrEqual(4 * sd + 1);
      }
    }
    expect(ears.filter((e) => e.classId === 2).every((e) => e.heard.length === 0)).toBe(true);
    expect(feed.delivered).toBe(ears.reduce((a, e) => a + e.heard.length, 0));
    expect(feed.heardCount(0)).toBe(ears.filter((e) => e.heard.some((h) => h.narrative === 0)).length);
  });

  it('gives insiders shorter delays than outsiders (median delay ratio near m(gO) ratio)', () => {
    const { ears } = run(3, 3_000);
    const med = (cls: number) => {
      const d = ears.filter((e) => e.classId === cls).flatMap((e) => e.heard.filter((h) => h.narrative === 0).map((h) => h.t - narratives[0].startNs));
      d.sort((a, b) => a - b);
      return d[d.length >> 1];
    };
    const ratio = med(0) / med(1);
    const expected = (DEFAULT_GAP_MAP.outsiderDelayNs / DEFAULT_GAP_MAP.insiderDelayNs) ** (RETAIL.onSite - INST.onSite);
    expect(ratio / expected).toBeGreaterThan(0.8);
    expect(ratio / expected).toBeLessThan(1.25);
  });

  it('is reproducible per seed and changes with the seed; the schedule is the pure directHearingNs', () => {
    const a = run(9, 300);
    const b = run(9, 300);
    const c = run(10, 300);
    expect(a.ears.map((e) => e.heard)).toEqual(b.ears.map((e) => e.heard));
    expect(a.ears.map((e) => e.heard)).not.toEqual(c.ears.map((e) => e.heard));
    let checked = 0;
    for (const e of a.ears.slice(0, 60)) {
      const g = [RETAIL, INST, undefined][e.classId];
      if (g === undefined) continue;
      const t = directHearingNs(9, 1, e.classId, e.id, g, narratives[1]);
      const got = e.heard.find((h) => h.narrative === 1);
      if (t < 0) expect(got).toBeUndefined();
      else expect(got?.t).toBe(t + a.k.latencyOf(e.id)); // the feed's link latency is 0
      checked += t < 0 ? 0 : 1;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('spreads by word of mouth over the network: with sharing everyone connected hears, once, later than the teller', () => {
    const n = 400;
    const onlyRetail: (Gaps | undefined)[] = [RETAIL, undefined, undefined];
    const social = (ears: Ear[]) => {
      const members = ears.filter((e) => e.classId === 0).map((e) => e.id);
      return { network: wattsStrogatz(members.length, 4, 0.1, stream(1, 'net')), members, shareProbability: 1, meanShareDelayNs: 600e9 };
    };
    const without = run(4, n, undefined, onlyRetail);
    const withSocial = run(4, n, social, onlyRetail);
    const retailN = without.ears.filter((e) => e.classId === 0).length;
    const heardWithout = without.feed.heardCount(1); // informed reading: floor 0.2, gI = 1
    expect(heardWithout).toBeLessThan(0.35 * retailN);
    expect(withSocial.feed.heardCount(1)).toBe(retailN);
    for (const e of withSocial.ears) {
      const seen = e.heard.map((h) => h.narrative);
      expect(new Set(seen).size).toBe(seen.length); // heard once each
    }
    // direct hearers keep their direct time (first arrival wins): anyone heard via sharing is later than the earliest direct time
    const direct = without.ears.flatMap((e) => e.heard.filter((h) => h.narrative === 1).map((h) => h.t));
    const all = withSocial.ears.flatMap((e) => e.heard.filter((h) => h.narrative === 1).map((h) => h.t));
    expect(Math.min(...all)).toBe(Math.min(...direct));
  });

  it('validates its inputs', () => {
    expect(() => checkNews(events, [{ ...narratives[0], startNs: 0 }], 1)).toThrow(/narratives\[0\]\.startNs must be an integer >= the event's time/);
    expect(() => checkNews(events, [{ ...narratives[0], valueRatios: [0] }], 1)).toThrow(/valueRatios\[0\] must be a finite number > 0, got 0/);
    expect(() => checkNews(events, [{ ...narratives[0], event: 5 }], 1)).toThrow(/must index an event, got 5/);
    expect(() => checkNews(events, narratives, 2)).toThrow(/one entry per symbol \(2\)/);
    expect(() => new NewsFeed({ seed: 1, events, narratives, symbols: 1, gapsByClass: [], listeners: [{ id: -1, classId: 0, key: 0 }] })).toThrow(/add agents to the kernel first/);
  });
});
