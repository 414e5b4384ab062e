// Margin and risk arithmetic shared by leveraged traders (fast money, margin retail), in the
// units of the market layer: cash in cents, position in lots, price in ticks, c = cents per tick
// per lot. With exposure X = |q| P c and equity E = cash + q P c:
//   margin call when E < mm X (maintenance margin mm); the trader then cuts |q| to
//   floor(E / (im P c)) lots (back to the initial margin im), or to 0 when E <= 0
//   (Reg T: im = 0.5, FINRA 4210 maintenance mm = 0.25);
//   drawdown from the peak equity Epk: DD = 1 - E / Epk, a stop at DD >= d closes the position;
//   buying power = max(0, E / im - X) (cents that may still be spent on longs).

/** E = cash + q P c (cents). */
export function equityCents(cash: number, positionLots: number, priceTicks: number, centsPerTickLot: number): number {
  return cash + positionLots * priceTicks * centsPerTickLot;
}

/** Lots by which |q| must be cut on a margin call (0 when the maintenance margin holds). */
export function marginCallLots(positionLots: number, priceTicks: number, centsPerTickLot: number, cash: number, maintenance: number, initial: number): number {
  const size = positionLots < 0 ? -positionLots : positionLots;
  if (size === 0) return 0;
  const lotValue = priceTicks * centsPerTickLot;
  const exposure = size * lotValue;
  const equity = cash + positionLots * lotValue;
  if (equity >= maintenance * exposure) return 0;
  if (equity <= 0) return size;
  const keep = Math.floor(equity / (initial * lotValue));
  return keep >= size ? 0 : size - keep;
}

/** 1 - E / Epk (0 when the peak is not positive). */
export function drawdown(equity: number, peak: number): number {
  return peak > 0 ? 1 - equity / peak : 0;
}

/** Cents that may still be spent on longs: max(0, E / im - X). */
export function buyingPowerCents(cash: number, positionLots: number, priceTicks: number, centsPerTickLot: number, initial: number): number {
  const lotValue = priceTicks * centsPerTickLot;
  const exposure = (positionLots < 0 ? -positionLots : positionLots) * lotValue;
  const bp = (cash + positionLots * lotValue) / initial - exposure;
  return bp > 0 ? bp : 0;
}
