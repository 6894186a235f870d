// `npm ci` on the Node 20 the README names warns about nothing: every installed package's `engines`
// accepts this Node (as npm checks it: EBADENGINE), the official SDK the benchmarks use included.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

test('no installed package wants a Node other than this one (no EBADENGINE on npm ci)', () => {
  const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8')) as { packages: Record<string, { engines?: unknown }> };
  const installed = Object.entries(lock.packages).filter(([path]) => path !== '' && existsSync(`${root}${path}/package.json`));
  const refusing = installed
    .map(([path, { engines }]) => [path, (engines as { node?: string } | undefined)?.node] as const)
    .filter(([, range]) => typeof range === 'string' && !semver.satisfies(process.versions.node, range));
  expect(refusing).toEqual([]);
  expect(installed.length).toBeGreaterThan(100);
  const official = installed.filter(([path]) => path.endsWith('node_modules/@azure/arm-containerservice'));
  expect(official.map(([path]) => JSON.parse(readFileSync(`${root}${path}/package.json`, 'utf8')).version)).toEqual(['25.3.0']);
});
