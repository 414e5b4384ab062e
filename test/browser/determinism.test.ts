// Same seed, same bytes: a run in Chromium (page and Web Worker) prints exactly the summary and
// tape hash that Node prints, so no engine-specific math reaches the tape.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runPreset } from './entry.ts';
import { bundle, launch } from './chromium.ts';

let browser: Browser;
let code: string;

beforeAll(async () => {
  code = await bundle(join(import.meta.dirname, 'entry.ts'), 'shocklab');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('determinism across engines', () => {
  it('zi-smoke gives the same summary in Node, a Chromium page and a Chromium worker', async () => {
    const seeds = [1, 7];
    const node = seeds.map((s) => runPreset('zi-smoke', s));
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>shocklab</title>');
    await page.addScriptTag({ content: code });
    const inPage = await page.evaluate((ss) => ss.map((s) => (globalThis as any).shocklab.runPreset('zi-smoke', s)), seeds);
    const inWorker = await page.evaluate(
      ({ src, ss }) =>
        new Promise((resolve, reject) => {
          const body = `${src}\nonmessage = (e) => postMessage(e.data.map((s) => shocklab.runPreset('zi-smoke', s)));`;
          const w = new Worker(URL.createObjectURL(new Blob([body], { type: 'text/javascript' })));
          w.onmessage = (e) => resolve(e.data);
          w.onerror = (e) => reject(new Error(e.message));
          w.postMessage(ss);
        }),
      { src: code, ss: seeds },
    );
    expect(inPage).toEqual(node);
    expect(inWorker).toEqual(node);
    expect(node[0].tapeHash).not.toBe(node[1].tapeHash);
    expect(node[0].trades).toBeGreaterThan(100);
  });
});
