// The rmsc04 preset: ABIDES's reference configuration RMSC04 (abides-markets configs/rmsc04.py,
// jpmorganchase/abides-jpmc-public), agent for agent, for the race of `npm run bench:abides`:
// one continuous session 09:30-16:00 (no auctions, as in ABIDES), one symbol ABM starting at
// r_bar = $1,000.00 in 1-cent ticks, one share per lot, no self-trade prevention, and ABIDES's
// population: 1,000 noise agents (one order each at a U-quadratic time in 09:00-16:00), 102 value
// agents (Poisson wakes every 175 s, orders around a noisy view of the mean-reverting
// fundamental), 2 adaptive market makers (a 10-level ladder a side every 60 s on average) and 12
// momentum agents (20/50 moving-average crossover every 37 s), with ABIDES's deterministic
// latency model. The rules, each with the ABIDES file it follows and where ours differs, are in
// docs/abides-rmsc04.md (section 8) and in each agent's header (src/agents/abides-*.ts).
// `--set durationSeconds=1800` gives ABIDES's 09:30-10:00 run (`--end-time 10:00:00`).
import type { ScenarioInput } from '../schema.ts';

export const RMSC04: ScenarioInput = {
  name: 'rmsc04',
  description: "ABIDES's reference day RMSC04, agent for agent: 09:30-16:00 continuous, 1,000 noise, 102 value, 2 adaptive market makers, 12 momentum agents, the mean-reverting fundamental (docs/abides-rmsc04.md).",
  durationSeconds: 23_400,
  recording: { realSharesPerLot: 1, sampleSeconds: 1 },
  symbols: [{ name: 'ABM', referencePrice: 100_000, tickCents: 1, floatLots: 10_000_000 }],
  stp: 'none',
  agents: {
    leveragedEtfs: [],
    abidesNoise: { count: 1000 },
    abidesValue: { count: 102 },
    abidesMarketMakers: { count: 2 },
    abidesMomentum: { count: 12 },
  },
};
