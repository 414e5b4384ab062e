// `shocklab schema [scenario|targets|params]`: prints the JSON Schema of scenario files, calibration
// targets or parameter files (generated from the zod schemas, so it can never disagree with what
// `run` and `calibrate` accept).
import { z } from 'zod';
import { FitParamsSchema, ScenarioSchema, TargetsSchema } from '../index.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';

const SCHEMAS = {
  scenario: { schema: ScenarioSchema, title: 'shocklab scenario' },
  targets: { schema: TargetsSchema, title: 'shocklab calibration targets' },
  params: { schema: FitParamsSchema, title: 'shocklab calibration parameters' },
} as const;

export async function schemaCommand(args: string[], io: Io): Promise<number> {
  if (args.length > 1) throw new UsageError(`schema takes at most one argument (scenario, targets or params), got ${args.join(' ')}`);
  const which = (args[0] ?? 'scenario') as keyof typeof SCHEMAS;
  if (!Object.hasOwn(SCHEMAS, which)) throw new UsageError(`schema: unknown schema ${JSON.stringify(args[0])}; one of ${Object.keys(SCHEMAS).join(', ')}`);
  const { schema, title } = SCHEMAS[which];
  io.out(JSON.stringify({ $id: `https://shocklab.dev/${which}.schema.json`, title, ...z.toJSONSchema(schema, { io: 'input' }) }, null, 2) + '\n');
  return 0;
}
