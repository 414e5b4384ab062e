// `--help` and `-h` everywhere: every command of `shocklab --help` and every subcommand of the
// commands that have them (book, preset, schema, economy) answers with exit 0, a usage line and an
// example on stdout, nothing on stderr; an economy calculator prints its own flags with units.
import { describe, expect, it } from 'vitest';
import { shocklabInProcess } from './helpers.ts';

/** Subcommands per command; a command not listed here has none. */
const SUBCOMMANDS: Record<string, string[]> = {
  book: ['replay'],
  preset: ['list', 'show'],
  schema: ['scenario', 'targets', 'params'],
};

async function commands(): Promise<string[]> {
  const r = await shocklabInProcess(['--help']);
  expect(r.code).toBe(0);
  return [...r.stdout.matchAll(/^ {2}shocklab (\S+)/gm)].map((m) => m[1]);
}

async function calculators(): Promise<string[]> {
  const r = await shocklabInProcess(['economy', '--help']);
  expect(r.code).toBe(0);
  const section = r.stdout.split('calculators:\n')[1].split('\n\n')[0];
  return [...section.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]);
}

describe('--help and -h', () => {
  it('finds the commands and calculators it loops over', async () => {
    expect(await commands()).toEqual(expect.arrayContaining(['book', 'demo', 'run', 'calibrate', 'facts', 'schema', 'preset', 'economy']));
    expect(await calculators()).toEqual(['jevons', 'train-coal', 'gpu-hour', 'letf', 'bass', 'compete', 'run', 'sweep']);
  });

  it('every command and subcommand answers with exit 0, a usage line and an example', async () => {
    const calcs = await calculators();
    const all: string[][] = [];
    for (const c of await commands()) {
      all.push([c]);
      for (const sub of c === 'economy' ? calcs : (SUBCOMMANDS[c] ?? [])) all.push([c, sub]);
    }
    expect(all.length).toBeGreaterThanOrEqual(8 + 1 + 2 + 3 + 8);
    for (const words of all) {
      for (const flag of ['--help', '-h']) {
        const r = await shocklabInProcess([...words, flag]);
        const what = [...words, flag].join(' ');
        expect(r.code, what).toBe(0);
        expect(r.stderr, what).toBe('');
        expect(r.stdout, what).toMatch(new RegExp(`^usage: shocklab ${words[0]}\\b`));
        expect(r.stdout, what).toMatch(/\nexample: shocklab /);
      }
    }
  });

  it('economy CALCULATOR --help is that calculator\'s usage: every flag with its unit and an example that runs', async () => {
    const generic = (await shocklabInProcess(['economy', '--help'])).stdout;
    for (const calc of await calculators()) {
      const r = await shocklabInProcess(['economy', calc, '--help']);
      expect(r.stdout, calc).not.toBe(generic);
      expect(r.stdout, calc).toMatch(new RegExp(`^usage: shocklab economy ${calc} `));
      const flags = [...r.stdout.split('\n')[0].matchAll(/--[a-z-]+/g)].map((m) => m[0]);
      for (const flag of flags) expect(r.stdout, `${calc} ${flag}`).toMatch(new RegExp(`\\n {2}${flag}(?: \\S+)? {2,}\\S`));
    }
    const jevons = (await shocklabInProcess(['economy', 'jevons', '-h'])).stdout;
    expect(jevons).toMatch(/--efficiency E +efficiency factor, a multiple/);
    expect(jevons).toMatch(/--elasticity EPS +price elasticity of service demand, unitless/);
    expect((await shocklabInProcess(['economy', 'letf', '--help'])).stdout).toMatch(/--return R +the day's return of the underlying, a fraction/);
    // each calculator's example runs as printed (run and sweep are run by the README test)
    for (const calc of ['jevons', 'train-coal', 'gpu-hour', 'letf', 'bass']) {
      const example = /\nexample: shocklab (.*)\n/.exec((await shocklabInProcess(['economy', calc, '--help'])).stdout)![1];
      const r = await shocklabInProcess(example.split(' '));
      expect(r.code, example).toBe(0);
      expect(r.stdout.length, example).toBeGreaterThan(0);
    }
  });
});
