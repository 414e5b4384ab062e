// Output paths are checked before any work: a file where a directory is wanted (or inside the
// path), or a directory where a file is wanted, is one line and exit 2 at once, not a stack
// trace when the results are written minutes later; and nothing is written.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shocklabInProcess } from './helpers.ts';

describe('output paths', () => {
  it('refuses a file as --out directory, a path through a file and a directory as --out file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shocklab-out-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, 'keep me');
    const cases: [string[], RegExp][] = [
      [['run', '--preset', 'zi-smoke', '--out', file], /^shocklab run: --out .*a-file is a file; give a directory\n$/],
      [['run', '--preset', 'zi-smoke', '--out', join(file, 'sub')], /^shocklab run: --out .*a-file\/sub: .*a-file is a file, not a directory\n$/],
      [['economy', 'run', '--out', file], /^shocklab economy: --out .*a-file is a file; give a directory\n$/],
      [['demo', '--out', file], /^shocklab demo: --out .*a-file is a file; give a directory\n$/],
      [['audit', '--claims', 'C5', '--seeds', '2', '--out', join(file, 'audit.json')], /^shocklab audit: --out .*a-file\/audit\.json: .*a-file is a file, not a directory\n$/],
      [['calibrate', '--preset', 'deepseek-2025', '--targets', 'examples/deepseek-2025.targets.yaml', '--out', join(file, 'fit')], /^shocklab calibrate: --out .*a-file\/fit: .*a-file is a file, not a directory\n$/],
      [['report', 'out/none', '--out', dir], /^shocklab report: --out .* is a directory; give a file name\n$/],
    ];
    for (const [args, message] of cases) {
      const r = await shocklabInProcess(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout, args.join(' ')).toBe('');
    }
    expect(readdirSync(dir)).toEqual(['a-file']);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });
});
