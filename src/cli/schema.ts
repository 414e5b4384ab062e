// `shocklab schema`: prints the JSON Schema of scenario files (generated from the zod schema, so
// it can never disagree with what `run` accepts).
import { z } from 'zod';
import { ScenarioSchema } from '../index.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';

export async function schemaCommand(args: string[], io: Io): Promise<number> {
  if (args.length > 0) throw new UsageError(`schema takes no arguments, got ${args.join(' ')}`);
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input' });
  io.out(JSON.stringify({ $id: 'https://shocklab.dev/scenario.schema.json', title: 'shocklab scenario', ...schema }, null, 2) + '\n');
  return 0;
}
