// 8. Install size: what `npm install` puts on disk, azlro as published (every package packed and
// published to a throwaway Verdaccio on 127.0.0.1, as the registry test does) next to the official
// SDK installed the same way (through that Verdaccio's uplink to the registry npm is configured
// with). Each install is cold: its own empty directory and npm cache. Bytes are the sum of the file
// sizes under node_modules; packages are the lockfile's entries.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startVerdaccio } from '../../registry/lib/verdaccio.mjs';
import { killRunning, publishedPackages, run } from '../../registry/lib/workspace.mjs';
import { formatNumber, formatRatio, ratio } from '../lib/stats.mjs';
import { markdownTable } from '../lib/table.mjs';

/** The official SDK's versions: the ones the other benchmarks use (25.3.0 is the last that declares Node 20). */
const OFFICIAL = { arm: '@azure/arm-containerservice@25.3.0', identity: '@azure/identity@4.13.1' };

/** What is installed, each in a fresh directory; `pair` names the row it is compared with. */
const INSTALLS = [
  { key: 'cli', packages: ['@azlro/cli'], what: '@azlro/cli (the command, DefaultAzureCredential included)' },
  { key: 'official-cli', packages: [OFFICIAL.arm, OFFICIAL.identity], what: `${OFFICIAL.arm} + ${OFFICIAL.identity}` },
  { key: 'lro', packages: ['@azlro/lro'], what: '@azlro/lro (the library: pollers and the three clients)' },
  { key: 'official-lro', packages: [OFFICIAL.arm], what: OFFICIAL.arm },
];

/** npm, isolated from the user's config and cache. */
function npmEnv(userconfig, cache, registryUrl) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  return {
    ...env, npm_config_userconfig: userconfig, npm_config_cache: cache, npm_config_registry: registryUrl,
    npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'warn',
  };
}

function bytesUnder(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Installs `packages` into a fresh directory with a fresh cache; returns size, count and time. */
async function install(directory, registry, userconfig, packages) {
  mkdirSync(directory);
  writeFileSync(join(directory, 'package.json'), JSON.stringify({ name: 'install-size', private: true, type: 'module' }));
  const env = npmEnv(userconfig, join(directory, '.npm-cache'), registry.url);
  const started = performance.now();
  await run('npm', ['install', ...packages, '--registry', registry.url, '--userconfig', userconfig], { cwd: directory, env, timeoutInMs: 300_000 });
  const seconds = (performance.now() - started) / 1000;
  const lock = JSON.parse(readFileSync(join(directory, 'package-lock.json'), 'utf8'));
  const installed = Object.entries(lock.packages).filter(([path, info]) => path !== '' && !info.link);
  return { bytes: bytesUnder(join(directory, 'node_modules')), count: installed.length, seconds, env, names: installed.map(([path]) => path.replace(/^.*node_modules\//, '')) };
}

const mb = (bytes) => `${formatNumber(bytes / 1e6)} MB`;

export async function installSize(ctx) {
  const directory = realpathSync(mkdtempSync(join(tmpdir(), 'azlro-install-size-')));
  const upstream = (await run('npm', ['config', 'get', 'registry'], { timeoutInMs: 30_000 })).stdout.trim();
  if (!/^https?:\/\//.test(upstream)) throw new Error(`npm config get registry printed ${JSON.stringify(upstream)}`);
  let registry;
  try {
    registry = await startVerdaccio({ directory: join(directory, 'verdaccio'), upstream });
    const userconfig = join(directory, '.npmrc');
    writeFileSync(userconfig, `registry=${registry.url}\n${registry.url.replace(/^http:/, '')}:_authToken=install-size\n`);
    const publishEnv = npmEnv(userconfig, join(directory, 'publish-cache'), registry.url);
    for (const pkg of publishedPackages()) {
      await run('npm', ['publish', '--registry', registry.url, '--userconfig', userconfig], { cwd: pkg.dir, env: publishEnv, timeoutInMs: 60_000 });
    }
    ctx.log('install size: published the @azlro packages to a local Verdaccio');

    const results = {};
    for (const { key, packages } of INSTALLS) {
      results[key] = await install(join(directory, key), registry, userconfig, packages);
      ctx.log(`install size: ${packages.join(' ')}: ${mb(results[key].bytes)}, ${results[key].count} packages, ${results[key].seconds.toFixed(1)} s`);
    }
    // The light install still works as a command, and says how to get the emulator it left out.
    const cli = results.cli;
    const version = await run('npx', ['--no-install', 'azlro', '--version'], { cwd: join(directory, 'cli'), env: cli.env, timeoutInMs: 30_000 });
    const demo = await run('npx', ['--no-install', 'azlro', 'demo'], { cwd: join(directory, 'cli'), env: cli.env, timeoutInMs: 30_000, allowFailure: true });
    if (!/^\d+\.\d+\.\d+/.test(version.stdout.trim())) throw new Error(`azlro --version printed ${JSON.stringify(version.stdout)}`);
    if (demo.code !== 2 || !demo.stderr.includes('npm install @azlro/emulator')) throw new Error(`azlro demo without the emulator: exit ${demo.code}\n${demo.stderr}`);
    // Prism only with the emulator; @azure/core-auth (and its runtime dependencies) only through
    // @azure/identity, never for azlro itself, which uses its types alone.
    const unwanted = { cli: ['@stoplight/prism-cli', '@azlro/emulator'], lro: ['@stoplight/prism-cli', '@azlro/emulator', '@azure/core-auth'] };
    for (const [key, names] of Object.entries(unwanted)) {
      for (const name of names) if (results[key].names.includes(name)) throw new Error(`@azlro/${key} installed ${name}`);
    }

    const rows = [
      ['cli', 'official-cli'],
      ['lro', 'official-lro'],
    ].flatMap(([ours, theirs]) => [ours, theirs].map((key) => {
      const r = results[key];
      const pair = results[key === ours ? theirs : ours];
      return [INSTALLS.find((i) => i.key === key).what, mb(r.bytes), String(r.count), `${r.seconds.toFixed(1)} s`,
        key === ours ? `${formatRatio(ratio(r.bytes, pair.bytes))} bytes, ${formatRatio(ratio(r.count, pair.count))} packages` : ''];
    }));
    const cliMet = results.cli.bytes <= results['official-cli'].bytes && results.cli.count <= results['official-cli'].count;
    return {
      title: '8. Install size',
      numbers: Object.values(results).flatMap((r) => [r.bytes, r.count, r.seconds]),
      sections: [
        markdownTable(['npm install', 'on disk', 'packages', 'time (cold cache)', 'azlro / official'], rows),
        `Each install in an empty directory with an empty npm cache, from a local Verdaccio: @azlro/* as packed by \`npm publish\`, ` +
          'everything else through its uplink to the configured registry (install time includes that network). On disk: the sum of ' +
          'file sizes under node_modules; packages: package-lock.json entries. @azlro/cli bundles the @azlro libraries into its own ' +
          'dist/ and leaves the emulator (Prism) to an optional peer: `azlro demo` there exits 2 saying `npm install @azlro/emulator` (checked).',
        `@azlro/cli installs: ${results.cli.names.sort().join(', ')}.`,
        `@azlro/lro installs: ${results.lro.names.sort().join(', ')}.`,
      ],
      targets: [{
        benchmark: 'install size', what: '@azlro/cli vs arm-containerservice + identity (bytes, packages)', target: '≤ 1× both',
        actual: `${formatRatio(ratio(results.cli.bytes, results['official-cli'].bytes))} bytes, ${results.cli.count} vs ${results['official-cli'].count} packages`, met: cliMet,
      }],
    };
  } finally {
    killRunning();
    await registry?.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}
