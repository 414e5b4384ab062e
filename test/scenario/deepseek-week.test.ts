// The DeepSeek week as one model (deepseek-2025, its first two sessions, seeds 1-8): nothing
// scripts the outcome, so without news the 27 Jan return is centred on 0, while the news moves
// it; every session's class flows sum to exactly zero; the leveraged ETFs' rebalancing goes
// through the closing auction at exactly A (x^2 - x) r / P, to the lot.
import { beforeAll, describe, expect, it } from 'vitest';
import { INVESTOR_CLASS_NAMES } from '../../src/agents/classes.ts';
import { LeveragedEtf } from '../../src/agents/leveraged-etf.ts';
import type { SeedReport } from '../../src/index.ts';
import { dayReturn, runWeek, SEEDS, week } from './deepseek-week-helpers.ts';

const withNews: { report: SeedReport; funds: LeveragedEtf[]; centsPerTickLot: number }[] = [];
const noNews: SeedReport[] = [];

beforeAll(() => {
  const s = week(2);
  const quiet = week(2, (raw) => void (raw.news = []));
  for (const seed of SEEDS) {
    const { report, run } = runWeek(s, seed);
    withNews.push({ report, funds: run.traders.filter((t): t is LeveragedEtf => t instanceof LeveragedEtf), centsPerTickLot: run.exchange.centsPerTickLot[0] });
    noNews.push(runWeek(quiet, seed).report);
  }
}, 600_000);

describe('deepseek-2025, 24 and 27 Jan, seeds 1-8', () => {
  it('without news, the mean 27 Jan NVDA return is within 3pp of 0', () => {
    const rs = noNews.map((r) => dayReturn(r, 'NVDA', 1));
    const mean = rs.reduce((a, x) => a + x, 0) / rs.length;
    expect(Math.abs(mean), `returns ${rs.map((x) => x.toFixed(4)).join(', ')}`).toBeLessThan(0.03);
  });

  it('with the news, the mean 27 Jan NVDA return is a fall of more than 5%', () => {
    const rs = withNews.map((x) => dayReturn(x.report, 'NVDA', 1));
    expect(rs.reduce((a, x) => a + x, 0) / rs.length).toBeLessThan(-0.05);
  });

  it('the class flows of every session and symbol sum to exactly 0 (shares), every class on every row', () => {
    for (const { report } of withNews) {
      for (const d of report.days) {
        expect(Object.keys(d.flows).sort()).toEqual([...INVESTOR_CLASS_NAMES].sort());
        let shares = 0;
        for (const c of INVESTOR_CLASS_NAMES) {
          expect(Number.isInteger(d.flows[c].netShares)).toBe(true);
          shares += d.flows[c].netShares;
        }
        expect(shares).toBe(0);
      }
    }
  });

  it("the leveraged ETFs' rebalancing fills equal A (x^2 - x) r / P within one lot, in the closing auction", () => {
    let checked = 0;
    for (const { funds, centsPerTickLot, report } of withNews) {
      for (const f of funds) {
        for (const s of f.sessions) {
          const expected = (s.aumCents * (2 * 2 - 2) * s.r) / (s.priceTicks * centsPerTickLot);
          expect(Math.abs(s.rebalanceFilled - expected)).toBeLessThanOrEqual(1);
          checked++;
        }
      }
      const d27 = report.days.find((d) => d.symbol === 'NVDA' && d.day === 1)!;
      const lots = funds.reduce((a, f) => a + f.sessions[1].rebalanceFilled, 0);
      expect(d27.letf.rebalanceShares).toBe(lots * 451);
      expect(d27.letf.rebalanceShares).toBeLessThan(0); // a fall makes 2x funds sell
    }
    expect(checked).toBe(SEEDS.length * 3 * 2);
  });
});
