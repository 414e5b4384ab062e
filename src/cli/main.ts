// The `shocklab` command line: dispatches `shocklab <command> ...` to one module per command.
// Every command returns an exit code; bad input prints one line and returns 2.
import { EXIT_USAGE, FlagValueError, flagValueMessage, plainParseError, UsageError } from './errors.ts';
import { processIo, type Io } from './io.ts';

export { setSeedWorker } from './seed-pool.ts';

type Command = (args: string[], io: Io) => Promise<number>;

/** The package version (package.json's; test/cli/run.test.ts checks they agree). */
export const VERSION = '0.1.0';

/** Help of the commands that do not print their own (`shocklab <command> --help`). */
const BOOK_HELP = `usage: shocklab book replay [FILE|-] [--stp none|expire_maker|expire_taker]

Replays order operations, one JSON object a line (NDJSON; FILE or standard input), through one
order book and prints one JSON result a line. Each operation has a "type": limit (id, side "buy"
or "sell", price, qty, optional tif GTC|IOC|FOK, postOnly, owner), market (id, side, qty),
cancel (id), modify (id, qty and/or price) or book (prints both sides). Prices are integer
ticks, sizes integer lots. A malformed line gets a BAD_INPUT result naming its line.
docs/output.md ("Order operations") describes every field and result.

  --stp MODE   self-trade prevention: none (default), expire_maker or expire_taker

example: shocklab book replay examples/ops.ndjson
         echo '{"type":"limit","id":1,"side":"sell","price":100,"qty":5}' | shocklab book replay
`;
const FACTS_HELP = `usage: shocklab facts <run dir>... [--symbol NAME] [--min-seeds N] [--json]

Checks the stylized facts of targets.md (no autocorrelation, heavy tails, falling kurtosis,
volatility clustering, volume-volatility, leverage) on the 1-minute mid prices of recorded runs
(directories written by shocklab run --out), pooled over seeds and per seed, PASS/FAIL.

  --symbol NAME   the symbol to check (default: the first)
  --min-seeds N   the seeds the pass rule asks for (default: the number of seeds given;
                  the summary says which); a fact passes when its pooled estimate is in band
                  and at least 80% of the seeds are
  --json          the report as JSON

example: shocklab run --preset calm-day --seeds 2 --set schedule.days=5 --set recording.tradeRows=false --out runs/calm && shocklab facts runs/calm
`;
const SCHEMA_HELP = `usage: shocklab schema [scenario | targets | params]

Prints a JSON Schema (every field, its type, range and default): of scenario files (the default),
of calibration targets files (shocklab calibrate --targets) or of parameter files (--params).

example: shocklab schema > scenario.schema.json && shocklab schema targets > targets.schema.json
`;
const PRESET_HELP = `usage: shocklab preset list | shocklab preset show NAME

Lists the built-in scenarios, or prints one as YAML to edit and run with shocklab run FILE.yaml.

example: shocklab preset show deepseek-2025 > my-week.yaml && shocklab run my-week.yaml --seed 1
`;

const COMMANDS: Record<string, { summary: string; help?: string; load: () => Promise<Command> }> = {
  book: { summary: 'book replay [FILE|-] [--stp MODE]   replay NDJSON order operations', help: BOOK_HELP, load: async () => (await import('./book.ts')).bookCommand },
  demo: { summary: 'demo [--seeds K] [--audit-seeds A] [--out DIR]  the DeepSeek week beside the record, the claims audit, the report (main job)', load: async () => (await import('./demo.ts')).demoCommand },
  run: { summary: 'run <FILE | --preset NAME> [--seeds K] [--json] [--out DIR]  run a scenario for seeds', load: async () => (await import('./run.ts')).runCommand },
  calibrate: { summary: 'calibrate <FILE | --preset NAME> (--targets F | --bars F --symbol S --event D)  fit behaviour to moments', load: async () => (await import('./calibrate.ts')).calibrateCommand },
  audit: { summary: 'audit [FILE | --preset NAME] [--seeds K] [--claims C3,C10] [--json]  test the article\'s claims as counterfactuals', load: async () => (await import('./audit.ts')).auditCommand },
  facts: { summary: 'facts <run dir>... [--symbol S] [--json]  check the stylized facts of recorded runs', help: FACTS_HELP, load: async () => (await import('./facts.ts')).factsCommand },
  schema: { summary: 'schema                               print the JSON Schema of scenario files', help: SCHEMA_HELP, load: async () => (await import('./schema.ts')).schemaCommand },
  preset: { summary: 'preset list | preset show NAME       built-in scenarios, as YAML', help: PRESET_HELP, load: async () => (await import('./preset.ts')).presetCommand },
  economy: { summary: 'economy <calculator> [...]          compute-economy calculators', load: async () => (await import('./economy.ts')).economyCommand },
  report: { summary: 'report <run dir> [--audit F] [--out F]  one HTML page of a recorded run (charts, tables)', load: async () => (await import('./report.ts')).reportCommand },
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
  if (command.help !== undefined && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(command.help);
    return 0;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (e) {
    let message: string;
    if (/^ERR_PARSE_ARGS_/.test((e as { code?: string })?.code ?? '')) message = plainParseError(e as Error, name, rest);
    else if (e instanceof FlagValueError) message = flagValueMessage(e.flag, rest);
    else if (e instanceof UsageError || e instanceof RangeError || (e as Error)?.name === 'ZodError') message = (e as Error).message;
    else throw e;
    // An unknown flag also gets the command's usage line (still one line).
    const usageLine = /^unknown option /.test(message) ? ` (usage: shocklab ${command.summary.split(/\s{2,}/)[0]})` : '';
    io.err(`shocklab ${name}: ${message}${usageLine}\n`);
    return EXIT_USAGE;
  }
}
