// The compute economy (issue 4): pure, deterministic functions of parameters, from Jevons and
// the train-and-coal arithmetic to vendor competition, buyers' budgets and company valuations.
// Imports only src/core. See docs/model.md, section "Compute economy".
export * from './checks.ts';
export * from './jevons.ts';
export * from './chain.ts';
export * from './letf.ts';
export * from './bass.ts';
export * from './efficiency.ts';
export * from './demand.ts';
export * from './rental.ts';
export * from './bertrand.ts';
export * from './capex.ts';
export * from './valuation.ts';
export * from './params.ts';
export * from './model.ts';
export * from './calibrate.ts';
export * from './sweep.ts';
export * from './chart.ts';
