#!/usr/bin/env node
// Proves the release configuration works without committing, tagging or publishing anything:
// `nx release --dry-run --skip-publish`, which previews the pending version plans. With no plan
// pending that would preview nothing, so a `patch` is previewed instead, to exercise versioning
// (package.json, pins, src/version.ts, lock file) and the changelog all the same. (nx refuses a
// specifier while plans are pending, hence the two forms.) Fails if the working tree changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './lib/workspace.mjs';

const plansDirectory = join(WORKSPACE_ROOT, '.nx', 'version-plans');
const plans = existsSync(plansDirectory) ? readdirSync(plansDirectory).filter((file) => file.endsWith('.md')) : [];
const args = ['nx', 'release', ...(plans.length > 0 ? [] : ['patch']), '--dry-run', '--skip-publish', ...process.argv.slice(2)];
const status = () => spawnSync('git', ['status', '--porcelain'], { cwd: WORKSPACE_ROOT, encoding: 'utf8' }).stdout;

const before = status();
console.log(`release-dry-run: ${plans.length} pending version plan(s): npx ${args.join(' ')}`);
const started = Date.now();
const result = spawnSync('npx', args, { cwd: WORKSPACE_ROOT, stdio: 'inherit', env: { ...process.env, NX_TUI: 'false', NX_DAEMON: 'false' } });
const changed = status() !== before;
const ok = result.status === 0 && !changed;
const why = result.status !== 0 ? `nx release exited with ${result.status ?? result.signal}` : changed ? 'the dry run changed the working tree' : '';
console.log(`release-dry-run: ${ok ? 'PASS' : `FAIL (${why})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = ok ? 0 : 1;
