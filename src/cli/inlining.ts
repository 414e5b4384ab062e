// How much V8 may inline into one optimized function, chosen once per process (or seed worker)
// from the size of the first run it builds. Inlining never changes arithmetic, so results are the
// same bytes either way; only the time moves, and in opposite directions for short and long runs:
//   - A long run (the 10,000-agent day, a DeepSeek seed-week) gains from a large budget. Calls left
//     out-of-line box every double they return (a draw, a log) into a fresh heap number; with
//     3,000 bytes of bytecode instead of V8's default 920 a seed-week allocated a third less and the
//     day ran ~12% faster (bench/README.md).
//   - A short run (rmsc04's day of 1,118 agents, 136k events, ~0.2 s cold) is mostly JIT warm-up.
//     On 2 cores the optimizing compiler's queue is the bottleneck: the large budget made it 30%
//     slower, and a small one (300) ~11% faster than the default, because each function compiles
//     sooner.
// The size is agents x simulated hours, a proxy for events that needs no run: rmsc04 is 7,300,
// calm-day 33,000, the 10,000-agent day 66,000, a DeepSeek week 940,000.
import { setFlagsFromString } from 'node:v8';
import { NS_PER_HOUR } from '../core/units.ts';

/** Runs below this many agent-hours get the short-run budget. */
export const SHORT_RUN_AGENT_HOURS = 20_000;
/** Inlining budgets (bytes of bytecode inlined into one function): V8's default is 920. */
export const SHORT_RUN_INLINING = 300;
export const LONG_RUN_INLINING = 3_000;

/** The budget for a run of `agents` agents over `spanNs` simulated nanoseconds. */
export function inliningBudgetFor(agents: number, spanNs: number): number {
  return (agents * spanNs) / NS_PER_HOUR < SHORT_RUN_AGENT_HOURS ? SHORT_RUN_INLINING : LONG_RUN_INLINING;
}

let chosen = 0;

/**
 * Sets V8's inlining budget for this process from its first run (later calls keep it: code
 * already optimized would not change, and V8's flags are per process, shared by worker threads).
 * Returns the budget in force.
 */
export function chooseInlining(agents: number, spanNs: number): number {
  if (chosen === 0) {
    chosen = inliningBudgetFor(agents, spanNs);
    setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${chosen}`);
  }
  return chosen;
}
