// The seed pool's worker (started by bin/seed-worker.js): runs the seed jobs it is sent, one at
// a time, posting progress and then the seed's report, or the error that stopped it.
import { parentPort } from 'node:worker_threads';
import { runSeedJob, type SeedJob } from './seed-job.ts';

// V8's inlining budget is chosen by the first seed job's size (runSeedJob, inlining.ts).

const port = parentPort;
if (port === null) throw new Error('seed-worker must run in a worker thread');
port.on('message', async (message: { index: number; job: SeedJob } | null) => {
  if (message === null) {
    port.close();
    return;
  }
  const { index, job } = message;
  try {
    let last = 0;
    const result = await runSeedJob(job, (f) => {
      if (f - last >= 0.05 || f === 1) {
        last = f;
        port.postMessage({ kind: 'progress', index, fraction: f });
      }
    });
    port.postMessage({ kind: 'done', index, report: result.report, events: result.events });
  } catch (e) {
    const err = e as Error;
    port.postMessage({ kind: 'error', index, name: err.name, message: err.message });
  }
});
