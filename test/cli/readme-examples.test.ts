// README's "The command line" section runs as written: every `npx shocklab ...` line of its sh
// block is run (through `node bin/shocklab.js`, in a fresh temporary folder laid out like a clone
// beside ../shared, so nothing is left in the repo) and must exit 0. Long lines run smaller, by
// the substitutions listed below (each must still match a line, so none goes stale); the demo's
// line is run smaller by test/browser/report.test.ts (demo --seeds 2 --audit-seeds 2) and listed
// in EXCLUDED. A facts line may exit 1
// (a fact fails on few sessions) but must print its verdict and pass rule.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.ts';

/** Lines left to other tests: any README line containing one of these words as a shocklab command. */
const EXCLUDED = ['demo'];

/** The DeepSeek week with a tenth of its traders. */
const SMALL_WEEK = ['zeroIntelligence.count=120', 'retail.count=200', 'institutions.count=12', 'fastMoney.count=8', 'marketMakers.count=2'].map((s) => `--set agents.${s}`).join(' ');

/** [what the line says, what the test runs instead, why]: each must change at least one line. */
const SUBSTITUTIONS: [string, string, string][] = [
  // one session of the week (24 Jan) holds none of the news, so the news goes too
  ['--preset deepseek-2025 --seeds 2 --json', "--preset deepseek-2025 --seeds 1 --set schedule.days=1 --set 'news=[]' --json", 'one seed, the first session of the week'],
  ["--preset deepseek-2025 --seed 1 --set 'news=[]'", "--preset deepseek-2025 --seed 1 --set 'news=[]' --set schedule.days=1", 'the first session of the week'],
  ['run my-week.yaml --seed 1', "run my-week.yaml --seed 1 --set schedule.days=1 --set 'news=[]'", 'the first session of the week'],
  ['--targets examples/deepseek-2025.targets.yaml', '--targets examples/deepseek-2025.targets.yaml --dry-run', 'the full fit takes ~26 min; --dry-run checks every input and prints the moments'],
  ['--preset calm-day --seeds 2 --set schedule.days=5', '--preset calm-day --seeds 2 --set schedule.days=1', 'one session a seed instead of five'],
  ['audit --claims C5,C9,C14 --seeds 4', `audit --claims C5,C9,C14 --seeds 2 ${SMALL_WEEK}`, 'two paired seeds of a week with a tenth of the traders'],
  ['report out/deepseek-2025 --out week.html', `run --preset deepseek-2025 --seeds 1 ${SMALL_WEEK} --out out/deepseek-2025 && npx shocklab report out/deepseek-2025 --out week.html`, 'the demo did not run here: a one-seed week with a tenth of the traders in its place'],
];

/** The `npx shocklab` lines of README's "The command line" section, comments stripped. */
export function readmeCommandLines(readme: string): string[] {
  const section = readme.split(/^## The command line$/m)[1]?.split(/^## /m)[0];
  if (section === undefined) throw new Error('README.md has no "## The command line" section');
  return section
    .split('\n')
    .filter((l) => l.startsWith('npx shocklab '))
    .map((l) => l.replace(/\s{2,}#.*$/, '').trim());
}

const tmp = mkdtempSync(join(tmpdir(), 'readme-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("README's command-line examples", () => {
  const lines = readmeCommandLines(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  const excluded = lines.filter((l) => [...l.matchAll(/npx shocklab (\S+)/g)].some((m) => EXCLUDED.includes(m[1])));
  const runs = lines.filter((l) => !excluded.includes(l));

  it('finds the lines, excludes only the demo line, and every substitution still applies', () => {
    expect(runs.length).toBeGreaterThanOrEqual(14);
    expect(runs).toContain('npx shocklab run examples/small-day.yaml --seed 1');
    expect(runs).toContain('npx shocklab book replay examples/ops.ndjson');
    expect(runs.some((l) => / facts /.test(l))).toBe(true);
    for (const l of excluded) expect(l).toMatch(/npx shocklab demo\b/);
    expect(runs.some((l) => / audit /.test(l)) && runs.some((l) => / report /.test(l))).toBe(true);
    for (const [from] of SUBSTITUTIONS) expect(runs.filter((l) => l.includes(from)), from).toHaveLength(1);
  });

  // A folder laid out like a clone: <tmp>/shared (-> ../shared) beside <tmp>/main (the cwd, with examples/).
  const cwd = join(tmp, 'main');
  mkdirSync(cwd);
  symlinkSync(join(ROOT, 'examples'), join(cwd, 'examples'));
  if (existsSync(join(ROOT, '..', 'shared'))) symlinkSync(join(ROOT, '..', 'shared'), join(tmp, 'shared'));

  for (const line of runs) {
    let command = line;
    for (const [from, to] of SUBSTITUTIONS) command = command.replace(from, to);
    it(command === line ? line : `${line}  (runs: ${command})`, () => {
      const shell = command.replaceAll('npx shocklab ', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} `);
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', shell], { cwd, encoding: 'utf8', maxBuffer: 256 << 20 });
      if (/npx shocklab facts /.test(command)) {
        // facts exits 1 when a fact fails (few seeds and sessions here): the example works when it prints the verdict and the pass rule
        expect([0, 1], `${command}\n${r.stderr}`).toContain(r.status);
        expect(r.stdout).toMatch(/\n\d of 6 facts pass\npass rule: .*2 of 2 seeds given/);
      } else {
        expect(r.status, `${command}\n${r.stderr}`).toBe(0);
      }
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }, 120_000);
  }
});
