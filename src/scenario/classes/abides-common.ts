// What the ABIDES classes (abides-noise, abides-value, abides-momentum, abides-market-makers)
// share: ABIDES's deterministic latency model and the times of a continuous session. In ABIDES
// (abides-markets utils generate_latency_model, "deterministic") every agent stands at a point
// x ~ U(0, 3,866,660 m) (New York to Seattle) and a message takes |x_i - x_j| / c, c = 0.2998 m
// per ns, with no jitter. Only agent-exchange messages occur, so an agent's link latency is
// floor(|x_i - x_exchange| / c) and the exchange's is 0 (the kernel adds the two). Positions
// come from streams keyed (seed, "latency", class, index), so adding agents moves no one else.
import { stream, streams } from '../../core/rng.ts';
import { NS_PER_SECOND } from '../../core/units.ts';
import type { Scenario } from '../schema.ts';

const SPAN_METERS = 3_866_660;
const METERS_PER_NS = 0.299792458;

/**
 * The link latencies of a run of `seed`: a function giving agent `i` of ABIDES class `key` its
 * latency in microseconds, as the population's `add` takes it (a whole number of ns / 1000, exact:
 * add rounds back to ns). The exchange's position is drawn once per run.
 */
export function abidesLatency(seed: number): (key: string, i: number) => number {
  const exchange = stream(seed, 'latency', 'exchange').nextFloat() * SPAN_METERS;
  const latency = streams(seed, 'latency');
  return (key, i) => Math.floor(Math.abs(latency(key, i).nextFloat() * SPAN_METERS - exchange) / METERS_PER_NS) / 1000;
}

/** The continuous session's open (0: the run starts at the open) and close (durationSeconds), ns. */
export function continuousSession(s: Scenario): { openNs: number; closeNs: number } {
  return { openNs: 0, closeNs: Math.round((s.durationSeconds ?? 0) * NS_PER_SECOND) };
}
