// All-or-nothing directory writes: every file goes into a fresh temporary directory beside the
// target (same parent, so the final rename stays on one file system), which is renamed to the
// target only once every file is written. Any error removes the temporary directory, so the
// target either appears complete or not at all.

import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface OutputFile {
  /** Path inside the target directory (a plain file name). */
  name: string;
  /**
   * Contents, or a function producing them (called while writing, so its errors also abort);
   * an iterable of strings is written chunk by chunk (for files too large for one string).
   */
  data: string | Uint8Array | (() => string | Uint8Array | Iterable<string>);
}

export interface WriteDirOptions {
  /** Replace an existing target directory (it is moved aside, then removed once the new one is in place). */
  overwrite?: boolean;
}

/** Writes `files` into a new directory `target`; throws, leaving no `target` behind, on any error. */
export function writeDirAtomic(target: string, files: readonly OutputFile[], options: WriteDirOptions = {}): void {
  const dest = resolve(target);
  const parent = dirname(dest);
  if (existsSync(dest) && !options.overwrite) throw new Error(`${target} already exists (pass overwrite to replace it)`);
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(join(parent, `.${basename(dest)}.tmp-`));
  try {
    for (const f of files) {
      const data = typeof f.data === 'function' ? f.data() : f.data;
      if (typeof data === 'string' || data instanceof Uint8Array) writeFileSync(join(tmp, f.name), data, { flag: 'wx' });
      else {
        const fd = openSync(join(tmp, f.name), 'wx');
        try {
          for (const chunk of data) writeSync(fd, chunk);
        } finally {
          closeSync(fd);
        }
      }
    }
    if (existsSync(dest)) {
      const old = mkdtempSync(join(parent, `.${basename(dest)}.old-`));
      rmSync(old, { recursive: true });
      renameSync(dest, old);
      renameSync(tmp, dest);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, dest);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
