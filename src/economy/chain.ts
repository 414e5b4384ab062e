// How an efficiency gain is split along a value chain: the article's train and coal (C15) and
// its GPU-hour version (C16). One function serves both: the user of an input (coal, a GPU-hour)
// gets E units of output per unit of input after an efficiency gain E; if the input's price
// rises by a factor p, output per unit of input spend rises by E / p.
//
// Profit is another matter; three readings, each with its assumption:
//  - 'proportional' (the article's): profit moves with output at a fixed input budget, i.e. the
//    margin per unit of output is unchanged. Profit multiplier = E / p.
//  - 'fixed-budget': revenue R per unit of output, the input is the only cost, the input budget
//    C stays the same and all extra output is sold at R. With a base profit margin m,
//    C = (1 - m) R k and profit goes from m R k to R k E/p - C: multiplier (E/p - 1 + m) / m.
//  - 'fixed-output': the same output is sold; the input cost per unit of output falls to p/E of
//    its old level. Multiplier (1 - (1 - m) p / E) / m.
import { inRange, positive } from './checks.ts';

export type ProfitReading = 'proportional' | 'fixed-budget' | 'fixed-output';
export const PROFIT_READINGS: readonly ProfitReading[] = ['proportional', 'fixed-budget', 'fixed-output'];

export const PROFIT_ASSUMPTIONS: Record<ProfitReading, string> = {
  proportional: 'profit proportional to output at a fixed fuel budget (margin per unit of output unchanged)',
  'fixed-budget': 'fuel is the only cost and its budget is unchanged; every extra unit of output sells at the old price',
  'fixed-output': 'output and its price are unchanged; only the fuel cost per unit of output changes',
};

/** Output per unit of input spend after efficiency gain E and input price factor p: E / p. */
export function outputPerInputSpend(efficiency: number, inputPrice: number): number {
  positive('efficiency', efficiency);
  positive('fuel-price', inputPrice);
  return efficiency / inputPrice;
}

/** Profit multiplier under a reading; `margin` is the base profit margin (profit / revenue) in (0, 1]. */
export function profitMultiplier(efficiency: number, inputPrice: number, reading: ProfitReading, margin: number): number {
  const ratio = outputPerInputSpend(efficiency, inputPrice);
  inRange('margin', margin, Number.MIN_VALUE, 1);
  switch (reading) {
    case 'proportional':
      return ratio;
    case 'fixed-budget':
      return (ratio - 1 + margin) / margin;
    case 'fixed-output':
      return (1 - ((1 - margin) * inputPrice) / efficiency) / margin;
  }
}

export interface TrainCoalResult {
  outputPerFuelSpend: number;
  profitMultiplier: number;
  reading: ProfitReading;
  assumption: string;
  margin: number;
  /** Every reading's multiplier, to show how much the answer depends on the assumption. */
  readings: { reading: ProfitReading; profitMultiplier: number; assumption: string }[];
}

/** The article's train and coal (C15): efficiency E, coal price factor p. */
export function trainCoal(efficiency: number, fuelPrice: number, reading: ProfitReading = 'proportional', margin = 0.2): TrainCoalResult {
  if (!PROFIT_READINGS.includes(reading)) throw new RangeError(`reading must be one of ${PROFIT_READINGS.join(', ')}, got ${JSON.stringify(reading)}`);
  return {
    outputPerFuelSpend: outputPerInputSpend(efficiency, fuelPrice),
    profitMultiplier: profitMultiplier(efficiency, fuelPrice, reading, margin),
    reading,
    assumption: PROFIT_ASSUMPTIONS[reading],
    margin,
    readings: PROFIT_READINGS.map((r) => ({ reading: r, profitMultiplier: profitMultiplier(efficiency, fuelPrice, r, margin), assumption: PROFIT_ASSUMPTIONS[r] })),
  };
}
