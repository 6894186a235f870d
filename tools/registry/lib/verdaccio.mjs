// A throwaway Verdaccio on 127.0.0.1: storage in a temp directory, @azlro/* served only from what
// is published to it, everything else proxied to the registry npm is configured with (read at
// run time with `npm config get registry`, never written into the repository).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const VERDACCIO_BIN = join(require.resolve('verdaccio/package.json'), '..', 'bin', 'verdaccio');

/** Verdaccio 6 logs its configured address, so `--listen 127.0.0.1:0` would print `:0`: pick a port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The YAML config. JSON is valid YAML, so no YAML library is needed. */
function config({ storage, upstream }) {
  return {
    storage,
    auth: { htpasswd: { file: join(storage, '..', 'htpasswd'), max_users: -1 } },
    uplinks: { upstream: { url: upstream, timeout: '60s', max_fails: 5, fail_timeout: '30s' } },
    packages: {
      // Ours: no proxy, so nothing of @azlro can come from anywhere but this test's publishes.
      '@azlro/*': { access: '$all', publish: '$all' },
      '**': { access: '$all', publish: '$none', proxy: 'upstream' },
    },
    publish: { allow_offline: true },
    web: { enable: false },
    middlewares: { audit: { enabled: false } },
    max_body_size: '50mb',
    log: { type: 'stdout', format: 'json', level: 'warn' },
  };
}

async function waitUntilReady(url, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return true;
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * Starts Verdaccio (`node <verdaccio bin>`, its own process group) and resolves once `/-/ping`
 * answers. Retries on another port if the picked one was taken in between.
 * @param {{ directory: string, upstream: string, startTimeoutInMs?: number }} options
 * @returns {Promise<{ url: string, port: number, pid: number, output: () => string, stop: () => Promise<void> }>}
 */
export async function startVerdaccio({ directory, upstream, startTimeoutInMs = 30_000 }) {
  const storage = join(directory, 'storage');
  mkdirSync(storage, { recursive: true });
  const configFile = join(directory, 'config.yaml');
  writeFileSync(configFile, JSON.stringify(config({ storage, upstream }), null, 2));

  let lastOutput = '';
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const child = spawn(process.execPath, [VERDACCIO_BIN, '--config', configFile, '--listen', `127.0.0.1:${port}`], {
      cwd: directory,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
      const killer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 3_000);
      await exited;
      clearTimeout(killer);
    };
    if (await waitUntilReady(url, child, Date.now() + startTimeoutInMs)) {
      return { url, port, pid: child.pid, output: () => output, stop };
    }
    await stop();
    lastOutput = output;
    if (!/EADDRINUSE/.test(output)) break;
  }
  throw new Error(`Verdaccio did not start:\n${lastOutput.trim()}`);
}
