// Ticks to real dollars: the one conversion every output in dollars uses (the run's CSV and
// Parquet files here; the run report's openUsd ... closeUsd are the same formula). A price of P
// ticks is P x (cents per tick) / 100 dollars a share; NaN (no price) stays NaN.

/** Dollars a share of a price in ticks, given the symbol's cents per tick (scenario `tickCents`). */
export function ticksToUsd(ticks: number, centsPerTick: number): number {
  return (ticks * centsPerTick) / 100;
}
