// Seeds on every core: a small pool of worker threads (node:worker_threads, no dependency) that
// each run whole seeds (src/cli/seed-job.ts), handed out one at a time to whichever worker is
// free. Reports come back in job order whatever order the workers finish in (jobs may share a
// seed: the audit runs several scenarios on the same seeds), and each worker
// writes its seeds' recordings into the same staging directory, so a pooled run is the same
// bytes as a serial one. Workers load the code the way the CLI was loaded (bin/load.js): the
// bundle's seed worker when the CLI runs from the bundle (setSeedWorker), else the sources
// through tsx (bin/seed-worker.js). An error in a worker stops the pool and is rethrown as the same kind
// (a RangeError stays a RangeError, so bad input keeps exit code 2).
import { Worker } from 'node:worker_threads';
import type { SeedReport } from '../index.ts';
import type { SeedJob } from './seed-job.ts';

export interface PoolResult {
  reports: SeedReport[];
  events: number;
}

let worker: URL = new URL('../../bin/seed-worker.js', import.meta.url);

/** The entry the pool's workers run (the CLI loader sets the bundled one). */
export function setSeedWorker(url: URL): void {
  worker = url;
}

export function runSeedPool(jobs: readonly SeedJob[], workers: number, progress: (fraction: number) => void): Promise<PoolResult> {
  return new Promise((resolve, reject) => {
    const reports: (SeedReport | undefined)[] = new Array(jobs.length);
    const partial = new Float64Array(jobs.length);
    let next = 0;
    let done = 0;
    let events = 0;
    let failed = false;
    const pool: Worker[] = [];
    const report = () => progress(partial.reduce((a, x) => a + x, 0) / jobs.length);
    const stop = () => pool.forEach((w) => void w.terminate());
    const feed = (w: Worker) => {
      if (next < jobs.length) {
        w.postMessage({ index: next, job: jobs[next] });
        next++;
      } else w.postMessage(null);
    };
    for (let k = 0; k < Math.min(workers, jobs.length); k++) {
      const w = new Worker(worker);
      pool.push(w);
      w.on('message', (m: { kind: string; index: number; fraction?: number; report?: SeedReport; events?: number; name?: string; message?: string }) => {
        if (failed) return;
        const i = m.index;
        if (m.kind === 'progress') {
          partial[i] = m.fraction!;
          report();
        } else if (m.kind === 'done') {
          reports[i] = m.report;
          events += m.events!;
          partial[i] = 1;
          report();
          if (++done === jobs.length) {
            stop();
            resolve({ reports: reports as SeedReport[], events });
          } else feed(w);
        } else {
          failed = true;
          stop();
          const e = m.name === 'RangeError' ? new RangeError(m.message) : new Error(m.message);
          if (m.name !== 'RangeError') e.name = m.name ?? 'Error';
          reject(e);
        }
      });
      w.on('error', (e) => {
        if (failed) return;
        failed = true;
        stop();
        reject(e);
      });
      w.on('exit', (code) => {
        if (failed || done === jobs.length || code === 0) return;
        failed = true; // a worker that died without a word (out of memory, killed)
        stop();
        reject(new Error(`a seed worker exited with code ${code}`));
      });
      feed(w);
    }
  });
}
