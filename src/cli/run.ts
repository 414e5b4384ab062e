// `shocklab run <file | --preset NAME> [--seed N] [--set path=value ...] [--json]`: runs a
// scenario and prints what it traded and its tape hash on stdout (byte-identical for the same
// seed); timings go to stderr.
import { parseArgs } from 'node:util';
import { runScenario, ScenarioError } from '../index.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { loadScenario } from './scenario-input.ts';

export function parseSeed(text: string | undefined, name = '--seed'): number {
  if (text === undefined) return 1;
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`${name} must be an integer, got ${JSON.stringify(text)}`);
  return Number(text);
}

export async function runCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { preset: { type: 'string' }, seed: { type: 'string' }, set: { type: 'string', multiple: true, default: [] }, json: { type: 'boolean', default: false } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`run takes one scenario file, got ${positionals.length}: ${positionals.join(' ')}`);
  const seed = parseSeed(values.seed);
  let scenario;
  try {
    scenario = loadScenario(positionals[0], values.preset, values.set!);
  } catch (e) {
    if (e instanceof ScenarioError) throw new UsageError(`invalid scenario: ${e.message}`);
    throw e;
  }
  const t0 = performance.now(); // clock-ok
  const s = runScenario(scenario, seed);
  const seconds = (performance.now() - t0) / 1000; // clock-ok
  if (values.json) {
    io.out(JSON.stringify(s) + '\n');
  } else {
    const names = scenario.symbols.map((x) => x.name);
    const rows: [string, string][] = [
      ['scenario', s.scenario],
      ['seed', String(s.seed)],
      ['trades', String(s.trades)],
      ...names.map((n, i) => [`last ${n}`, String(s.lastPrice[i])] as [string, string]),
      ...names.map((n, i) => [`volume ${n}`, String(s.volume[i])] as [string, string]),
      ['orders', String(s.orders)],
      ['events', String(s.events)],
      ['tape hash', s.tapeHash],
    ];
    const w = Math.max(...rows.map((r) => r[0].length));
    io.out(rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') + '\n');
  }
  io.err(`${s.events} events in ${seconds.toFixed(3)} s (${Math.round(s.events / seconds).toLocaleString('en-US')} events/s)\n`);
  return 0;
}
