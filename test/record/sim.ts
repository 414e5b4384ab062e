// A small simulated market wired with the Recorder (exchange sink + sampling agent), for tests.
import { stream } from '../../src/core/rng.ts';
import { NS_PER_SECOND } from '../../src/core/units.ts';
import { Kernel } from '../../src/kernel/kernel.ts';
import { Exchange } from '../../src/market/exchange.ts';
import { MarketMaker } from '../../src/agents/market-maker.ts';
import { ZeroIntelligence } from '../../src/agents/zero-intelligence.ts';
import type { Trader } from '../../src/agents/trader.ts';
import { Recorder, agentClassMap, type RecorderOptions } from '../../src/record/recorder.ts';

export interface Sim {
  kernel: Kernel;
  exchange: Exchange;
  recorder: Recorder;
  traders: Trader[];
  endNs: number;
}

export function simulate(seed: number, seconds = 600, extra: Partial<RecorderOptions> = {}): Sim {
  const symbols = ['ZI'];
  const referencePrices = [10_000];
  const kernel = new Kernel();
  const recorder = new Recorder({ symbols, referencePrices, ...extra });
  const exchange = new Exchange({ symbols, referencePrices, sink: recorder });
  kernel.add(exchange, 0);
  const traders: Trader[] = [];
  for (let i = 0; i < 2; i++) {
    traders.push(kernel.add(new MarketMaker(exchange, 1, stream(seed, 'market-maker', i), { symbol: 0, intervalNs: 2 * NS_PER_SECOND, halfSpread: 2, skew: 0.01, size: 50, maxInventory: 2_000 }), 50_000));
  }
  for (let i = 0; i < 50; i++) {
    traders.push(kernel.add(new ZeroIntelligence(exchange, 1, stream(seed, 'zero-intelligence', i), { symbol: 0, meanWakeNs: 5 * NS_PER_SECOND, pCancel: 0.2, pMarket: 0.1, pCross: 0.05, offsetMean: 4, maxQty: 100, maxLive: 16 }), 100_000));
  }
  recorder.attach(exchange).setAgentClasses(agentClassMap(kernel.agents)).trackHoldings(traders);
  kernel.add(recorder, 0);
  const endNs = seconds * NS_PER_SECOND;
  kernel.run(endNs);
  recorder.finish(endNs);
  return { kernel, exchange, recorder, traders, endNs };
}
