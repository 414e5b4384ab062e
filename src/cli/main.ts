// The `shocklab` command line: dispatches `shocklab <command> ...` to one module per command.
// Every command returns an exit code; bad input prints one line and returns 2.
import { EXIT_USAGE, UsageError } from './errors.ts';
import { processIo, type Io } from './io.ts';

export { setSeedWorker } from './seed-pool.ts';

type Command = (args: string[], io: Io) => Promise<number>;

/** The package version (package.json's; test/cli/run.test.ts checks they agree). */
export const VERSION = '0.1.0';

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  book: { summary: 'book replay [FILE|-] [--stp MODE]   replay NDJSON order operations', load: async () => (await import('./book.ts')).bookCommand },
  demo: { summary: 'demo [--seeds K] [--out DIR]         the DeepSeek week beside the record (main job)', load: async () => (await import('./demo.ts')).demoCommand },
  run: { summary: 'run <FILE | --preset NAME> [--seeds K] [--json] [--out DIR]  run a scenario for seeds', load: async () => (await import('./run.ts')).runCommand },
  facts: { summary: 'facts <run dir>... [--symbol S] [--json]  check the stylized facts of recorded runs', load: async () => (await import('./facts.ts')).factsCommand },
  schema: { summary: 'schema                               print the JSON Schema of scenario files', load: async () => (await import('./schema.ts')).schemaCommand },
  preset: { summary: 'preset list | preset show NAME       built-in scenarios, as YAML', load: async () => (await import('./preset.ts')).presetCommand },
  economy: { summary: 'economy <calculator> [...]          compute-economy calculators', load: async () => (await import('./economy.ts')).economyCommand },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  shocklab ${c.summary}`);
  return `usage: shocklab <command> [options]   (shocklab <command> --help for its options; shocklab --version)\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    io.out(`shocklab ${VERSION}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : EXIT_USAGE;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`shocklab: unknown command '${name}'\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof RangeError || (e as Error)?.name === 'ZodError') {
      io.err(`shocklab ${name}: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
