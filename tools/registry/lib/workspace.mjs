// What the packaging checks share: the published packages in dependency order, packing them the
// way `npm publish` does, and running a command with a deadline.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Every non-private package under packages/, dependencies before dependents (so a registry that
 * checked dependencies on publish would accept them in this order).
 * @returns {{ name: string, version: string, dir: string, manifest: any }[]}
 */
export function publishedPackages() {
  const root = join(WORKSPACE_ROOT, 'packages');
  const all = readdirSync(root)
    .map((entry) => join(root, entry))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return { name: manifest.name, version: manifest.version, dir, manifest };
    })
    .filter((pkg) => pkg.manifest.private !== true);
  const byName = new Map(all.map((pkg) => [pkg.name, pkg]));
  const ordered = [];
  const visiting = new Set();
  const visit = (pkg) => {
    if (ordered.includes(pkg)) return;
    if (visiting.has(pkg.name)) throw new Error(`dependency cycle through ${pkg.name}`);
    visiting.add(pkg.name);
    for (const dep of Object.keys({ ...pkg.manifest.dependencies, ...pkg.manifest.peerDependencies })) {
      const local = byName.get(dep);
      if (local) visit(local);
    }
    visiting.delete(pkg.name);
    ordered.push(pkg);
  };
  for (const pkg of [...all].sort((a, b) => a.name.localeCompare(b.name))) visit(pkg);
  return ordered;
}

/** Children of {@link run} still running, so an interrupted script can stop them. */
const running = new Set();

/** Kills the process group of every command {@link run} started that is still running. */
export function killRunning() {
  for (const child of running) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  running.clear();
}

/**
 * Runs a command; resolves with its output, rejects (with the output) on a non-zero exit, a
 * signal, or the deadline. The child gets its own process group so a timeout kills all of it.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutInMs?: number, allowFailure?: boolean }} [options]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
export function run(command, args, { cwd = WORKSPACE_ROOT, env = process.env, timeoutInMs = 120_000, allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    child.once('exit', () => running.delete(child));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutInMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = { code, stdout, stderr };
      if (timedOut || (!allowFailure && code !== 0)) {
        const why = timedOut ? `timed out after ${timeoutInMs} ms` : `exited with ${code ?? signal}`;
        const error = new Error(`${command} ${args.join(' ')} ${why}\n${tail(stdout)}\n${tail(stderr)}`.trimEnd());
        Object.assign(error, result);
        reject(error);
      } else {
        resolve(result);
      }
    });
  });
}

/** The last lines of some output, without npm's noise about this machine's user config. */
export function tail(text, lines = 40) {
  return text
    .split('\n')
    .filter((line) => !/^npm warn Unknown (user|env) config/.test(line))
    .slice(-lines)
    .join('\n')
    .trim();
}

/**
 * `npm pack` into `destination`: the exact tarball `npm publish` would upload.
 * @returns {Promise<{ tarball: string, files: string[] }>}
 */
export async function pack(dir, destination, env) {
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { cwd: dir, env });
  const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
  return { tarball: join(destination, info.filename), files: info.files.map((file) => file.path) };
}

/** Builds every package with nx (cached: a second run is all cache hits). */
export function buildAll() {
  return run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], {
    env: { ...process.env, NX_TUI: 'false', NX_DAEMON: 'false' },
    timeoutInMs: 600_000,
  });
}

/** Milliseconds as seconds with one decimal, for the summary lines. */
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
