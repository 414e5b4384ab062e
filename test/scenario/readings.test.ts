// From news to value ratios (scenario/readings.ts): each reading is the economy evaluated with the
// event's content and the reading's changes, against the scenario's economy before. The naive
// reading of R1 lowers both values, the Jevons reading raises them, a confirmed capex plan leaves
// them; a bigger efficiency jump makes the naive reading worse; the scenario's economy section
// moves the result.
import { describe, expect, it } from 'vitest';
import { getPreset, parseScenario, resolveNews } from '../../src/index.ts';

const preset = () => getPreset('deepseek-2025') as Record<string, any>;

describe('resolveNews', () => {
  it('turns the readings of the week into value ratios per symbol', () => {
    const news = resolveNews(parseScenario(preset()));
    const byName = Object.fromEntries(news.readings.map((r) => [`${r.eventLabel}/${r.reading}`, r]));
    const naive = byName['DeepSeek-R1/naive'];
    const jevons = byName['DeepSeek-R1/jevons'];
    expect(naive.valueRatios[0]).toBeLessThan(0.85);
    expect(naive.valueRatios[1]).toBeLessThan(0.85);
    expect(jevons.valueRatios[0]).toBeGreaterThan(1.05);
    expect(jevons.valueRatios[1]).toBeGreaterThan(1.05);
    expect(naive.changes).toMatchObject({ 'efficiency.jump': 27, 'efficiency.jumpYear': 2025, 'demand.jumpPassThrough': 0.5 });
    expect(byName['Meta confirms 2025 capex/informed'].valueRatios).toEqual([1, 1]);
    expect(news.narratives.map((n) => n.kind)).toEqual(['naive', 'informed', 'informed', 'informed']);
    expect(news.events[0].timeNs).toBeLessThan(0); // R1 was released before the run
  });

  it('reads a bigger efficiency jump as worse under the naive reading', () => {
    const mild = preset();
    mild.news[0].content.factor = 3;
    const r3 = resolveNews(parseScenario(mild)).readings[0].valueRatios[0];
    const r27 = resolveNews(parseScenario(preset())).readings[0].valueRatios[0];
    expect(r3).toBeGreaterThan(r27);
  });

  it('evaluates against the scenario economy', () => {
    const elastic = preset();
    elastic.economy = { demand: { elasticity: 1.5 } };
    const jevons = (s: Record<string, any>) => resolveNews(parseScenario(s)).readings[1].valueRatios[0];
    expect(jevons(elastic)).toBeGreaterThan(jevons(preset()));
  });
});
