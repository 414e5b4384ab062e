// The scenario layer: schemas, presets, build and run.
export { ScenarioSchema, parseScenario, ScenarioError, type Scenario, type ScenarioInput } from './schema.ts';
export { PRESETS, PRESET_FIT_PARAMS, getPreset, presetNames } from './presets.ts';
export { buildRun, runScenario, auditRun, completeRun, summarize, runEndNs, type RunSummary, type BuiltRun, type BuildOptions } from './run.ts';
export { AuditError, auditAccounts, snapshotAccounts, type Account, type AuditSnapshot } from './audit.ts';
export { seedReport, type SeedReport, type DayRow, type ClassFlow } from './report.ts';
export { resolveNews, scenarioEconomy, type ReadingValue, type ResolvedNews } from './readings.ts';
export { scenarioCalendar } from './run.ts';
