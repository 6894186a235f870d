// How pipelines break the command: a reader that closes stdout early (`azlro … | head -1`, `| true`),
// a full disk, and environment knobs set to values that mean nothing. Real processes, loopback servers.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { TestServer } from '@azlro/test-server';
import { BIN, expectExit, runCli, serverPerTest, spawnCli, SUBSCRIPTION, type CliRun } from './helpers.js';

const server = serverPerTest();
const ABORT_PATH = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedclusters/c1/abort`;

/** A server where the abort answers 204 (nothing to abort) at once: one request, succeeded. */
async function abortServer(): Promise<TestServer> {
  const s = await server();
  s.route('POST', ABORT_PATH, { status: 204, headers: { 'x-ms-request-id': 'req-204' } });
  return s;
}
const abortArgs = (s: TestServer) => ['aks', 'abort', '--endpoint', s.url, '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1'];

/** Node's report of an unhandled stream error: what a closed or full stdout must never produce. */
const CRASH = /node:events|Unhandled 'error' event|\n\s+at /;

describe.concurrent('stdout closed by the reader (| head -1, | true)', () => {
  // The read end is closed before the CLI writes anything, as `azlro … | true` does: every write is EPIPE.
  const closedStdout = (args: readonly string[]) => {
    const cli = spawnCli(args);
    cli.child.stdout.destroy();
    return cli.done;
  };

  test('--help: exits 0 quietly, no stack trace', async () => {
    const run = await closedStdout(['--help']);
    expectExit(run, 0);
    expect(run.stderr).not.toMatch(CRASH);
  });

  test('a finished operation keeps its exit code (0) and stderr its progress, with no stack trace', async () => {
    const s = await abortServer();
    const run = await closedStdout([...abortArgs(s), '-o', 'json']);
    expectExit(run, 0);
    expect(run.stderr).not.toMatch(CRASH);
    expect(run.stderr).toMatch(/aks abort: succeeded/);
    expect(s.requests).toHaveLength(1);
  });
});

describe.concurrent('stdout that cannot be written (a full disk)', () => {
  test.skipIf(!existsSync('/dev/full'))('ENOSPC: one line on stderr naming stdout and the error, exit non-zero, no stack trace', async () => {
    const s = await abortServer();
    const full = openSync('/dev/full', 'w');
    const run = await new Promise<CliRun>((resolve, reject) => {
      const startedAt = performance.now();
      const child = spawn(process.execPath, [BIN, ...abortArgs(s), '-o', 'json'], { env: { PATH: process.env.PATH, AZLRO_ACCESS_TOKEN: 'token' }, stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.once('error', reject);
      child.once('close', (code, signal) => {
        clearTimeout(killer);
        resolve({ code, signal, stdout: '', stderr, durationInMs: performance.now() - startedAt });
      });
    });
    closeSync(full);
    expect(run.stderr).not.toMatch(CRASH);
    expect(run.stderr).toMatch(/azlro: error: could not write the result to stdout: ENOSPC/);
    expect(run.code).not.toBe(0);
  });
});
