// Shared helpers for browser tests: bundle a TypeScript entry with esbuild and drive Debian's
// Chromium through playwright-core (no browser download).
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from '../global-setup.ts';

export async function bundle(entry: string, globalName: string): Promise<string> {
  const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', globalName, platform: 'browser', target: 'es2022', logLevel: 'silent' });
  return out.outputFiles[0].text;
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
}
