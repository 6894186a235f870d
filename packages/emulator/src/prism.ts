import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { redactText } from '@azlro/http/internal';

/** Options of {@link startPrism}. */
export interface StartPrismOptions {
  /** Absolute path of the OpenAPI document to mock, or to validate requests and responses against. */
  spec: string;
  /**
   * `mock` answers from the spec's examples; `proxy` forwards to `upstream` and validates both
   * the request and the response against the spec.
   * @default 'proxy'
   */
  mode?: 'mock' | 'proxy';
  /** Base URL of the server behind the proxy (required with `mode: 'proxy'`). @default none */
  upstream?: string;
  /**
   * Turn request/response violations into error responses (Prism's `--errors`).
   * @default true in proxy mode, false in mock mode
   */
  errors?: boolean;
  /** Port on 127.0.0.1; `0` picks a free one, so parallel runs never collide. @default 0 */
  port?: number;
  /** How long to wait for Prism to say it is listening. @default 30000 */
  startTimeoutInMs?: number;
  /** Stops the start-up: the process is killed and the promise rejects with the signal's reason. @default none */
  abortSignal?: AbortSignal | undefined;
  /** Called if the process dies after it started listening (it should only stop through `close`). @default none */
  onUnexpectedExit?: (detail: string) => void;
}

/** A running Prism process. */
export interface RunningPrism {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly pid: number;
  /** The end of what Prism printed, redacted (for diagnosing a failure). */
  output(): string;
  /** SIGTERM, then SIGKILL after 3 s; resolves once the process has exited. */
  close(): Promise<void>;
}

const LISTENING = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/;
/** Prism prints a line per request; only the tail is kept. */
const MAX_OUTPUT_CHARS = 16_000;
const live = new Set<ChildProcess>();

// Last line of defence: a process that exits without calling close() must not leave Prism behind.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

function prismEntry(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
}

/**
 * Spawns the pinned Prism CLI (`node <prism-cli>/dist/index.js`, not `npx`, whose extra processes
 * can outlive a kill) on 127.0.0.1: a mock of `spec`, or a proxy that validates requests and
 * responses against it and (by default) turns violations into errors.
 */
export async function startPrism(options: StartPrismOptions): Promise<RunningPrism> {
  const { mode = 'proxy', port = 0, startTimeoutInMs = 30_000 } = options;
  if (mode === 'proxy' && !options.upstream) throw new TypeError('startPrism: `upstream` is required in proxy mode');
  options.abortSignal?.throwIfAborted();
  const args = [prismEntry(), mode, options.spec, ...(mode === 'proxy' ? [options.upstream!] : []), '-h', '127.0.0.1', '-p', String(port)];
  if (options.errors ?? mode === 'proxy') args.push('--errors');
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  let closing = false;
  let listening = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => live.delete(child));

  const close = async (): Promise<void> => {
    closing = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
  };

  let announce: ((url: string) => void) | undefined;
  const onData = (chunk: Buffer): void => {
    // Keep draining for the process's whole life: a full pipe would block Prism.
    output = (output + chunk.toString()).slice(-MAX_OUTPUT_CHARS);
    const match = announce && LISTENING.exec(output);
    if (match) announce!(match[1]!);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  let onAbort: (() => void) | undefined;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Prism did not start within ${startTimeoutInMs} ms:\n${redactText(output)}`)),
        startTimeoutInMs,
      );
      const settle = () => {
        clearTimeout(timer);
        announce = undefined;
      };
      announce = (url) => {
        settle();
        resolve(url);
      };
      child.once('error', (error) => {
        settle();
        reject(error);
      });
      child.once('exit', (code, signal) => {
        settle();
        reject(new Error(`Prism exited (${signal ?? `code ${code}`}) before listening:\n${redactText(output)}`));
      });
      onAbort = () => {
        settle();
        reject(options.abortSignal!.reason);
      };
      options.abortSignal?.addEventListener('abort', onAbort, { once: true });
    });
    listening = true;
    return { url, pid: child.pid!, output: () => redactText(output), close };
  } catch (error) {
    await close();
    throw error;
  } finally {
    if (onAbort) options.abortSignal?.removeEventListener('abort', onAbort);
    child.once('exit', (code, signal) => {
      if (listening && !closing) options.onUnexpectedExit?.(`Prism (pid ${child.pid}) exited unexpectedly (${signal ?? `code ${code}`}):\n${redactText(output)}`);
    });
  }
}
