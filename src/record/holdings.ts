// Positions and P&L per investor class at the end of a run, from the traders' own
// book-keeping (position in lots per symbol, cash in cents) against a snapshot taken before the
// first trade.
//
// For each class, with P the mark price (the last trade) and R the reference price (the
// previous close) of each symbol, and c its centsPerTickLot:
//   trading P&L (cents) = cash change + sum over symbols of position change x P x c
//     (what the class's trades of the run made or lost, marked at the last price; summed over
//     all classes it is zero, since every lot and cent a class gains another class gives up),
//   holding P&L (cents) = sum over symbols of initial position x (P - R) x c
//     (the revaluation of what the class held before the run: the market-value change),
//   total P&L = trading P&L + holding P&L = end wealth - start wealth, wealth = cash + position x
//     price x c, valued at R at the start and at P at the end.

/** What the recorder reads from a trader (the Trader class satisfies it). */
export interface Holder {
  readonly classId: number;
  readonly position: ArrayLike<number>;
  readonly cash: number;
}

/** Holdings of a set of traders at one moment. */
export interface HoldingsSnapshot {
  readonly symbols: number;
  /** position[i * symbols + s]: lots of trader i in symbol s. */
  readonly position: Float64Array;
  readonly cash: Float64Array;
}

export function snapshotHoldings(holders: readonly Holder[], symbols: number): HoldingsSnapshot {
  const position = new Float64Array(holders.length * symbols);
  const cash = new Float64Array(holders.length);
  holders.forEach((h, i) => {
    for (let s = 0; s < symbols; s++) position[i * symbols + s] = h.position[s];
    cash[i] = h.cash;
  });
  return { symbols, position, cash };
}

export interface ClassPosition {
  symbol: string;
  class: string;
  initialLots: number;
  finalLots: number;
  changeLots: number;
}

export interface ClassPnl {
  class: string;
  traders: number;
  cashChangeCents: number;
  tradingPnlCents: number;
  holdingPnlCents: number;
  totalPnlCents: number;
}

export interface ClassHoldings {
  positions: ClassPosition[];
  pnl: ClassPnl[];
}

/** Sums holdings and P&L by class; classes with no trader are left out. */
export function classHoldings(
  holders: readonly Holder[],
  initial: HoldingsSnapshot,
  symbolNames: readonly string[],
  classNames: readonly string[],
  markPrice: ArrayLike<number>,
  referencePrice: ArrayLike<number>,
  centsPerTickLot: ArrayLike<number>,
): ClassHoldings {
  const S = symbolNames.length;
  const C = classNames.length;
  if (initial.symbols !== S || initial.cash.length !== holders.length) throw new RangeError('holdings snapshot does not match the traders');
  const traders = new Float64Array(C);
  const pos0 = new Float64Array(C * S);
  const pos1 = new Float64Array(C * S);
  const dcash = new Float64Array(C);
  holders.forEach((h, i) => {
    const c = h.classId;
    if (!(c >= 0 && c < C)) throw new RangeError(`trader ${i} has class ${c}, outside the ${C} known classes`);
    traders[c]++;
    dcash[c] += h.cash - initial.cash[i];
    for (let s = 0; s < S; s++) {
      pos0[c * S + s] += initial.position[i * S + s];
      pos1[c * S + s] += h.position[s];
    }
  });
  const positions: ClassPosition[] = [];
  const pnl: ClassPnl[] = [];
  for (let c = 0; c < C; c++) {
    if (traders[c] === 0) continue;
    let trading = dcash[c];
    let holding = 0;
    for (let s = 0; s < S; s++) {
      const a = pos0[c * S + s];
      const b = pos1[c * S + s];
      trading += (b - a) * markPrice[s] * centsPerTickLot[s];
      holding += a * (markPrice[s] - referencePrice[s]) * centsPerTickLot[s];
      positions.push({ symbol: symbolNames[s], class: classNames[c], initialLots: a, finalLots: b, changeLots: b - a });
    }
    pnl.push({ class: classNames[c], traders: traders[c], cashChangeCents: dcash[c], tradingPnlCents: trading, holdingPnlCents: holding, totalPnlCents: trading + holding });
  }
  return { positions, pnl };
}
