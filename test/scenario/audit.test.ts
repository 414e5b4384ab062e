// The end-of-run accounting audit: it holds on real runs and fails on a deliberately broken agent.
import { describe, expect, it } from 'vitest';
import { ZeroIntelligence } from '../../src/agents/zero-intelligence.ts';
import { AuditError, auditAccounts, auditRun, buildRun, getPreset, parseScenario, snapshotAccounts } from '../../src/scenario/index.ts';

/** A zero-intelligence trader whose book-keeping is wrong: it counts every buy fill twice (it settles at the exchange, so the fault is in settleFill). */
class DoubleCountingTrader extends ZeroIntelligence {
  override settleFill(symbol: number, side: number, price: number, qty: number): void {
    super.settleFill(symbol, side, price, qty);
    if (side === 0) this.position[symbol] += qty;
  }
}

describe('accounting audit', () => {
  it('holds over several zi-smoke seeds (every lot and cent accounted for)', () => {
    for (const seed of [1, 2, 3]) {
      const r = buildRun(parseScenario(getPreset('zi-smoke')), seed);
      r.kernel.run(r.endNs);
      expect(r.recorder.count).toBeGreaterThan(100);
      expect(() => auditRun(r)).not.toThrow();
    }
  });

  it('fails, naming the symbol and the numbers, when one agent mis-books its fills', () => {
    const r = buildRun(parseScenario(getPreset('zi-smoke')), 1);
    const honest = r.traders.find((t) => t instanceof ZeroIntelligence)!;
    Object.setPrototypeOf(honest, DoubleCountingTrader.prototype);
    r.kernel.run(r.endNs);
    expect(honest.fills).toBeGreaterThan(0);
    expect(() => auditRun(r)).toThrow(AuditError);
    expect(() => auditRun(r)).toThrow(/ZI: \d+ lots held, expected 0 \(0 at start \+ 0 from outside\)/);
  });

  it('counts outside flows (e.g. fund creations) and catches a cash breach', () => {
    const a = { position: [10, 0], cash: 500 };
    const b = { position: [-4, 3], cash: -200 };
    const before = snapshotAccounts([a, b], 2);
    a.position[0] += 5; // 5 lots created from outside
    b.cash += 100; // 100 cents appear from nowhere
    expect(() => auditAccounts(before, snapshotAccounts([a, b], 2), { shares: [5, 0], cash: 0 }, ['X', 'Y'])).toThrow(/cash: 400 cents held, expected 300/);
    b.cash -= 100;
    expect(() => auditAccounts(before, snapshotAccounts([a, b], 2), { shares: [5, 0], cash: 0 }, ['X', 'Y'])).not.toThrow();
  });
});
