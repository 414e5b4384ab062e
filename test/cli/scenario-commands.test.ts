// `shocklab preset`, `shocklab schema` and scenario files: a preset printed as YAML runs to the
// same tape as the preset itself; malformed scenarios fail with exit 2 naming the field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { shocklab, shocklabInProcess } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
const hashOf = (out: string) => /tape hash\s+([0-9a-f]{8})/.exec(out)?.[1];

describe('preset and schema commands', () => {
  it('lists presets and shows one as YAML that runs to the same tape', async () => {
    const list = await shocklabInProcess(['preset', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^zi-smoke\s/m);
    const shown = await shocklabInProcess(['preset', 'show', 'zi-smoke']);
    expect(shown.code).toBe(0);
    expect(parse(shown.stdout).name).toBe('zi-smoke');
    const file = join(dir, 'zi.yaml');
    writeFileSync(file, shown.stdout);
    const fromFile = await shocklabInProcess(['run', file, '--seed', '3']);
    const fromPreset = await shocklabInProcess(['run', '--preset', 'zi-smoke', '--seed', '3']);
    expect(fromFile.code).toBe(0);
    expect(hashOf(fromFile.stdout)).toBe(hashOf(fromPreset.stdout));
  });

  it('prints a JSON Schema that describes the scenario fields', async () => {
    const r = await shocklabInProcess(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'durationSeconds', 'symbols', 'agents']));
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'symbols', 'agents']));
    expect(schema.properties.schedule.properties.kind.const).toBe('us-equity');
  });
});

describe('malformed scenario files', () => {
  let presetYaml = '';
  beforeAll(async () => {
    presetYaml = (await shocklabInProcess(['preset', 'show', 'zi-smoke'])).stdout;
  });
  const cases: [string, (s: Record<string, any>) => void, RegExp][] = [
    ['wrong type', (s) => (s.durationSeconds = 'ten'), /durationSeconds: .*number.*"ten"/],
    ['missing field', (s) => delete s.symbols, /symbols: .*(nothing|required|undefined)/i],
    ['negative count', (s) => (s.agents.zeroIntelligence.count = -5), /agents\.zeroIntelligence\.count: .*-5/],
    ['unknown key', (s) => (s.agents.zeroIntelligence.speed = 3), /agents\.zeroIntelligence\.speed: unknown key/],
    ['NaN-like value', (s) => (s.symbols[0].referencePrice = 0), /symbols\.0\.referencePrice: .*0/],
  ];
  for (const [name, mutate, message] of cases) {
    it(`rejects a ${name} with exit 2, the field named, and no stack trace`, () => {
      const s = parse(presetYaml) as Record<string, any>;
      mutate(s);
      const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, JSON.stringify(s));
      const r = shocklab(['run', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });
  }

  it('rejects a file that is not YAML, and a missing file', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: [unclosed\n');
    const r = shocklab(['run', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid YAML/);
    const missing = shocklab(['run', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read scenario .*nope\.yaml: ENOENT/);
  });
});
