// One seed of a run, as the seed pool's workers and the in-process path both do it: build, run
// to the end (reporting progress), report, and write the seed's recording into `dir` when given.
// The same function in both places is what makes a pooled run the same bytes as a serial one.
import { join } from 'node:path';
import { buildRun, completeRun, seedReport, type Scenario, type SeedReport } from '../index.ts';
import { writeRecording } from '../record/node/index.ts';
import { chooseInlining } from './inlining.ts';

export interface SeedJob {
  scenario: Scenario;
  seed: number;
  /** Staging directory the seed's recording goes into (as seed-<n>/), or undefined. */
  dir?: string;
  trades: boolean;
}

export async function runSeedJob(job: SeedJob, progress: (fraction: number) => void): Promise<{ report: SeedReport; events: number }> {
  // Trade rows are kept only when trades.csv / trades.parquet will be written from them.
  const r = buildRun(job.scenario, job.seed, { tradeRows: job.dir !== undefined && job.trades });
  chooseInlining(r.kernel.agents.length, r.endNs - r.startNs); // the first run of the process decides (inlining.ts)
  completeRun(r, progress, { beliefs: job.dir !== undefined });
  const report = seedReport(job.scenario, job.seed, r);
  if (job.dir !== undefined) await writeRecording(join(job.dir, `seed-${job.seed}`), r.recorder, { meta: { scenario: job.scenario.name, seed: job.seed }, trades: job.trades });
  return { report, events: r.kernel.events };
}
