// How the `shocklab` command, its seed workers and the benchmarks load the TypeScript sources: one
// ESM bundle each of the CLI, the seed worker and the public API (src/index.ts), built with esbuild (a dependency of tsx) into
// node_modules/.cache/shocklab/<hash of every source file>/ the first time those sources run, then
// reused. A bundle runs the simulation about a quarter faster than per-file loading through tsx
// (imports of constants become plain variables). If it cannot be built (no esbuild, a read-only
// tree), the sources are loaded through tsx instead. Both paths run the same code: same bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

/** The directory holding the bundles (main.mjs, seed-worker.mjs, api.mjs) for the current sources, built if needed; null when it cannot be built. */
export async function bundleDir() {
  const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))); // this loader's build options
  for (const f of sourceFiles(SRC)) hash.update(f.slice(ROOT.length)).update('\0').update(readFileSync(f)).update('\0');
  const cache = join(ROOT, 'node_modules', '.cache', 'shocklab');
  const dir = join(cache, hash.digest('hex').slice(0, 16));
  if (existsSync(join(dir, 'main.mjs')) && existsSync(join(dir, 'seed-worker.mjs')) && existsSync(join(dir, 'api.mjs'))) return dir;
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const staging = `${dir}.partial-${process.pid}-${Math.floor(performance.now())}`;
  try {
    mkdirSync(staging, { recursive: true });
    await esbuild.build({
      entryPoints: { main: join(SRC, 'cli', 'main.ts'), 'seed-worker': join(SRC, 'cli', 'seed-worker.ts'), api: join(SRC, 'index.ts') },
      outdir: staging,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    try {
      renameSync(staging, dir);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process built it first
    }
    return existsSync(join(dir, 'main.mjs')) ? dir : null;
  } catch {
    rmSync(staging, { recursive: true, force: true });
    return null;
  }
}

/** How the last `loadApi` call loaded the API: 'bundle', 'tsx', or null before any call. */
export let apiLoadedFrom = null;

/** Loads the public API (src/index.ts) as the CLI loads itself: from the bundle, else the sources through tsx (for the benchmarks). */
export async function loadApi() {
  const dir = await bundleDir();
  if (dir !== null) {
    apiLoadedFrom = 'bundle';
    return import(pathToFileURL(join(dir, 'api.mjs')).href);
  }
  const { register } = await import('tsx/esm/api');
  register();
  apiLoadedFrom = 'tsx';
  return import('../src/index.ts');
}

/** Loads the CLI: `{ main, setSeedWorker }` from the bundle, or from the sources through tsx. */
export async function loadCli() {
  const dir = await bundleDir();
  if (dir !== null) {
    const cli = await import(pathToFileURL(join(dir, 'main.mjs')).href);
    cli.setSeedWorker(pathToFileURL(join(dir, 'seed-worker.mjs')));
    return cli;
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}
