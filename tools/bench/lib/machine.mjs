import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';

/** The azlro packages the benchmarks measure. */
const MEASURED = ['http', 'containerservice', 'batch', 'cloudpartner', 'lro'];

/** What the numbers were measured on, and with which versions. */
export function describeMachine(root) {
  // Resolved as the benchmarks resolve them: from tools/bench (its own devDependencies may be nested there).
  const require = createRequire(join(root, 'tools', 'bench', 'package.json'));
  const version = (name) => {
    try {
      return require(`${name}/package.json`).version;
    } catch {
      return 'not installed';
    }
  };
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {}
  return {
    date: new Date().toISOString(),
    cpus: cpus().length,
    cpuModel: model.trim(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${process.platform} ${release()}`,
    node: process.version,
    loadAverage: loadavg().map((l) => l.toFixed(2)).join(' '),
    commit: `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', ...MEASURED.map((p) => `packages/${p}`)) ? ' (the measured packages have uncommitted changes)' : ''}`,
    versions: Object.fromEntries(
      ['@azlro/http', '@azlro/containerservice', '@azlro/batch', '@azlro/cloudpartner', '@azlro/lro', '@azure/arm-containerservice',
        '@azure/batch', '@azure/core-rest-pipeline', '@azure/core-lro', '@azure/ms-rest-js', 'esbuild', 'nx', '@hey-api/openapi-ts']
        .map((name) => [name, version(name)]),
    ),
  };
}
