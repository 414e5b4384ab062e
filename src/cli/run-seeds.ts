// Runs a scenario for consecutive seeds, in this process (one seed, or one worker) or on the seed
// pool (several workers), and writes each seed's recording as soon as it ends into a staging
// directory beside `out`, renamed to `out` at the end (all or nothing: an error leaves nothing
// behind; a finished run replaces what `out` held), with run.json and any extra run-level files
// (`run` adds scenario.resolved.yaml and command.txt). Shared by the `run` and `demo` commands.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Scenario, SeedReport } from '../index.ts';
import type { Progress } from './progress.ts';
import { runSeedJob, type SeedJob } from './seed-job.ts';
import { runSeedPool } from './seed-pool.ts';

/** Default worker count: one per core, at most one per seed. */
export function defaultWorkers(seeds: number): number {
  return Math.max(1, Math.min(seeds, availableParallelism()));
}

export interface SeedsResult {
  reports: SeedReport[];
  events: number;
  seconds: number;
}

export async function runSeeds(scenario: Scenario, first: number, count: number, progress: Progress, out?: string, options: { trades?: boolean; workers?: number; files?: readonly { name: string; data: string }[] } = {}): Promise<SeedsResult> {
  const t0 = performance.now(); // clock-ok
  let reports: SeedReport[] = [];
  let events = 0;
  const target = out === undefined ? undefined : resolve(out);
  const staging = target === undefined ? undefined : `${target}.partial-${process.pid}`;
  if (staging !== undefined) {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(dirname(staging), { recursive: true });
    mkdirSync(staging);
  }
  try {
    const jobs: SeedJob[] = Array.from({ length: count }, (_, i) => ({ scenario, seed: first + i, trades: options.trades ?? true, ...(staging !== undefined ? { dir: staging } : {}) }));
    const workers = Math.min(options.workers ?? defaultWorkers(count), count);
    if (workers <= 1) {
      for (let i = 0; i < jobs.length; i++) {
        const r = await runSeedJob(jobs[i], (f) => progress.update((i + f) / count));
        reports.push(r.report);
        events += r.events;
      }
    } else {
      ({ reports, events } = await runSeedPool(jobs, workers, (f) => progress.update(f)));
    }
    progress.done();
    if (target !== undefined && staging !== undefined) {
      writeFileSync(join(staging, 'run.json'), JSON.stringify({ scenario: scenario.name, seeds: reports }) + '\n');
      for (const f of options.files ?? []) writeFileSync(join(staging, f.name), f.data, { flag: 'wx' });
      if (existsSync(target)) rmSync(target, { recursive: true });
      renameSync(staging, target);
    }
  } catch (e) {
    if (staging !== undefined) rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  return { reports, events, seconds: (performance.now() - t0) / 1000 }; // clock-ok
}
