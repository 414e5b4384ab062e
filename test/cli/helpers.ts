// Running the real `shocklab` binary (and main() in-process) from tests.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'shocklab.js');

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed entry point in a child process. */
export function shocklab(args: string[], input?: string, cwd = ROOT): Ran {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs main() in this process with captured output. */
export async function shocklabInProcess(args: string[]): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), errIsTty: false });
  return { code, stdout, stderr };
}
