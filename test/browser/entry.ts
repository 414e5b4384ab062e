// Browser entry for the determinism test: runs a preset inside a Web Worker and in the page,
// through the public API only, and reports both summaries.
import { getPreset, parseScenario, runScenario } from '../../src/index.ts';

export function runPreset(name: string, seed: number) {
  return runScenario(parseScenario(getPreset(name)), seed);
}
