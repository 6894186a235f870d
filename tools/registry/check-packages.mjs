#!/usr/bin/env node
// Checks every published @azlro package as npm would publish it: packs each one once, then runs
// publint (strict: warnings are errors) and `attw --profile esm-only` on that tarball, and checks
// the package policy (ESM, exports with types, files, sideEffects, engines, license, README,
// LICENSE, publishConfig) and the tarball's contents. Exits non-zero on any problem.
//
//   node tools/registry/check-packages.mjs [--no-build] [@azlro/name ...]
//
// Builds first (`nx run-many -t build`, cached) unless --no-build.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { buildAll, pack, publishedPackages, run, seconds, WORKSPACE_ROOT } from './lib/workspace.mjs';

const require = createRequire(import.meta.url);
const ATTW = join(require.resolve('@arethetypeswrong/cli/package.json'), '..', 'dist', 'index.js');
/** Resolution modes the esm-only profile ignores: ESM-only by design (Node >= 20.19 can require() ESM). */
const ESM_ONLY_IGNORED = new Set(['node10', 'node16-cjs']);
const CONCURRENCY = 4;

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const only = args.filter((arg) => !arg.startsWith('--'));
const started = Date.now();

/** The package policy of the issue, as readable one-line findings. */
function policyProblems(manifest) {
  const problems = [];
  const expect = (ok, text) => ok || problems.push(text);
  expect(manifest.type === 'module', '"type" must be "module"');
  expect(manifest.sideEffects === false, '"sideEffects" must be false');
  expect(typeof manifest.engines?.node === 'string', '"engines.node" is missing');
  expect(typeof manifest.license === 'string', '"license" is missing');
  expect(manifest.publishConfig?.access === 'public', '"publishConfig.access" must be "public" (a scoped package is private by default)');
  expect(Array.isArray(manifest.files) && manifest.files.length > 0, '"files" is missing');
  const root = manifest.exports?.['.'];
  expect(typeof root === 'object' && root !== null, '"exports" has no "." entry');
  if (root && typeof root === 'object') {
    const keys = Object.keys(root);
    expect(typeof root.types === 'string', '"exports"."." has no "types"');
    expect(keys.at(-1) === 'default', '"exports"."." must end with "default"');
  }
  return problems;
}

/** Every file path an exports map or bin field points at. */
function targets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}

function contentProblems(pkg, files) {
  const problems = [];
  const packed = new Set(files);
  const has = (entry) => packed.has(entry) || files.some((file) => file.startsWith(`${entry}/`));
  const required = ['package.json', 'README.md', 'LICENSE'];
  for (const entry of pkg.manifest.files ?? []) {
    if (entry.startsWith('!') || /[*?]/.test(entry) || required.includes(entry)) continue;
    if (!has(entry)) problems.push(`"files" lists ${entry}, but nothing of it is packed (not built?)`);
  }
  for (const file of required) {
    if (!packed.has(file)) problems.push(`${file} is not packed`);
  }
  for (const file of files) {
    if (/\.test(-d)?\.ts$|(^|\/)test\/|\.tsbuildinfo$/.test(file)) problems.push(`${file} should not be published`);
  }
  const exportTargets = targets(pkg.manifest.exports).map((target) => target.replace(/^\.\//, ''));
  for (const target of exportTargets) if (!packed.has(target)) problems.push(`exports target ${target} is not packed`);
  const bins = typeof pkg.manifest.bin === 'string' ? [pkg.manifest.bin] : Object.values(pkg.manifest.bin ?? {});
  for (const bin of bins.map((target) => target.replace(/^\.\//, ''))) {
    if (!packed.has(bin)) {
      problems.push(`bin ${bin} is not packed (not built?)`);
    } else if (!readFileSync(join(pkg.dir, bin), 'utf8').startsWith('#!/usr/bin/env node')) {
      problems.push(`bin ${bin} does not start with #!/usr/bin/env node`);
    }
  }
  return problems;
}

async function checkPublint(tarball) {
  const data = readFileSync(tarball);
  const { messages, pkg } = await publint({ pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) }, strict: true, level: 'suggestion' });
  return messages.map((message) => `${message.type}: ${formatMessage(message, pkg, { color: false }) ?? message.code}`);
}

async function checkAttw(tarball) {
  const { code, stdout, stderr } = await run(process.execPath, [ATTW, tarball, '--profile', 'esm-only', '--format', 'json'], { allowFailure: true });
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return [`attw failed (exit ${code}): ${stderr.trim() || stdout.trim()}`];
  }
  const problems = Object.values(report.problems ?? {})
    .flat()
    .filter((problem) => !ESM_ONLY_IGNORED.has(problem.resolutionKind))
    .map((problem) => `${problem.kind}${problem.entrypoint ? ` at "${problem.entrypoint}"` : ''}${problem.resolutionKind ? ` (${problem.resolutionKind})` : ''}`);
  if (code !== 0 && problems.length === 0) problems.push(`attw exited with ${code}`);
  return problems;
}

async function checkPackage(pkg, destination) {
  const { tarball, files } = await pack(pkg.dir, destination);
  const [publintProblems, attwProblems] = await Promise.all([checkPublint(tarball), checkAttw(tarball)]);
  return {
    pkg,
    files: files.length,
    sizeInKb: Math.round(readFileSync(tarball).byteLength / 1024),
    policy: policyProblems(pkg.manifest),
    contents: contentProblems(pkg, files),
    publint: publintProblems,
    attw: attwProblems,
  };
}

async function main() {
  if (build) {
    const buildStart = Date.now();
    await buildAll();
    console.log(`build: done in ${seconds(Date.now() - buildStart)}`);
  }
  const packages = publishedPackages().filter((pkg) => only.length === 0 || only.includes(pkg.name));
  if (packages.length === 0) throw new Error(`no published package matches ${only.join(', ')}`);
  const destination = mkdtempSync(join(tmpdir(), 'azlro-check-packages-'));
  try {
    const results = [];
    const queue = [...packages];
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      for (let pkg = queue.shift(); pkg; pkg = queue.shift()) results.push(await checkPackage(pkg, destination));
    }));
    results.sort((a, b) => packages.indexOf(a.pkg) - packages.indexOf(b.pkg));

    let failures = 0;
    const totals = { policy: 0, contents: 0, publint: 0, attw: 0 };
    for (const result of results) {
      const found = Object.keys(totals).flatMap((kind) => result[kind].map((text) => `${kind}: ${text}`));
      for (const kind of Object.keys(totals)) totals[kind] += result[kind].length;
      const where = relative(WORKSPACE_ROOT, result.pkg.dir);
      const mark = found.length === 0 ? 'ok  ' : 'FAIL';
      console.log(`${mark} ${result.pkg.name}@${result.pkg.version} (${where}, ${result.files} files, ${result.sizeInKb} kB packed)`);
      for (const line of found) console.log(`       ${line}`);
      if (found.length > 0) failures += 1;
    }
    const counts = Object.entries(totals).map(([kind, count]) => `${kind} ${count}`).join(', ');
    const verdict = failures === 0 ? 'PASS' : 'FAIL';
    console.log(`check-packages: ${verdict}: ${results.length - failures}/${results.length} packages clean (problems: ${counts}; attw profile esm-only) in ${seconds(Date.now() - started)}`);
    process.exitCode = failures === 0 ? 0 : 1;
  } finally {
    rmSync(destination, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  console.log(`check-packages: FAIL: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  process.exitCode = 1;
});
