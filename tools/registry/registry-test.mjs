#!/usr/bin/env node
// The registry test: install @azlro the way users will. Builds every package, publishes each one
// to a throwaway Verdaccio on 127.0.0.1, then, in a fresh directory outside the repository,
// installs @azlro/lro and @azlro/cli from that registry alone (third-party packages come through
// its uplink to the registry npm is configured with), type-checks and runs a consumer against the
// emulator, and runs `npx azlro --version` and `--help`. Prints PASS or FAIL; exits non-zero on
// failure; stops Verdaccio on every exit path.
//
//   node tools/registry/registry-test.mjs [--no-build] [--keep] [--skip-cli]
//
//   --no-build  use the existing dist/ (CI runs it after `npm test`, which built everything)
//   --keep      keep the temp directory (registry storage, npm cache, consumer) for a look
//   --skip-cli  leave @azlro/cli out (only while the CLI cannot be built yet)
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildAll, killRunning, publishedPackages, run, seconds, tail, WORKSPACE_ROOT } from './lib/workspace.mjs';
import { startVerdaccio } from './lib/verdaccio.mjs';

/** The whole test must end within this, CI or not. */
const DEADLINE_IN_MS = 8 * 60_000;
const TYPESCRIPT = 'typescript@6.0.3';
const NODE_TYPES = '@types/node@20.19.43';

const args = new Set(process.argv.slice(2));
const started = Date.now();
const steps = [];
let directory;
let registry;

function step(name, fn) {
  return async (...rest) => {
    const start = Date.now();
    process.stdout.write(`registry-test: ${name} ...\n`);
    const value = await fn(...rest);
    steps.push([name, Date.now() - start]);
    process.stdout.write(`registry-test: ${name}: ok (${seconds(Date.now() - start)})\n`);
    return value;
  };
}

/** npm, isolated from the user's config and cache: only the test's registry, token and cache. */
function npmEnv(userconfig, cache, registryUrl) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  return {
    ...env,
    npm_config_userconfig: userconfig,
    npm_config_cache: cache,
    npm_config_registry: registryUrl,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'warn',
  };
}

async function cleanup() {
  killRunning();
  await registry?.stop();
  registry = undefined;
  if (directory && !args.has('--keep')) rmSync(directory, { recursive: true, force: true });
}

async function main() {
  const cliReady = !args.has('--skip-cli');
  const packages = publishedPackages().filter((pkg) => cliReady || pkg.name !== '@azlro/cli');
  const cli = packages.find((pkg) => pkg.name === '@azlro/cli');

  if (!args.has('--no-build')) await step('build every package (nx, cached)', buildAll)();

  // Fail early, with a clear message, on what the rest would only report as a cryptic error.
  for (const pkg of packages) {
    const entry = pkg.manifest.exports?.['.']?.default;
    const bins = Object.values(pkg.manifest.bin ?? {});
    for (const file of [entry, ...bins].filter(Boolean)) {
      try {
        readFileSync(join(pkg.dir, file));
      } catch {
        throw new Error(`${pkg.name}: ${file} is missing: build it first (npx nx run-many -t build)` +
          (pkg.name === '@azlro/cli' ? ', or pass --skip-cli while the CLI cannot be built' : ''));
      }
    }
  }

  directory = realpathSync(mkdtempSync(join(tmpdir(), 'azlro-registry-test-')));
  if (!relative(WORKSPACE_ROOT, directory).startsWith('..')) throw new Error(`${directory} is inside the repository`);
  const cache = join(directory, 'npm-cache');

  // The uplink for third-party packages: whatever registry npm is configured with, read now.
  const upstream = (await run('npm', ['config', 'get', 'registry'], { timeoutInMs: 30_000 })).stdout.trim();
  if (!/^https?:\/\//.test(upstream)) throw new Error(`npm config get registry printed ${JSON.stringify(upstream)}`);

  registry = await step('start Verdaccio on 127.0.0.1', () => startVerdaccio({ directory: join(directory, 'verdaccio'), upstream }))();
  const host = registry.url.replace(/^http:/, '');
  const userconfig = join(directory, '.npmrc');
  // Verdaccio lets anyone publish @azlro/* here, but npm refuses to publish without a token.
  writeFileSync(userconfig, `registry=${registry.url}\n${host}:_authToken=registry-test\n`);
  const env = npmEnv(userconfig, cache, registry.url);
  console.log(`registry-test: Verdaccio ${registry.url} (pid ${registry.pid}), uplink for everything but @azlro/*: npm's configured registry`);

  await step(`publish ${packages.length} packages`, async () => {
    for (const pkg of packages) {
      await run('npm', ['publish', '--registry', registry.url, '--userconfig', userconfig], { cwd: pkg.dir, env, timeoutInMs: 60_000 });
      console.log(`  published ${pkg.name}@${pkg.version}`);
    }
  })();

  const consumer = join(directory, 'consumer');
  mkdirSync(consumer);
  // The emulator is its own install: @azlro/cli leaves it (Prism) to an optional peer.
  const install = [...(cliReady ? ['@azlro/cli'] : []), '@azlro/emulator', '@azlro/lro', TYPESCRIPT, NODE_TYPES];
  await step(`npm install ${install.join(' ')} in ${consumer}`, async () => {
    await run('npm', ['init', '-y'], { cwd: consumer, env, timeoutInMs: 30_000 });
    await run('npm', ['pkg', 'set', 'type=module', 'private=true'], { cwd: consumer, env, timeoutInMs: 30_000 });
    await run('npm', ['install', ...install, '--registry', registry.url, '--userconfig', userconfig], { cwd: consumer, env, timeoutInMs: 240_000 });
  })();

  await step('check that everything came from the test registry, @azlro/* as published', async () => {
    const lock = JSON.parse(readFileSync(join(consumer, 'package-lock.json'), 'utf8'));
    const entries = Object.entries(lock.packages).filter(([path]) => path !== '');
    const foreign = entries.filter(([, info]) => info.resolved && !info.resolved.startsWith(registry.url) && !info.link);
    if (foreign.length > 0) throw new Error(`installed from elsewhere: ${foreign.slice(0, 5).map(([path, info]) => `${path} ${info.resolved}`).join(', ')}`);
    for (const pkg of packages) {
      const installed = lock.packages[`node_modules/${pkg.name}`];
      if (installed?.version !== pkg.version) throw new Error(`${pkg.name}: expected ${pkg.version} installed, found ${installed?.version ?? 'none'}`);
    }
    console.log(`  ${entries.length} packages installed, all from ${registry.url}`);
  })();

  await step('type-check and compile consumer.ts with the installed tsc (nodenext, skipLibCheck off)', async () => {
    cpSync(new URL('./consumer/consumer.ts', import.meta.url), join(consumer, 'consumer.ts'));
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        // No DOM lib: the published declarations must compile for a Node-only consumer.
        lib: ['ES2023'],
        module: 'nodenext',
        moduleResolution: 'nodenext',
        types: ['node'],
        strict: true,
        // Check the published .d.ts files too: a declaration that names a devDependency or a
        // file left out of `files` fails here, not in a user's build.
        skipLibCheck: false,
        rootDir: '.',
        outDir: 'dist',
        noEmitOnError: true,
      },
      files: ['consumer.ts'],
    }, null, 2));
    await run(join(consumer, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: consumer, timeoutInMs: 120_000 });
  })();

  await step('run the consumer against the emulator (abort-and-wait, command results)', async () => {
    const { stdout } = await run(process.execPath, ['dist/consumer.js'], { cwd: consumer, timeoutInMs: 120_000 });
    console.log(`  ${stdout.trim().split('\n').at(-1)}`);
  })();

  await step('require() every package from CommonJS (require(esm), Node >= 20.19)', async () => {
    const names = packages.map((pkg) => pkg.name);
    writeFileSync(join(consumer, 'require-check.cjs'), [
      '// The READMEs promise that CommonJS can require() these ESM-only packages on Node >= 20.19.',
      `for (const name of ${JSON.stringify(names)}) {`,
      '  const exports = Object.keys(require(name));',
      "  if (exports.length === 0) throw new Error(`${name}: require() gave no exports`);",
      '}',
      `console.log('required ${names.length} packages');`,
      '',
    ].join('\n'));
    await run(process.execPath, ['require-check.cjs'], { cwd: consumer, timeoutInMs: 30_000 });
  })();

  if (cli) {
    await step('npx azlro --version and --help', async () => {
      const version = (await run('npx', ['--no-install', 'azlro', '--version'], { cwd: consumer, env, timeoutInMs: 30_000 })).stdout.trim();
      if (!version.split(/\s+/).includes(cli.version) && version !== cli.version) {
        throw new Error(`npx azlro --version printed ${JSON.stringify(version)}, expected ${cli.version}`);
      }
      const help = (await run('npx', ['--no-install', 'azlro', '--help'], { cwd: consumer, env, timeoutInMs: 30_000 })).stdout;
      if (!/azlro/.test(help)) throw new Error(`npx azlro --help printed no usage:\n${tail(help)}`);
      console.log(`  azlro --version: ${version}; --help: ${help.trim().split('\n').length} lines`);
    })();
  }
}

const deadline = setTimeout(() => {
  console.error(`registry-test: deadline of ${seconds(DEADLINE_IN_MS)} passed`);
  finish(1, 'deadline passed');
}, DEADLINE_IN_MS);

let finishing = false;
async function finish(code, reason) {
  if (finishing) return;
  finishing = true;
  clearTimeout(deadline);
  try {
    await cleanup();
  } catch (error) {
    console.error(`registry-test: cleanup failed: ${error instanceof Error ? error.message : error}`);
  }
  const timings = steps.map(([name, ms]) => `${name.split(' ')[0]} ${seconds(ms)}`).join(', ');
  const where = args.has('--keep') && directory ? ` (kept: ${directory})` : '';
  const skipped = args.has('--skip-cli') ? ' WITHOUT @azlro/cli (--skip-cli)' : '';
  console.log(code === 0
    ? `registry-test: PASS${skipped} in ${seconds(Date.now() - started)} [${timings}]${where}`
    : `registry-test: FAIL (${reason}) after ${seconds(Date.now() - started)} [${timings}]${where}`);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => finish(1, signal));

main().then(
  () => finish(0),
  (error) => {
    console.error(`registry-test: ${error instanceof Error ? error.message : error}`);
    if (registry) console.error(`registry-test: Verdaccio output:\n${tail(registry.output(), 20)}`);
    finish(1, (error instanceof Error ? error.message : String(error)).split('\n')[0]);
  },
);
