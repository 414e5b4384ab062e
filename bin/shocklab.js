#!/usr/bin/env node
// The `shocklab` command: loads the CLI (a cached esbuild bundle of the TypeScript sources, or the
// sources through tsx; bin/load.js) and runs it. No build step is needed.
import { loadCli } from './load.js';

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
