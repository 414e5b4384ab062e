// Per-class net flows: hand-computed values (buys, sells, auction trades), and, over random
// trades, flows summing to zero across classes per symbol (in total and per minute) and
// matching each class's position and cash changes.
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/core/rng.ts';
import { uniformInt } from '../../src/core/distributions.ts';
import { NS_PER_SECOND } from '../../src/core/units.ts';
import { InvestorClass } from '../../src/agents/classes.ts';
import { Recorder } from '../../src/record/recorder.ts';

const S = NS_PER_SECOND;

describe('per-class flows', () => {
  it('credits the buyer class and debits the seller class, by taker side (auction: maker sells)', () => {
    const r = new Recorder({ symbols: ['A'], referencePrices: [100], agentClass: Uint8Array.of(0, 0, InvestorClass.RETAIL, InvestorClass.INSTITUTION) });
    r.trade(1 * S, 0, 101, 5, 0, 2, 0); // retail (taker) buys 5 from noise
    r.trade(2 * S, 0, 103, 2, 1, 2, 0); // retail buys 2 from noise
    r.trade(3 * S, 0, 99, 7, 2, 3, 1); // institution (taker) sells 7 to retail
    r.trade(4 * S, 0, 102, 1, 0, 3, 0); // institution buys 1 from noise
    r.trade(70 * S, 0, 100, 10, 3, 2, 2); // auction: institution (maker) sells 10 to retail (taker)
    r.finish(120 * S);
    const f = r.flows;
    const { NOISE, RETAIL, INSTITUTION } = InvestorClass;
    expect([f.netLots(0, RETAIL), f.netLots(0, NOISE), f.netLots(0, INSTITUTION)]).toEqual([24, -8, -16]);
    expect([f.netCents(0, RETAIL), f.netCents(0, NOISE), f.netCents(0, INSTITUTION)]).toEqual([2404, -813, -1591]);
    expect([f.buyLots[INSTITUTION], f.sellLots[INSTITUTION]]).toEqual([1, 17]);
    const minute = (m: number, c: number) => f.minuteLots[m * f.classes + c];
    expect([minute(0, RETAIL), minute(0, NOISE), minute(0, INSTITUTION)]).toEqual([14, -8, -6]);
    expect([minute(1, RETAIL), minute(1, NOISE), minute(1, INSTITUTION)]).toEqual([10, 0, -10]);
    const totals = r.summary().flows;
    expect(totals.map((x) => [x.class, x.netLots, x.netCents])).toEqual([
      ['noise', -8, -813],
      ['institution', -16, -1591],
      ['retail', 24, 2404],
    ]);
  });

  it('scales shares and cents by realSharesPerLot, keeping raw lots', () => {
    const r = new Recorder({ symbols: ['A'], referencePrices: [100], realSharesPerLot: 250, agentClass: Uint8Array.of(0, 4) });
    r.trade(0, 0, 100, 3, 0, 1, 0);
    const retail = r.summary().flows.find((x) => x.class === 'retail')!;
    expect(retail).toMatchObject({ netLots: 3, netShares: 750, netCents: 300, netRealCents: 75_000 });
  });

  it('sums to zero across classes per symbol and matches position and cash changes (random trades)', () => {
    const rng = stream(7, 'flows-test');
    const agents = 12;
    const cls = Uint8Array.from({ length: agents }, (_, i) => i % 6);
    const cpt = [1, 25, 100];
    const r = new Recorder({ symbols: ['A', 'B', 'C'], referencePrices: [100, 200, 300], centsPerTickLot: cpt, agentClass: cls });
    const pos = new Float64Array(agents * 3);
    const cash = new Float64Array(agents);
    let t = 0;
    for (let i = 0; i < 5000; i++) {
      t += uniformInt(rng, 0, 2 * S);
      const s = uniformInt(rng, 0, 2);
      const maker = uniformInt(rng, 0, agents - 1);
      const taker = uniformInt(rng, 0, agents - 1);
      const side = uniformInt(rng, 0, 2);
      const price = uniformInt(rng, 90, 310);
      const qty = uniformInt(rng, 1, 50);
      r.trade(t, s, price, qty, maker, taker, side);
      const [buyer, seller] = side === 1 ? [maker, taker] : [taker, maker];
      pos[buyer * 3 + s] += qty;
      pos[seller * 3 + s] -= qty;
      cash[buyer] -= price * qty * cpt[s];
      cash[seller] += price * qty * cpt[s];
    }
    r.finish(t + 1);
    const f = r.flows;
    for (let s = 0; s < 3; s++) {
      let lots = 0;
      let cents = 0;
      for (let c = 0; c < f.classes; c++) {
        lots += f.netLots(s, c);
        cents += f.netCents(s, c);
        let p = 0;
        for (let a = 0; a < agents; a++) if (cls[a] === c) p += pos[a * 3 + s];
        expect(f.netLots(s, c)).toBe(p);
      }
      expect(lots).toBe(0);
      expect(cents).toBe(0);
      for (let m = 0; m < f.minutes; m++) {
        let ml = 0;
        let mc = 0;
        for (let c = 0; c < f.classes; c++) {
          ml += f.minuteLots[(m * 3 + s) * f.classes + c];
          mc += f.minuteCents[(m * 3 + s) * f.classes + c];
        }
        expect(ml).toBe(0);
        expect(mc).toBe(0);
      }
    }
    for (let c = 0; c < f.classes; c++) {
      let spent = 0;
      let cashChange = 0;
      for (let s = 0; s < 3; s++) spent += f.netCents(s, c);
      for (let a = 0; a < agents; a++) if (cls[a] === c) cashChange += cash[a];
      expect(spent + cashChange).toBe(0);
    }
  });
});
