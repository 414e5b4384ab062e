// The seed pool's worker (started by bin/seed-worker.js): runs the seed jobs it is sent, one at
// a time, posting progress and then the seed's report, or the error that stopped it.
import { parentPort } from 'node:worker_threads';
import { runSeedJob, type SeedJob } from './seed-job.ts';

const port = parentPort;
if (port === null) throw new Error('seed-worker must run in a worker thread');
port.on('message', (job: SeedJob | null) => {
  if (job === null) {
    port.close();
    return;
  }
  try {
    let last = 0;
    const result = runSeedJob(job, (f) => {
      if (f - last >= 0.05 || f === 1) {
        last = f;
        port.postMessage({ kind: 'progress', seed: job.seed, fraction: f });
      }
    });
    port.postMessage({ kind: 'done', seed: job.seed, report: result.report, events: result.events });
  } catch (e) {
    const err = e as Error;
    port.postMessage({ kind: 'error', seed: job.seed, name: err.name, message: err.message });
  }
});
