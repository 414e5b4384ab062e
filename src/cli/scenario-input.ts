// Reading a scenario for a command: from a preset or a YAML/JSON file, with `--set path=value`
// overrides applied before validation, so every error names the field it is about.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { getPreset, parseScenario, type Scenario, type ScenarioInput } from '../index.ts';
import { prototypeKeyIn } from '../core/dotted-path.ts';
import { UsageError } from './errors.ts';

/** Parses a --set value: JSON when it parses (numbers, booleans, arrays), else the raw string. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Applies `a.b.c=value` to a plain object, creating no new keys silently: unknown paths fail validation. */
export function applySet(target: Record<string, unknown>, assignment: string): void {
  const eq = assignment.indexOf('=');
  if (eq <= 0) throw new UsageError(`--set expects path=value, got ${JSON.stringify(assignment)}`);
  const pathText = assignment.slice(0, eq);
  const bad = prototypeKeyIn(pathText);
  if (bad !== null) throw new UsageError(`--set ${assignment}: ${JSON.stringify(bad)} is not a field name`);
  const path = pathText.split('.');
  let node: unknown = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const next = Array.isArray(node) ? node[Number(key)] : (node as Record<string, unknown>)[key];
    if (next === null || typeof next !== 'object') throw new UsageError(`--set ${assignment}: ${path.slice(0, i + 1).join('.')} is not an object in this scenario`);
    node = next;
  }
  (node as Record<string, unknown>)[path[path.length - 1]] = parseValue(assignment.slice(eq + 1));
}

/** A file's text; a file that cannot be read is a UsageError naming `what` it was for. */
export function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A YAML or JSON document (JSON by the .json ending); malformed text is a UsageError naming `what` it was for. */
export function readDataFile(file: string, what: string): unknown {
  const text = readText(file, what);
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new UsageError(`${what} ${file} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
}

export function readScenarioFile(file: string): unknown {
  return readDataFile(file, 'scenario');
}

/** The validated scenario named by a file or a preset, with overrides. */
export function loadScenario(file: string | undefined, preset: string | undefined, sets: readonly string[]): Scenario {
  return parseScenario(loadScenarioInput(file, preset, sets));
}

/** The scenario named by a file or a preset, with overrides, as written (not yet validated). */
export function loadScenarioInput(file: string | undefined, preset: string | undefined, sets: readonly string[]): ScenarioInput {
  if (file && preset) throw new UsageError('give a scenario file or --preset, not both');
  if (!file && !preset) throw new UsageError('give a scenario file or --preset NAME (see `shocklab preset list`)');
  let raw: unknown;
  if (preset) {
    try {
      raw = getPreset(preset);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  } else {
    raw = readScenarioFile(file!);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError('a scenario must be an object (a YAML mapping or a JSON object)');
  for (const s of sets) applySet(raw as Record<string, unknown>, s);
  return raw as ScenarioInput;
}
