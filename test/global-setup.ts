// Test runner global setup: the one place that installs the system parts tests need.
// Browser tests drive Debian's Chromium (/usr/bin/chromium). When it is missing and we run as
// root, it is installed with apt-get; otherwise the run stops with the command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    throw new Error(`Chromium is missing (${CHROMIUM}). Install it with: sudo apt-get update && sudo apt-get install -y chromium`);
  }
  process.stderr.write('global setup: installing Debian chromium with apt-get (once per machine)...\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get install chromium finished but ${CHROMIUM} is still missing`);
}

export default function setup(): void {
  ensureChromium();
}
