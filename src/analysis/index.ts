// The analysis layer: estimators and the stylized-facts verdicts, over plain arrays.
export { acf, acfLags } from './acf.ts';
export { laggedCorrelation, pearson, PairStats } from './correlation.ts';
export { hill } from './hill.ts';
export { excessKurtosis } from './moments.ts';
export { absolute, logReturns, pooled } from './returns.ts';
export { passRule, type PassRuleOptions, type PassVerdict } from './pass-rule.ts';
export { FACTS, stylizedFacts, type DaySeries, type Estimate, type FactDefinition, type FactResult, type FactsReport, type SeedSeries } from './facts.ts';
export { gaussianControl, type GaussianControlOptions } from './gaussian-control.ts';
export { BarsError, parseDailyBars, shockMoments, type DailyBar, type ShockMoments } from './daily-bars.ts';
