import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { USAGE, VERSION } from '../src/index.js';
import { BIN, expectExit, runCli } from './helpers.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; bin: Record<string, string> };

/** Every module `file` loads at start-up: its static imports, followed through relative paths. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  // In src/, `./x.js` is x.ts.
  const source = readFileSync(existsSync(file) ? file : file.replace(/\.js$/, '.ts'), 'utf8').replace(/^\s*(?:import|export)\s+type\s[^;]*;/gm, '');
  for (const [, specifier] of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)) {
    if (specifier === undefined) continue;
    if (specifier.startsWith('.')) staticImports(resolve(dirname(file), specifier), seen);
    else seen.add(specifier);
  }
  return seen;
}

describe('version and help', () => {
  test('the version constant is package.json\'s', () => {
    expect(VERSION).toBe(packageJson.version);
  });

  test('azlro --version and --help', async () => {
    const [version, help, bare, commandHelp] = await Promise.all([runCli(['--version']), runCli(['--help']), runCli([]), runCli(['aks', 'abort', '-h'])]);
    expectExit(version, 0);
    expect(version.stdout).toBe(`${packageJson.version}\n`);
    for (const run of [help, bare]) {
      expectExit(run, 0);
      expect(run.stdout).toBe(USAGE);
      expect(run.stderr).toBe('');
    }
    expectExit(commandHelp, 0);
    expect(commandHelp.stdout).toMatch(/^azlro aks abort: /); // its own page (az-conventions.test.ts has more)
  });

  test('start-up loads no client, poller, identity or emulator: only the command that runs imports them', () => {
    const loaded = [...staticImports(BIN)];
    const packages = loaded.filter((m) => !m.startsWith('/') && !m.startsWith('node:'));
    expect(packages).toEqual([]);
    expect(loaded.map((m) => m.replace(/^.*\/dist\//, ''))).not.toContain('commands/demo.js');
    // Help pages, formats (JMESPath, YAML), suggestions and completion load only when used.
    const sources = [...staticImports(fileURLToPath(new URL('../src/main.ts', import.meta.url)))].map((m) => m.replace(/^.*\/src\//, ''));
    for (const lazy of ['help.js', 'formats.js', 'suggest.js', 'completion.js', 'debug.js']) expect(sources).not.toContain(lazy);
  });

  test('the binary npm links is a committed file that runs dist/bin.js', async () => {
    expect(packageJson.bin).toEqual({ azlro: './bin/azlro.js' });
    const shim = join(dirname(BIN), '..', 'bin', 'azlro.js');
    expect(readFileSync(shim, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(readFileSync(BIN, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync(process.execPath, [shim, '--version'], { encoding: 'utf8' })).toBe(`${packageJson.version}\n`);
  });
});
