// The WebAssembly book probe of bench/probes/wasm-book/ (not part of the product): its committed
// book.wasm is what its AssemblyScript source compiles to, and both the WebAssembly and the
// TypeScript versions replay the shared 1M-operation stream to the meta file's end state.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const probe = join(root, 'bench', 'probes', 'wasm-book');

describe('bench/probes/wasm-book', () => {
  it('book.wasm is the build of book.ts with the flags its README gives', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shocklab-asc-'));
    try {
      const asc = join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
      const r = spawnSync(process.execPath, [asc, join(probe, 'book.ts'), '-O3', '--runtime', 'stub', '--noAssert', '-o', join(dir, 'book.wasm')], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(readFileSync(join(dir, 'book.wasm')).equals(readFileSync(join(probe, 'book.wasm')))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const readme = readFileSync(join(probe, 'README.md'), 'utf8');
    expect(readme).toContain('asc book.ts -O3 --runtime stub --noAssert -o book.wasm');
  }, 60_000);

  for (const engine of ['wasm', 'js']) {
    it(`the ${engine} probe replays the stream to the expected end state`, () => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(probe, 'replay.ts'), engine], { encoding: 'utf8', cwd: root });
      expect(r.status, r.stderr).toBe(0);
      const line = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ok: boolean; mismatches: string[]; ops: number };
      expect(line.mismatches).toEqual([]);
      expect(line.ok).toBe(true);
      expect(line.ops).toBe(1_000_000);
    }, 60_000);
  }
});
