// What the ABIDES classes (abides-noise, abides-value, abides-momentum, abides-market-makers)
// share: ABIDES's deterministic latency model and the times of a continuous session. In ABIDES
// (abides-markets utils generate_latency_model, "deterministic") every agent stands at a point
// x ~ U(0, 3,866,660 m) (New York to Seattle) and a message takes |x_i - x_j| / c, c = 0.2998 m
// per ns, with no jitter. Only agent-exchange messages occur, so an agent's link latency is
// floor(|x_i - x_exchange| / c) and the exchange's is 0 (the kernel adds the two). Positions
// come from streams keyed (seed, "latency", class, index), so adding agents moves no one else.
import { stream } from '../../core/rng.ts';
import { NS_PER_SECOND } from '../../core/units.ts';
import type { Scenario } from '../schema.ts';

const SPAN_METERS = 3_866_660;
const METERS_PER_NS = 0.299792458;

/** Link latency (ns) of agent `i` of ABIDES class `key`. */
export function abidesLatencyNs(seed: number, key: string, i: number): number {
  const exchange = exchangePosition(seed);
  const x = stream(seed, 'latency', key, i).nextFloat() * SPAN_METERS;
  return Math.floor(Math.abs(x - exchange) / METERS_PER_NS);
}

let lastSeed = Number.NaN;
let lastPosition = 0;

/** Where the exchange stands (m) in the run of `seed` (the last seed's position is kept). */
function exchangePosition(seed: number): number {
  if (seed !== lastSeed) {
    lastPosition = stream(seed, 'latency', 'exchange').nextFloat() * SPAN_METERS;
    lastSeed = seed;
  }
  return lastPosition;
}

/** The same in microseconds, as the population's `add` takes it (exact: add rounds back to ns). */
export function abidesLatencyUs(seed: number, key: string, i: number): number {
  return abidesLatencyNs(seed, key, i) / 1000;
}

/** The continuous session's open (0: the run starts at the open) and close (durationSeconds), ns. */
export function continuousSession(s: Scenario): { openNs: number; closeNs: number } {
  return { openNs: 0, closeNs: Math.round((s.durationSeconds ?? 0) * NS_PER_SECOND) };
}
