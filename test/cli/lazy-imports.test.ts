// Commands load only the packages they use: ECharts (about 0.5 s to import) only to draw the
// report, hyparquet-writer only to write a recording. `run` without --out loads neither; a run
// with --out loads the Parquet writer. Checked on the real binary with a resolve hook that logs
// every package the process resolves (test/fixtures/log-packages.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'shocklab-lazy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The packages a `shocklab` command resolves, and its exit code. */
function packagesOf(name: string, args: string[]): { code: number; packages: Set<string> } {
  const log = join(tmp, `${name}.log`);
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test', 'fixtures', 'log-packages.mjs'), BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SHOCKLAB_PACKAGE_LOG: log } });
  let text = '';
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    // nothing resolved
  }
  return { code: r.status ?? -1, packages: new Set(text.split('\n').filter((x) => x !== '')) };
}

describe('lazy imports', () => {
  it('run without --out loads zod but neither echarts nor hyparquet-writer; with --out it loads hyparquet-writer', () => {
    const plain = packagesOf('plain', ['run', '--preset', 'zi-smoke', '--json']);
    expect(plain.code).toBe(0);
    expect(plain.packages.has('zod')).toBe(true); // the hook saw the packages the command does load
    expect(plain.packages.has('echarts')).toBe(false);
    expect(plain.packages.has('hyparquet-writer')).toBe(false);

    const out = packagesOf('out', ['run', '--preset', 'zi-smoke', '--out', join(tmp, 'run')]);
    expect(out.code).toBe(0);
    expect(out.packages.has('hyparquet-writer')).toBe(true);
    expect(out.packages.has('echarts')).toBe(false);
  });

  it('--help loads no chart or Parquet code', () => {
    const help = packagesOf('help', ['--help']);
    expect(help.code).toBe(0);
    expect(help.packages.has('echarts')).toBe(false);
    expect(help.packages.has('hyparquet-writer')).toBe(false);
  });
});
