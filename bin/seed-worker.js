// Worker-thread entry of the seed pool (src/cli/seed-pool.ts): loads the TypeScript sources
// through tsx, exactly as bin/shocklab.js does, then runs src/cli/seed-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/seed-worker.ts');
