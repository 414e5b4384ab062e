// The rmsc04 preset is ABIDES's RMSC04 agent for agent (issue 9): its population, ABIDES's
// latency model, and a 30-minute run whose per-class order counts follow ABIDES's wake rules.
import { describe, expect, it } from 'vitest';
import { AbidesMarketMaker } from '../../src/agents/abides-market-maker.ts';
import { AbidesMomentum } from '../../src/agents/abides-momentum.ts';
import { AbidesNoise } from '../../src/agents/abides-noise.ts';
import { AbidesValue } from '../../src/agents/abides-value.ts';
import { buildRun, completeRun, getPreset, parseScenario, ScenarioError } from '../../src/scenario/index.ts';

const rmsc04 = (durationSeconds = 23_400) => parseScenario({ ...(getPreset('rmsc04') as object), durationSeconds });

describe('rmsc04 = ABIDES RMSC04', () => {
  it("has ABIDES's population and its deterministic latency model", () => {
    const r = buildRun(rmsc04(), 1);
    const count = (c: abstract new (...a: never[]) => unknown) => r.traders.filter((t) => t instanceof c).length;
    expect([count(AbidesNoise), count(AbidesValue), count(AbidesMarketMaker), count(AbidesMomentum)]).toEqual([1000, 102, 2, 12]);
    expect(r.traders.length).toBe(1116);
    const lat = r.traders.map((t) => r.kernel.latencyOf(t.id));
    expect(Math.max(...lat)).toBeLessThanOrEqual(12_897_916); // 3,866,660 m at c
    const mean = lat.reduce((a, b) => a + b, 0) / lat.length;
    expect(mean).toBeGreaterThan(2e6);
    expect(mean).toBeLessThan(7e6);
  });

  it("half an hour (ABIDES's --end-time 10:00:00): orders per class as ABIDES's wake rules give them", () => {
    const r = buildRun(rmsc04(1800), 1);
    completeRun(r);
    const orders = (c: abstract new (...a: never[]) => unknown) => r.traders.filter((t) => t instanceof c).reduce((a, t) => a + t.ordersSent, 0);
    // value: one order per wake, 102 x 1800 / 175.44 = 1047; noise: ~13% act in the window.
    expect(orders(AbidesValue)).toBeGreaterThan(1047 * 0.85);
    expect(orders(AbidesValue)).toBeLessThan(1047 * 1.15);
    expect(orders(AbidesNoise)).toBeGreaterThan(60);
    expect(orders(AbidesNoise)).toBeLessThan(200);
    // momentum starts after 51 samples (~31 min at one a 37 s): almost nothing in half an hour.
    expect(orders(AbidesMomentum)).toBeLessThan(100);
    expect(r.recorder.count).toBeGreaterThan(300);
  });

  it('refuses ABIDES agents on a scheduled (auction) day, naming the field', () => {
    const bad = { ...(getPreset('rmsc04') as object), durationSeconds: undefined, schedule: { kind: 'us-equity', days: 1 } };
    expect(() => parseScenario(bad)).toThrow(ScenarioError);
    expect(() => parseScenario(bad)).toThrow(/agents\.abidesNoise: ABIDES's agents trade a continuous session/);
  });
});
