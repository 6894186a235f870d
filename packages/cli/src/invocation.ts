import { accessSync, constants } from 'node:fs';
import { delimiter, join, sep } from 'node:path';

/**
 * How the user can run azlro from their own shell, for commands printed ready to paste: `azlro`
 * when their PATH has it (a global install), else `npx azlro` (a project install, where `azlro`
 * lives in node_modules/.bin). npm puts that folder on the PATH of what it runs (`npx`, `npm run`),
 * so those folders do not count, and neither does anything when npm ran us.
 */
export function invocation(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (env.npm_command !== undefined) return 'npx azlro';
  const names = platform === 'win32' ? ['azlro.cmd', 'azlro.exe', 'azlro'] : ['azlro'];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '' || dir.split(sep).join('/').includes('node_modules/.bin')) continue;
    for (const name of names) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return 'azlro';
      } catch {
        // not here
      }
    }
  }
  return 'npx azlro';
}
