// Checks, before any work starts, that an output path a flag names can be written: a directory
// that exists is a directory (and empty when the command needs a new one), and a path that does
// not exist yet can be made (its nearest existing ancestor is a writable directory). A run that
// would only fail at its end, minutes later and with a stack trace, fails at once in one line.
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors.ts';

/** Throws unless `path` can be made: its nearest existing ancestor is a writable directory. */
function checkCreatable(flag: string, path: string): void {
  let parent = dirname(resolve(path));
  while (!existsSync(parent)) parent = dirname(parent);
  if (!statSync(parent).isDirectory()) throw new UsageError(`${flag} ${path}: ${parent} is a file, not a directory`);
  try {
    accessSync(parent, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${path}: ${parent} is not writable`);
  }
}

/** `dir` can be the command's output directory; with `empty`, it must be new or empty. */
export function checkOutputDir(flag: string, dir: string, options: { empty: boolean }): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${flag} ${dir} is a file; give a directory`);
    if (options.empty && readdirSync(dir).length > 0) throw new UsageError(`${flag} ${dir} exists and is not empty; choose a new directory`);
    return;
  }
  checkCreatable(flag, dir);
}

/** `file` can be written: it is not a directory, and its directory exists or can be made. */
export function checkOutputFile(flag: string, file: string): void {
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) throw new UsageError(`${flag} ${file} is a directory; give a file name`);
    return;
  }
  checkCreatable(flag, file);
}
