// The layering rule holds over src/, and the checker does catch a wrong-direction import.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayers } from '../scripts/layers.ts';

describe('layering', () => {
  it('src/ has no import against the layer order', () => {
    expect(checkLayers(join(import.meta.dirname, '..', 'src'))).toEqual([]);
  });

  const tmp = mkdtempSync(join(tmpdir(), 'layers-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const put = (path: string, text: string) => {
    mkdirSync(join(tmp, path, '..'), { recursive: true });
    writeFileSync(join(tmp, path), text);
  };

  it('flags core importing book, economy importing market, and book importing kernel', () => {
    put('core/a.ts', "import { x } from '../book/b.ts';\n");
    put('book/b.ts', "export const x = 1;\nimport { k } from '../kernel/k.ts';\n");
    put('kernel/k.ts', "import { u } from '../core/u.ts';\nexport const k = u;\n");
    put('core/u.ts', 'export const u = 1;\n');
    put('economy/e.ts', "import { m } from '../market/m.ts';\nimport { u } from '../core/u.ts';\n");
    put('market/m.ts', "export const m = 1;\nimport { k } from '../kernel/k.ts';\n");
    const v = checkLayers(tmp).map((x) => `${x.file}:${x.line} ${x.from}->${x.to}`).sort();
    expect(v).toEqual(['book/b.ts:2 book->kernel', 'core/a.ts:1 core->book', 'economy/e.ts:1 economy->market']);
  });
});
