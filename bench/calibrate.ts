// `npm run bench:calibrate [-- --max-evals N] [--check-seeds M]`: reproduces the fit that the
// deepseek-2025 preset ships with (issue 10) and prints its wall time. It runs the command written
// in the preset's provenance (DEEPSEEK_2025_FIT.command: `shocklab calibrate --preset
// deepseek-2025 --targets examples/deepseek-2025.targets.yaml`) from the fit's starting values
// (`--set` of each parameter's start), in a fresh process, into a temporary directory, then prints
// the fitted parameters beside the preset's, the objective, the evaluations and the wall time.
// Same seeds, same code, same start: the same fit, to the last digit, unless the model or the
// calibration code changed (since 67edb93 a Jacobian probe never becomes the fit, so the rerun
// ends at fastMoney.liquidationChunk 12 where the shipped fit took the probe at 14).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEEPSEEK_2025_FIT } from '../src/scenario/presets/deepseek-2025.ts';

const ROOT = join(import.meta.dirname, '..');
/** Issue 10's limit for the DeepSeek fit on 2 cores. */
const TARGET_SECONDS = 30 * 60;

const { values } = parseArgs({
  options: {
    'max-evals': { type: 'string' },
    'check-seeds': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(`npm run bench:calibrate -- [--max-evals N] [--check-seeds M]

Reproduces the deepseek-2025 fit from its starting values and prints its wall time (limit 30 min on 2 cores).
  --max-evals N     search evaluations (default: the shipped fit's, ${DEEPSEEK_2025_FIT.maxEvals})
  --check-seeds M   seeds of the final check (default 20)`);
  process.exit(0);
}

const out = join(mkdtempSync(join(tmpdir(), 'shocklab-bench-calibrate-')), 'fit');
const args = [
  join(ROOT, 'bin', 'shocklab.js'),
  'calibrate',
  '--preset',
  'deepseek-2025',
  '--targets',
  join(ROOT, 'examples', 'deepseek-2025.targets.yaml'),
  '--seeds',
  String(DEEPSEEK_2025_FIT.seeds),
  '--max-evals',
  values['max-evals'] ?? String(DEEPSEEK_2025_FIT.maxEvals),
  '--check-seeds',
  values['check-seeds'] ?? '20',
  ...Object.entries(DEEPSEEK_2025_FIT.start).flatMap(([path, v]) => ['--set', `${path}=${v}`]),
  '--out',
  out,
];
console.log(`running: shocklab ${args.slice(1).join(' ')}`);
const t0 = performance.now();
const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
const wall = (performance.now() - t0) / 1000;
if (r.status !== 0) {
  console.error(`calibrate exited with ${r.status}`);
  process.exit(1);
}
const fit = JSON.parse(readFileSync(join(out, 'fit.json'), 'utf8')) as { params: { path: string; value: number }[]; objective: { best: number }; evaluations: number };
rmSync(join(out, '..'), { recursive: true, force: true });
console.log('\nparameter                                              fitted now     shipped');
for (const p of fit.params) console.log(`${p.path.padEnd(52)} ${p.value.toPrecision(6).padStart(12)} ${String(DEEPSEEK_2025_FIT.fitted[p.path as keyof typeof DEEPSEEK_2025_FIT.fitted]?.toPrecision(6)).padStart(11)}`);
console.log(`objective ${fit.objective.best.toPrecision(6)} (shipped ${DEEPSEEK_2025_FIT.objective.toPrecision(6)}), ${fit.evaluations} evaluations`);
console.log(`wall time ${wall.toFixed(0)} s (${(wall / 60).toFixed(1)} min; limit ${TARGET_SECONDS / 60} min on 2 cores: ${wall <= TARGET_SECONDS ? 'met' : 'NOT met'})`);
