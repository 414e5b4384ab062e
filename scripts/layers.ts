// The layering rule of ARCHITECTURE.md, checked over source text: each folder of src/ may import
// only from folders listed above it (and itself); src/economy imports src/core only; nothing
// imports the surfaces (cli, web). `npm test` runs it through test/layers.test.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Layers from the bottom up; a layer may import any layer before it. */
export const LAYERS = ['core', 'book', 'kernel', 'market', 'news', 'agents', 'economy', 'record', 'scenario', 'analysis', 'report', 'cli', 'web'] as const;

/** Layers with a narrower rule than "anything below". */
export const ONLY: Partial<Record<string, readonly string[]>> = {
  book: ['core'],
  economy: ['core'],
};

export interface Violation {
  file: string;
  line: number;
  from: string;
  to: string;
  specifier: string;
}

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTs(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function layerOf(srcRoot: string, file: string): string {
  const rel = relative(srcRoot, file);
  const first = rel.split(sep)[0];
  return rel.includes(sep) ? first : '(root)';
}

/** Every import in `srcRoot` that goes against the layering; empty when the tree is clean. */
export function checkLayers(srcRoot: string): Violation[] {
  const root = resolve(srcRoot);
  const violations: Violation[] = [];
  for (const file of listTs(root)) {
    const from = layerOf(root, file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const specifier = m[1] ?? m[2];
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      if (!target.startsWith(root + sep)) continue;
      const to = layerOf(root, target);
      if (to === from) continue;
      const line = text.slice(0, (m.index ?? 0) + m[0].length).split('\n').length;
      if (!allowed(from, to)) violations.push({ file: relative(root, file), line, from, to, specifier });
    }
  }
  return violations;
}

function allowed(from: string, to: string): boolean {
  if (from === '(root)') return to !== 'cli' && to !== 'web'; // src/index.ts: the public API
  if (to === '(root)') return from === 'cli' || from === 'web';
  const fi = LAYERS.indexOf(from as (typeof LAYERS)[number]);
  const ti = LAYERS.indexOf(to as (typeof LAYERS)[number]);
  if (fi < 0 || ti < 0) return false;
  const only = ONLY[from];
  if (only) return only.includes(to);
  return ti < fi;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const v = checkLayers(join(dirname(new URL(import.meta.url).pathname), '..', 'src'));
  for (const x of v) console.error(`src/${x.file}:${x.line}: ${x.from} may not import ${x.to} ('${x.specifier}')`);
  process.exit(v.length ? 1 : 0);
}
