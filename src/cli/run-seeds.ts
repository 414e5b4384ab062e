// Runs a scenario for consecutive seeds, one after another, and writes each seed's recording as
// soon as it ends into a staging directory beside `out`, renamed to `out` at the end (all or
// nothing: an error leaves nothing behind; a finished run replaces what `out` held). Shared by
// the `run` and `demo` commands.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildRun, completeRun, seedReport, type Scenario, type SeedReport } from '../index.ts';
import { writeRecording } from '../record/node/index.ts';
import type { Progress } from './progress.ts';

export interface SeedsResult {
  reports: SeedReport[];
  events: number;
  seconds: number;
}

export function runSeeds(scenario: Scenario, first: number, count: number, progress: Progress, out?: string, options: { trades?: boolean } = {}): SeedsResult {
  const t0 = performance.now(); // clock-ok
  const reports: SeedReport[] = [];
  let events = 0;
  const target = out === undefined ? undefined : resolve(out);
  const staging = target === undefined ? undefined : `${target}.partial-${process.pid}`;
  if (staging !== undefined) {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(dirname(staging), { recursive: true });
    mkdirSync(staging);
  }
  try {
    for (let i = 0; i < count; i++) {
      const seed = first + i;
      const r = buildRun(scenario, seed);
      completeRun(r, (f) => progress.update((i + f) / count));
      events += r.kernel.events;
      const report = seedReport(scenario, seed, r);
      reports.push(report);
      if (staging !== undefined) writeRecording(join(staging, `seed-${seed}`), r.recorder, { meta: { scenario: scenario.name, seed }, trades: options.trades ?? true });
    }
    progress.done();
    if (target !== undefined && staging !== undefined) {
      writeFileSync(join(staging, 'run.json'), JSON.stringify({ scenario: scenario.name, seeds: reports }) + '\n');
      if (existsSync(target)) rmSync(target, { recursive: true });
      renameSync(staging, target);
    }
  } catch (e) {
    if (staging !== undefined) rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  return { reports, events, seconds: (performance.now() - t0) / 1000 }; // clock-ok
}
