import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';

/** The built binary: the contract tests run the real process (the test target depends on build). */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** A token no one could mistake for anything else: every test checks it never shows up in output. */
export const SECRET_TOKEN = 'eyJ0eXAiOi.azlro-cli-secret-token-8d2f4b.c2lnbmF0dXJl';
/** A Batch key the tests use with the test server (base64 of a sentence saying what it is). */
export const SECRET_KEY = Buffer.from('azlro cli test: a Batch account key that must never be printed').toString('base64');

/**
 * The emulator start-up limit of every CLI process the tests start (`AZLRO_EMULATOR_START_TIMEOUT_MS`):
 * 10 minutes, so a machine loaded far beyond a CI runner still starts it; the test's own limit stops a hang.
 */
const EMULATOR_START_LIMIT = '600000';

export const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

/** What a finished `azlro` process did. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationInMs: number;
}

/** A running `azlro` process. */
export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  /** What it printed so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves once the output (stdout + stderr so far) matches. */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr'): Promise<void>;
  done: Promise<CliRun>;
}

export interface SpawnOptions {
  /** Added to a minimal environment (PATH only, AZLRO_ACCESS_TOKEN = SECRET_TOKEN unless set to undefined, and a 10-minute AZLRO_EMULATOR_START_TIMEOUT_MS). */
  env?: Record<string, string | undefined>;
  /** Killed (SIGKILL) after this long: a hung CLI fails the test instead of the run. @default 30000 */
  limitInMs?: number;
  /** The working folder (`--file .` reads it). @default the test's */
  cwd?: string;
}

/** Starts `node dist/bin.js ...args`. NODE_EXTRA_CA_CERTS is left out: it slows every Node start here. */
export function spawnCli(args: readonly string[], options: SpawnOptions = {}): CliProcess {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries({ PATH: process.env.PATH, AZLRO_ACCESS_TOKEN: SECRET_TOKEN, AZLRO_EMULATOR_START_TIMEOUT_MS: EMULATOR_START_LIMIT, ...options.env })) {
    if (value !== undefined) env[name] = value;
  }
  const startedAt = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'], ...(options.cwd ? { cwd: options.cwd } : {}) });
  const output = { stdout: '', stderr: '' };
  const waiters: { pattern: RegExp; stream?: 'stdout' | 'stderr'; resolve: () => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      const text = waiter.stream ? output[waiter.stream] : output.stdout + output.stderr;
      if (waiter.pattern.test(text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => ((output.stdout += chunk), check()));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => ((output.stderr += chunk), check()));
  const killer = setTimeout(() => child.kill('SIGKILL'), options.limitInMs ?? 30_000);
  const done = new Promise<CliRun>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, ...output, durationInMs: performance.now() - startedAt });
    });
  });
  return {
    child,
    done,
    get stdout() {
      return output.stdout;
    },
    get stderr() {
      return output.stderr;
    },
    waitFor(pattern, stream) {
      return new Promise<void>((resolve, reject) => {
        waiters.push({ pattern, stream, resolve });
        check();
        done.then(() => reject(new Error(`azlro exited before printing ${pattern}:\n${output.stdout}\n${output.stderr}`)), reject);
      });
    },
  };
}

/** Runs `azlro ...args` to the end. */
export function runCli(args: readonly string[], options?: SpawnOptions): Promise<CliRun> {
  return spawnCli(args, options).done;
}

/** The one JSON object a `--output json` run printed on stdout (fails the test if there is anything else). */
export function jsonOf(run: CliRun): Record<string, any> {
  try {
    return JSON.parse(run.stdout) as Record<string, any>;
  } catch {
    throw new Error(`stdout is not one JSON object:\n${run.stdout}\n--- stderr:\n${run.stderr}`);
  }
}

/** No credential anywhere in what the process printed. */
export function expectNoSecrets(run: CliRun, ...secrets: string[]): void {
  for (const secret of [SECRET_TOKEN, SECRET_KEY, ...secrets]) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

/** Exit code with the output attached, so a failure shows why. */
export function expectExit(run: CliRun, code: number): void {
  // toMatchObject would omit the matching-irrelevant stdout/stderr from the report: name them in the message.
  expect(run.code, `exit code (stdout: ${run.stdout.slice(0, 4000)}\nstderr: ${run.stderr.slice(0, 4000)})`).toBe(code);
}

/**
 * A loopback test server per test, all closed after the file: "nothing was sent" is then a plain
 * count whatever runs concurrently, and servers outlive the concurrent tests of the file.
 * Call at the top level of a test file.
 */
export function serverPerTest(): () => Promise<TestServer> {
  const servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async () => {
    const s = await startTestServer();
    servers.push(s);
    return s;
  };
}
