// The pass rule of the stylized facts (targets.md, "Formulas with test vectors"): a fact passes when its pooled
// estimate (returns pooled over all seeds) is in its band AND at least 8 of every 10 seeds are:
// seeds in band >= ceil(minFraction x seeds), with minFraction 0.8, and there are at least
// `minSeeds` (10) seeds.

export interface PassRuleOptions {
  /** Fewest seeds the rule accepts (default 10). */
  minSeeds?: number;
  /** Share of seeds that must be in band (default 0.8: 8 of 10). */
  minFraction?: number;
}

export interface PassVerdict {
  pass: boolean;
  seedsInBand: number;
  seeds: number;
  /** Seeds needed in band. */
  required: number;
  /** Why it failed ('' when it passed). */
  reason: string;
}

export function passRule(pooledInBand: boolean, seedsInBand: readonly boolean[], options: PassRuleOptions = {}): PassVerdict {
  const minSeeds = options.minSeeds ?? 10;
  const minFraction = options.minFraction ?? 0.8;
  const seeds = seedsInBand.length;
  const inBand = seedsInBand.filter(Boolean).length;
  const required = Math.ceil(minFraction * seeds - 1e-9);
  const reasons: string[] = [];
  if (seeds < minSeeds) reasons.push(`${seeds} seeds, the rule needs at least ${minSeeds}`);
  if (!pooledInBand) reasons.push('pooled estimate out of band');
  if (inBand < required) reasons.push(`${inBand} of ${seeds} seeds in band, ${required} needed`);
  return { pass: reasons.length === 0, seedsInBand: inBand, seeds, required, reason: reasons.join('; ') };
}
