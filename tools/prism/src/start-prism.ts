import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Options for {@link startPrism}. */
export interface StartPrismOptions {
  /** Absolute path of the OpenAPI document to serve. */
  spec: string;
  /**
   * `mock` answers from the spec's examples; `proxy` forwards to `upstream` and validates both
   * the request and the response against the spec.
   * @default 'mock'
   */
  mode?: 'mock' | 'proxy';
  /** Base URL of the real server behind the proxy (required with `mode: 'proxy'`). */
  upstream?: string;
  /**
   * Turn request/response violations into error responses (Prism's `--errors`).
   * @default true in proxy mode, false in mock mode
   */
  errors?: boolean;
  /**
   * How long to wait for Prism to say it is listening.
   * @default 30000
   */
  startTimeoutInMs?: number;
}

/** A running Prism process. */
export interface RunningPrism {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Process id of the Prism process. */
  readonly pid: number;
  /** Everything Prism printed so far (for diagnosing a failed test). */
  readonly output: () => string;
  /** Stops the process (SIGTERM, then SIGKILL after 3 s) and waits for it to exit. */
  close(): Promise<void>;
}

const LISTENING = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/;
const live = new Set<ChildProcess>();

// Last line of defence: a test runner that dies without running teardown must not leave Prism behind.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

function prismEntry(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
}

/**
 * Spawns the pinned Prism CLI with `node` directly (not `npx`, whose extra processes can outlive a
 * kill) on 127.0.0.1 and port 0, so parallel test runs never collide.
 */
export async function startPrism(options: StartPrismOptions): Promise<RunningPrism> {
  const mode = options.mode ?? 'mock';
  if (mode === 'proxy' && !options.upstream) {
    throw new TypeError('startPrism: `upstream` is required in proxy mode');
  }
  const args = [prismEntry(), mode, options.spec];
  if (mode === 'proxy') args.push(options.upstream!);
  args.push('-h', '127.0.0.1', '-p', '0');
  if (options.errors ?? mode === 'proxy') args.push('--errors');

  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => live.delete(child));

  const close = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Prism did not start within ${options.startTimeoutInMs ?? 30_000} ms:\n${output}`)),
      options.startTimeoutInMs ?? 30_000,
    );
    const onData = (chunk: Buffer): void => {
      // Keep draining after start-up too: a full pipe would block Prism.
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with code ${code} before listening:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await close();
    throw error;
  });

  return { url, pid: child.pid!, output: () => output, close };
}
