// How pipelines break the command: a reader that closes stdout early (`azlro … | head -1`, `| true`),
// a full disk, and environment knobs set to values that mean nothing. Real processes, loopback servers.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { TestServer } from '@azlro/test-server';
import { BIN, expectExit, expectNoSecrets, runCli, SECRET_KEY, SECRET_TOKEN, serverPerTest, spawnCli, SUBSCRIPTION, type CliRun } from './helpers.js';

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

describe.concurrent('environment knobs set to values that mean nothing', () => {
  // A pipeline that sets AZLRO_TRY_TIMEOUT_MS=30s expects a 30 s limit per try: silently using 60 s
  // instead hides the mistake until a hung request. Like a bad AZURE_CORE_OUTPUT: exit 2, nothing sent.
  test.each([
    ['AZLRO_TRY_TIMEOUT_MS', '30s', /AZLRO_TRY_TIMEOUT_MS must be a whole number of milliseconds, 1 or more; got "30s"/],
    ['AZLRO_TRY_TIMEOUT_MS', '0', /AZLRO_TRY_TIMEOUT_MS must be a whole number of milliseconds, 1 or more; got "0"/],
    ['AZLRO_MIN_POLL_INTERVAL_MS', '-1', /AZLRO_MIN_POLL_INTERVAL_MS must be a whole number of milliseconds, 0 or more; got "-1"/],
    ['AZLRO_EMULATOR_START_TIMEOUT_MS', '2m', /AZLRO_EMULATOR_START_TIMEOUT_MS must be a whole number of milliseconds, 1 or more; got "2m"/],
    ['AZLRO_LOG_LEVEL', 'loud', /AZLRO_LOG_LEVEL must be one of verbose, info, warning, error; got "loud"/],
  ])('%s=%s: exit 2 naming the variable, nothing sent', async (name, value, message) => {
    const s = await abortServer();
    const run = await runCli([...abortArgs(s), '-o', 'json'], { env: { [name]: value } });
    expectExit(run, 2);
    expect(run.stderr).toMatch(message);
    expect(JSON.parse(run.stdout)).toMatchObject({ exitCode: 2, error: { code: 'InvalidUsage' } });
    expect(s.requests).toHaveLength(0);
  });

  test('valid values, upper-case levels and empty variables are accepted', async () => {
    const s = await abortServer();
    const run = await runCli(abortArgs(s), { env: { AZLRO_TRY_TIMEOUT_MS: '30000', AZLRO_MIN_POLL_INTERVAL_MS: '', AZLRO_LOG_LEVEL: 'INFO' } });
    expectExit(run, 0);
    expect(run.stderr).toMatch(/azlro:http:info --> POST/);
    expect(s.requests).toHaveLength(1);
  });
});

/** util-linux `script`: runs a command on a pseudo-terminal, as a person's shell would. */
const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;

describe.concurrent('TERM=dumb (Emacs shell, some CI consoles): a terminal that understands no escape sequences', () => {
  /** Runs azlro on a pseudo-terminal with TERM set; returns what the terminal received. */
  const onTerminal = (args: readonly string[], term: string) => new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
    // Not spawnSync: the test server answers from this process's event loop.
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { PATH: process.env.PATH, TERM: term, AZLRO_ACCESS_TOKEN: 'token' }, stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('error', reject);
    child.once('close', (code) => (clearTimeout(killer), resolve({ code, output })));
  });

  test.skipIf(!hasScript)('no colour and no live line (no ESC at all); xterm on the same terminal still gets both', async () => {
    const s = await abortServer();
    const [dumb, xterm] = await Promise.all([onTerminal(abortArgs(s), 'dumb'), onTerminal(abortArgs(s), 'xterm')]);
    expect(xterm.code).toBe(0);
    expect(xterm.output).toMatch(/\x1b\[32m✔/); // the pseudo-terminal is one: colour when TERM allows it
    expect(dumb.code).toBe(0);
    expect(dumb.output).toMatch(/✔ aks abort succeeded/);
    expect(dumb.output).not.toContain('\x1b');
  });
});

/**
 * A server whose App Service managed-identity token endpoint (IDENTITY_ENDPOINT: plain http on
 * loopback, as on App Service) never answers, and the environment that makes DefaultAzureCredential
 * use it: a command stopped there has sent nothing.
 */
async function tokenNeverComes(): Promise<{ s: TestServer; env: Record<string, string | undefined> }> {
  const s = await server();
  s.route('GET', '/msi/token', { status: 200, delayInMs: 60_000, json: {} });
  s.route('POST', ABORT_PATH, { status: 204 });
  return { s, env: { AZLRO_ACCESS_TOKEN: undefined, IDENTITY_ENDPOINT: `${s.url}/msi/token`, IDENTITY_HEADER: 'header', HOME: '/nonexistent', AZURE_CONFIG_DIR: '/nonexistent' } };
}

/** Sends `signal` once the CLI asked for its token (or has exited), and waits for the end. */
async function signalWhileGettingToken(s: TestServer, cli: ReturnType<typeof spawnCli>, signal: NodeJS.Signals): Promise<CliRun> {
  while (!s.requests.some((r) => r.path === '/msi/token') && cli.child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 10));
  cli.child.kill(signal);
  return cli.done;
}

describe.concurrent('Ctrl-C / SIGTERM / --timeout before anything was sent (while the credential gets a token)', () => {
  test.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s: exit %i, the report says nothing was sent, not that the operation goes on', async (signal, code) => {
    const { s, env } = await tokenNeverComes();
    const run = await signalWhileGettingToken(s, spawnCli([...abortArgs(s), '-o', 'json'], { env }), signal);
    expectExit(run, code);
    expect(s.requests.filter((r) => r.path === ABORT_PATH)).toHaveLength(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ status: 'failed', exitCode: code, requests: 0, error: { code: 'Interrupted', message: expect.stringMatching(/before the request was sent/) } });
    expect(report.resumeToken).toBeUndefined();
  });

  test('text: no "the operation goes on at the service" when nothing was sent', async () => {
    const { s, env } = await tokenNeverComes();
    const run = await signalWhileGettingToken(s, spawnCli(abortArgs(s), { env }), 'SIGINT');
    expectExit(run, 130);
    expect(run.stdout + run.stderr).not.toMatch(/goes on at the service|may still have reached/);
    expect(run.stdout + run.stderr).toMatch(/interrupted before the request was sent/);
  });

  test('--timeout reached: exit 4, the report says nothing was sent', async () => {
    const { s, env } = await tokenNeverComes();
    const run = await runCli([...abortArgs(s), '-o', 'json', '--timeout', '0.5'], { env });
    expectExit(run, 4);
    expect(s.requests.filter((r) => r.path === ABORT_PATH)).toHaveLength(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'failed', exitCode: 4, requests: 0, error: { code: 'Timeout', message: '--timeout reached before the request was sent: nothing was sent' } });
  });
});

describe.concurrent('--query on a usage error, wherever the error is found', () => {
  // `status=$(azlro … -o tsv --query status)`: one word on stdout whatever went wrong. A bad name
  // (-n) was already found after parsing, with --query applied; a missing value or a repeated flag
  // is found while parsing, and printed the whole report, ignoring --query.
  test.each([
    ['a missing value', ['-n', 'c1', '--command', '']],
    ['a repeated flag', ['-n', 'c1', '--command', 'ls', '--command', 'pwd']],
    ['a bad name', ['-n', 'héllo', '--command', 'ls']],
  ])('%s: -o tsv --query status prints exactly "failed"', async (_, more) => {
    const run = await runCli(['aks', 'command', 'invoke', '--endpoint', 'http://127.0.0.1:9', '--subscription', SUBSCRIPTION, '-g', 'rg1', ...more, '-o', 'tsv', '--query', 'status']);
    expectExit(run, 2);
    expect(run.stdout).toBe('failed\n');
    expect(run.stderr).toMatch(/^azlro: error: /);
  });

  test('--query alone (JSON): the queried value; an invalid --query itself: the whole report', async () => {
    const base = ['aks', 'abort', '--endpoint', 'http://127.0.0.1:9', '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', '-n', 'c2'];
    const [queried, badQuery] = await Promise.all([runCli([...base, '--query', 'error.code']), runCli([...base, '--query', 'error['])]);
    expectExit(queried, 2);
    expect(JSON.parse(queried.stdout)).toBe('InvalidUsage');
    expectExit(badQuery, 2);
    expect(JSON.parse(badQuery.stdout)).toMatchObject({ status: 'failed', exitCode: 2 });
  });
});

test('a credential flag given twice: the error names the flag and never echoes the values', async () => {
  const [token, key] = await Promise.all([
    runCli(['aks', 'abort', '--endpoint', 'http://127.0.0.1:9', '--subscription', SUBSCRIPTION, '-g', 'rg1', '-n', 'c1', '--access-token', SECRET_TOKEN, '--access-token', SECRET_TOKEN, '-o', 'json']),
    runCli(['batch', 'cancel-certificate-deletion', '--account-endpoint', 'http://127.0.0.1:9', '--thumbprint', '0123456789abcdef0123456789abcdef01234567', '--account-name', 'acct', '--account-key', SECRET_KEY, '--account-key', SECRET_KEY]),
  ]);
  expectExit(token, 2);
  expect(token.stderr).toMatch(/--access-token was given 2 times; it takes one value/);
  expectExit(key, 2);
  expect(key.stderr).toMatch(/--account-key was given 2 times; it takes one value/);
  expectNoSecrets(token);
  expectNoSecrets(key);
});
