// The seed pool's worker (started by bin/seed-worker.js): runs the seed jobs it is sent, one at
// a time, posting progress and then the seed's report, or the error that stopped it.
import { setFlagsFromString } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { runSeedJob, type SeedJob } from './seed-job.ts';

// A seed job runs for seconds to minutes, so let V8 inline more into the agents' large wake-up
// functions (default budget 920 bytes of bytecode): calls left out-of-line box every double they
// return (a random draw, a log) into a fresh heap number, and a DeepSeek seed-week allocated
// ~2.4 GB that way. With 3,000: 30% fewer scavenges and ~8% less time a seed-week (4 alternating
// rounds, bench/README.md). Not in the main thread: a single short run (rmsc04's 0.25 s) pays
// more in compile time than it gains. V8 flags are per process; the pool's main thread only
// waits. Same results either way: inlining never changes arithmetic.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=3000');

const port = parentPort;
if (port === null) throw new Error('seed-worker must run in a worker thread');
port.on('message', (message: { index: number; job: SeedJob } | null) => {
  if (message === null) {
    port.close();
    return;
  }
  const { index, job } = message;
  try {
    let last = 0;
    const result = runSeedJob(job, (f) => {
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
