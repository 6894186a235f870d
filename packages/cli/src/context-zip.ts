import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { zipSync } from 'fflate';
import { UsageError } from './args.js';

/**
 * Zips the `--file` paths for run command's `context` (base64 of a zip), as `az aks command invoke
 * --file` does: `.` attaches the current folder (every file below it, by its path from there); a
 * file or folder inside the current folder keeps its relative path, one outside it its own name.
 * Symbolic links are followed. Throws a UsageError naming `flag` (`--file`, or `-f` as typed) for a path that does not exist
 * or two files that would get the same name, before anything is sent.
 */
export function zipContext(paths: readonly string[], cwd: string, flag = '--file'): string {
  const entries: Record<string, Uint8Array> = {};
  const add = (absolute: string, name: string, given: string) => {
    const key = name.split(sep).join('/');
    if (key in entries) throw new UsageError(`${flag} ${JSON.stringify(given)}: two files would be named ${JSON.stringify(key)} in the command's context`);
    entries[key] = readFileSync(absolute);
  };
  const walk = (folder: string, base: string, given: string) => {
    for (const entry of readdirSync(folder).sort()) {
      const absolute = join(folder, entry);
      if (statSync(absolute).isDirectory()) walk(absolute, base, given);
      else add(absolute, relative(base, absolute), given);
    }
  };
  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let isFolder: boolean;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch {
      throw new UsageError(`${flag} ${JSON.stringify(given)}: no such file or folder`);
    }
    const inside = !relative(cwd, absolute).startsWith('..') && !isAbsolute(relative(cwd, absolute));
    const base = inside ? cwd : resolve(absolute, '..');
    if (isFolder) walk(absolute, absolute === cwd ? cwd : base, given);
    else add(absolute, inside ? relative(cwd, absolute) : basename(absolute), given);
  }
  return Buffer.from(zipSync(entries)).toString('base64');
}
