// `shocklab facts <run dir>...`: reads per-seed bars.csv (a run dir of seed-<n>/ subdirectories
// or seed dirs given directly), prints the facts table or JSON with the pass rule (seeds asked for
// and why), exits 1 when a fact fails, 0 when all pass, and 2 with one line for a missing or
// malformed directory or a bad flag.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { factsCommand } from '../../src/cli/facts.ts';
import { UsageError } from '../../src/cli/errors.ts';
import { gaussianControl } from '../../src/analysis/gaussian-control.ts';
import type { SeedSeries } from '../../src/analysis/facts.ts';
import { BARS_HEADER } from '../../src/record/csv.ts';
import { writeRecording } from '../../src/record/node/write-recording.ts';
import { garchSeeds } from '../analysis/garch.ts';
import { simulate } from '../record/sim.ts';

const tmp = mkdtempSync(join(tmpdir(), 'facts-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** One bars.csv row in BARS_HEADER's order, from its values by column name (the rest 0). */
function barRow(v: Partial<Record<(typeof BARS_HEADER)[number], string | number>>): string {
  return BARS_HEADER.map((c) => v[c] ?? 0).join(',');
}

function barsCsv(seed: SeedSeries, symbol = 'X'): string {
  const rows = [BARS_HEADER.join(',')];
  seed.days.forEach((d, day) => {
    for (let m = 0; m < d.mid.length; m++) {
      const p = d.mid[m];
      rows.push(barRow({ day, minute: m, symbol, open_ticks: p, high_ticks: p, low_ticks: p, close_ticks: p, mid_ticks: p, volume_lots: d.volume![m], volume_shares: d.volume![m], trades: 1 }));
    }
  });
  return rows.join('\n') + '\n';
}

function writeRun(name: string, seeds: SeedSeries[]): string {
  const dir = join(tmp, name);
  seeds.forEach((s, i) => {
    mkdirSync(join(dir, `seed-${i + 1}`), { recursive: true });
    writeFileSync(join(dir, `seed-${i + 1}`, 'bars.csv'), barsCsv(s));
  });
  return dir;
}

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await factsCommand(args, { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty: false });
  return { code, out, err };
}

describe('shocklab facts', () => {
  const control = writeRun('control', gaussianControl({ seed: 1, days: 10 }));

  it('prints one row per fact with estimate, band, seeds in band and PASS/FAIL, and exits 1 on the Gaussian control', async () => {
    const r = await run([control]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('stylized facts of X: 10 seeds, 100 days (mid-price returns, pooled within days)');
    expect(lines[1]).toMatch(/^fact\s+estimate \(pooled\)\s+band\s+seeds in band\s+result$/);
    expect(lines[2]).toMatch(/^no-autocorrelation\s+max \|ACF\| \d\.\d{3} \(lag \d+\)\s+each \|\.\| < 0\.1\s+\d+\/10 \(need 8\)\s+PASS$/);
    expect(lines[3]).toMatch(/^heavy-tails\s+alpha \d\.\d\d\s+2 to 5\s+\d\/10 \(need 8\)\s+FAIL$/);
    expect(lines[5]).toMatch(/^volatility-clustering .* 0\/10 \(need 8\)\s+FAIL$/);
    expect(r.out).toMatch(/facts pass\npass rule: pooled estimate in band and at least 80% of seeds in band; 10 of 10 seeds given; --min-seeds N to ask for more\nfailures:\n  heavy-tails: pooled estimate out of band/);
  });

  it('writes one JSON object with --json', async () => {
    const r = await run([control, '--json']);
    const j = JSON.parse(r.out);
    expect(r.code).toBe(1);
    expect(j.symbol).toBe('X');
    expect(j.dirs).toHaveLength(10);
    expect(j.facts.map((f: { id: string }) => f.id)).toEqual(['no-autocorrelation', 'heavy-tails', 'kurtosis', 'volatility-clustering', 'volume-volatility', 'leverage']);
    expect(j.facts[1]).toMatchObject({ pass: false, seeds: 10, required: 8 });
    expect(j.minSeeds).toBe(10);
    expect(j.passRule).toMatch(/10 of 10 seeds given/);
    expect(j.facts[1].perSeed).toHaveLength(10);
  });

  it('exits 0 when every fact passes (GARCH control, seed dirs given one by one); the rule asks for the seeds given unless --min-seeds asks for more, and says so', async () => {
    const dir = writeRun('garch', garchSeeds(4, 3, 30));
    const three = [join(dir, 'seed-1'), join(dir, 'seed-2'), join(dir, 'seed-3')];
    const r = await run(three);
    expect(r.out).toMatch(/6 of 6 facts pass\npass rule: .*; 3 of 3 seeds given; --min-seeds N to ask for more\n$/);
    expect(r.code).toBe(0);
    const asked = await run([...three, '--min-seeds', '3']);
    expect(asked.code).toBe(0);
    expect(asked.out).toMatch(/pass rule: .*; at least 3 seeds \(--min-seeds 3\), 3 given/);
    const more = await run([...three, '--min-seeds', '10']);
    expect(more.code).toBe(1);
    expect(more.out).toMatch(/pass rule: .*; at least 10 seeds \(--min-seeds 10\), 3 given/);
    expect(more.out).toMatch(/3 seeds, the rule needs at least 10/);
  });

  it('reads the bars written by the recorder (seed-<n>/ layout)', async () => {
    for (const seed of [1, 2, 3]) await writeRecording(join(tmp, 'sim', `seed-${seed}`), simulate(seed, 1200).recorder, { parquet: false });
    const r = await run([join(tmp, 'sim'), '--min-seeds', '3', '--json']);
    const j = JSON.parse(r.out);
    expect(j.symbol).toBe('ZI');
    expect(j.seeds).toBe(3);
    expect(j.days).toBe(3);
    expect(j.facts.find((f: { id: string }) => f.id === 'volume-volatility').pooled.values.pairs).toBe(3 * 19);
    expect([0, 1]).toContain(r.code);
  });

  it('refuses missing, empty and malformed directories with one line (exit 2 via UsageError)', async () => {
    const bad = join(tmp, 'bad');
    mkdirSync(join(bad, 'seed-1'), { recursive: true });
    writeFileSync(join(bad, 'seed-1', 'bars.csv'), `${BARS_HEADER.join(',')}\n${barRow({ symbol: 'X', mid_ticks: 'abc' })}\n`);
    mkdirSync(join(tmp, 'empty'));
    const gap = join(tmp, 'gap');
    mkdirSync(gap);
    writeFileSync(join(gap, 'bars.csv'), `${BARS_HEADER.join(',')}\n${barRow({ minute: 0, symbol: 'X', mid_ticks: 1 })}\n${barRow({ minute: 2, symbol: 'X', mid_ticks: 1 })}\n`);
    const cases: [string[], RegExp][] = [
      [[join(tmp, 'nope')], /^no such run directory: .*nope$/],
      [[join(tmp, 'empty')], /no bars\.csv in it or in its seed subdirectories/],
      [[bad], /^malformed .*seed-1\/bars\.csv:2: mid_ticks is not a number: "abc"$/],
      [[gap], /^malformed .*day 0 of X has minute 2 where minute 1 was expected/],
      [[control, '--symbol', 'NOPE'], /no bars for symbol NOPE/],
      [[], /at least one run directory/],
      [[control, '--min-seeds', 'x'], /^--min-seeds must be a whole number from 1 to 1000000, got x$/],
      [[control, '--min-seeds', '-2'], /^--min-seeds must be a whole number from 1 to 1000000, got -2$/],
      [[control, '--colour'], /unknown option --colour; shocklab facts --help lists the options/],
    ];
    for (const [args, message] of cases) {
      const p = run(args);
      await expect(p, args.join(' ')).rejects.toThrow(UsageError);
      await p.catch((e: Error) => {
        expect(e.message).toMatch(message);
        expect(e.message).not.toMatch(/\n/);
      });
    }
  });
});
