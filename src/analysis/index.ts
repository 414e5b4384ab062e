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
export { spread, compareWeek, classNetUsd, letfRebalanceShare, type Spread, type SessionComparison } from './week.ts';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from './nelder-mead.ts';
export { symmetricEigen, type Eigen } from './symmetric-eigen.ts';
export { FitParamsSchema, FitParamError, checkFitParams, fitPathProblem, applyUnit, fromUnit, toUnit, startUnit, getPath, MAX_FIT_PARAMS, type FitParam, type FitParamsInput } from './fit-params.ts';
export { TargetsSchema, TargetsError, MOMENT_NAMES, parseTargets, resolveTargets, momentOf, targetLabel, type Target, type TargetInput, type MomentName } from './targets.ts';
export { calibrate, identify, shortenedScenario, type CalibrationSetup, type CalibrationResult, type Evaluation, type MomentFit, type Identification } from './calibrate.ts';
export { meanInterval, t975, type MeanInterval } from './t-interval.ts';
export { claimDefinitions, MIN_EFFECT, RETAIL_RECORD_27_JAN, withPath, type ClaimDefinition, type MarketMetric, type EconomyMetric } from './claims.ts';
export { auditClaims, claimIds, eventSession, verdictOf, type AuditJob, type AuditReport, type AuditSetup, type ClaimResult, type Verdict } from './claims-audit.ts';
