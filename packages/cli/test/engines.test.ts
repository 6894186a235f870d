// `npm ci` on the Node 20 the README names warns about nothing: every installed package's `engines`
// accepts this Node (as npm checks it: EBADENGINE), the official SDK the benchmarks use included.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Known exceptions, each with its reason. tools/official-sdk (the emulator against the official SDK)
 * pins @azure/arm-containerservice 25.5.0, which declares Node >=22: its EBADENGINE warning stays
 * until that tool moves to 25.3.0, as the benchmarks did.
 */
const EXCEPTIONS = new Set(['node_modules/@azure/arm-containerservice']);

test('no installed package wants a Node other than this one (no EBADENGINE on npm ci)', () => {
  const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8')) as { packages: Record<string, { engines?: unknown }> };
  const installed = Object.entries(lock.packages).filter(([path]) => path !== '' && existsSync(`${root}${path}/package.json`));
  const refusing = installed
    .map(([path, { engines }]) => [path, (engines as { node?: string } | undefined)?.node] as const)
    .filter(([path, range]) => typeof range === 'string' && !semver.satisfies(process.versions.node, range) && !EXCEPTIONS.has(path));
  expect(refusing).toEqual([]);
  expect(installed.length).toBeGreaterThan(100);
  // The benchmarks' official SDK is the last that declares Node 20.
  const bench = `${root}tools/bench/node_modules/@azure/arm-containerservice/package.json`;
  expect(JSON.parse(readFileSync(bench, 'utf8')).version).toBe('25.3.0');
});
