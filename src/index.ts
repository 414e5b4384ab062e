// shocklab's public API: everything a library user, the CLI and the web app need, by name.

// core: units, deterministic math, seeded randomness, event heap
export { ticks, lots, nanos, cents, UnitError, NS_PER_SECOND, NS_PER_MINUTE, NS_PER_MS, type Ticks, type Lots, type Nanos, type Cents, type OrderId, type AgentId } from './core/units.ts';
export { stream, streams, fromSeed, Xoshiro128, type RandomSource } from './core/rng.ts';
export { dexp, dlog, dpow } from './core/detmath.ts';
export { uniformInt, normal, exponential, poisson, lognormal } from './core/distributions.ts';
export { EventHeap } from './core/heap.ts';
export { fnv1a, hex32 } from './core/hash.ts';

// book: one price-time order book per symbol
export { createOrderBook, OrderBook, Fills, Status, STATUS_NAMES, BUY, SELL, GTC, IOC, FOK, STP_NONE, STP_EXPIRE_MAKER, STP_EXPIRE_TAKER, stpCode, type OrderBookOptions, type OpResult, type LevelView } from './book/index.ts';

// kernel, market, agents
export { Kernel, MessagePool, type Agent } from './kernel/index.ts';
export { Exchange, type ExchangeOptions, type TradeSink } from './market/index.ts';
export { Trader } from './agents/trader.ts';
export { ZeroIntelligence } from './agents/zero-intelligence.ts';
export { MarketMaker } from './agents/market-maker.ts';

// record
export { TradeTape } from './record/index.ts';

// scenario
export { ScenarioSchema, parseScenario, ScenarioError, PRESETS, PRESET_FIT_PARAMS, getPreset, presetNames, buildRun, runScenario, completeRun, summarize, AuditError, seedReport, resolveNews, scenarioEconomy, scenarioCalendar, type Scenario, type ScenarioInput, type RunSummary, type BuiltRun, type BuildOptions, type SeedReport, type DayRow, type ClassFlow, type ReadingValue, type ResolvedNews } from './scenario/index.ts';

// analysis: a shock's moments from a user's daily bars, and calibration by simulated moments
export { BarsError, parseDailyBars, shockMoments, type DailyBar, type ShockMoments } from './analysis/index.ts';
export { spread, type Spread } from './analysis/index.ts';
export { calibrate, identify, shortenedScenario, nelderMead, symmetricEigen, type CalibrationSetup, type CalibrationResult, type Evaluation, type MomentFit, type Identification } from './analysis/index.ts';
export { FitParamsSchema, FitParamError, checkFitParams, fitPathProblem, applyUnit, fromUnit, toUnit, startUnit, getPath, type FitParam, type FitParamsInput } from './analysis/index.ts';
// the claims audit: the article's claims as paired counterfactuals (docs/claims.md)
export { auditClaims, claimDefinitions, claimIds, eventSession, verdictOf, meanInterval, t975, MIN_EFFECT, type AuditJob, type AuditReport, type AuditSetup, type ClaimResult, type ClaimDefinition, type Verdict } from './analysis/index.ts';
export { TargetsSchema, TargetsError, MOMENT_NAMES, parseTargets, resolveTargets, momentOf, targetLabel, type Target, type TargetInput, type MomentName } from './analysis/index.ts';
