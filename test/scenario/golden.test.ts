// Golden tapes: whole runs of the stable presets reproduce recorded tape hashes exactly. A change
// that alters what is simulated (agent rules, matching, event order, randomness) changes a hash;
// update these only for an intended change, and say so in the commit.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSeedJob } from '../../src/cli/seed-job.ts';
import { buildRun, completeRun, getPreset, parseScenario, runScenario } from '../../src/scenario/index.ts';
import { GOLDEN } from './golden-hashes.ts';

describe('golden tape hashes', () => {
  for (const [preset, seed, hash, trades] of GOLDEN) {
    it(`${preset} seed ${seed} -> ${hash}`, () => {
      const s = runScenario(parseScenario(getPreset(preset)), seed);
      expect({ tapeHash: s.tapeHash, trades: s.trades }).toEqual({ tapeHash: hash, trades });
    });
  }
});

describe('a run that keeps no trade rows', () => {
  it('prints the same tape (count and hash) without a row of it', () => {
    const s = parseScenario(getPreset('rmsc04'));
    const r = buildRun(s, 1, { tradeRows: false });
    completeRun(r);
    expect(r.recorder.keepRows).toBe(false);
    expect(r.recorder.time.length).toBe(1024); // the columns never grew
    expect({ tapeHash: r.recorder.hash(), trades: r.recorder.count }).toEqual({ tapeHash: '7a89db18', trades: 20346 });
  });

  it('a seed folder written without the tape says why the tape is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shocklab-norows-'));
    try {
      const { report } = await runSeedJob({ scenario: parseScenario(getPreset('rmsc04')), seed: 1, dir, trades: false }, () => {});
      expect(report.tapeHash).toBe('7a89db18');
      expect(readdirSync(join(dir, 'seed-1'))).not.toContain('trades.csv');
      const summary = JSON.parse(readFileSync(join(dir, 'seed-1', 'summary.json'), 'utf8')) as { trades: unknown; tradesNote: unknown };
      expect(summary.trades).toBe(20346);
      expect(summary.tradesNote).toBe('not written (20346 trades); shocklab run --out writes the tape');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
