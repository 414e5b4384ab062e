// src/record runs in a browser worker: no Node built-in is imported outside src/record/node/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', 'src', 'record');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? (n === 'node' ? [] : files(p)) : n.endsWith('.ts') ? [p] : [];
  });
}

describe('src/record is browser-safe', () => {
  it('imports no node: module (nor hyparquet-writer) outside src/record/node', () => {
    const offenders = files(ROOT).filter((f) => /from\s+['"](node:|fs['"]|path['"]|hyparquet-writer)/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
    expect(files(ROOT).length).toBeGreaterThan(5);
  });
});
