// `shocklab preset list` and `shocklab preset show NAME`: the built-in scenarios, printed as
// YAML so a user can start from one, edit it and run the file.
import { stringify } from 'yaml';
import { getPreset, PRESETS } from '../index.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';

export async function presetCommand(args: string[], io: Io): Promise<number> {
  const [sub, name, ...rest] = args;
  if (sub === 'list' && name === undefined) {
    const names = Object.keys(PRESETS);
    const w = Math.max(...names.map((n) => n.length));
    io.out(names.map((n) => `${n.padEnd(w)}  ${PRESETS[n].description ?? ''}`).join('\n') + '\n');
    return 0;
  }
  if (sub === 'show' && name !== undefined && rest.length === 0) {
    let preset;
    try {
      preset = getPreset(name);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    io.out(`# shocklab scenario: edit and run with \`shocklab run FILE.yaml\`\n${stringify(preset)}`);
    return 0;
  }
  throw new UsageError('usage: shocklab preset list | shocklab preset show NAME');
}
