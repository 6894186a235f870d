import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { redactText } from '@azlro/http/internal';
import { nonNegative } from './options.js';

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
  /** How long to wait for Prism to read the spec and listen. @default 30000 */
  startTimeoutInMs?: number;
  /** Stops the start-up: nothing is left listening and the promise rejects with the signal's reason. @default none */
  abortSignal?: AbortSignal | undefined;
}

/** A running Prism server (in this process). */
export interface RunningPrism {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** The end of what Prism logged (one JSON line per event), redacted (for diagnosing a failure). */
  output(): string;
  /** Stops listening; resolves once the port is closed. Idempotent. */
  close(): Promise<void>;
}

/** Prism logs a line per request; only the tail is kept. */
const MAX_OUTPUT_CHARS = 16_000;

type PrismHttp = typeof import('@stoplight/prism-http');
type PrismHttpServer = typeof import('@stoplight/prism-http-server');
type PrismCore = typeof import('@stoplight/prism-core');
type HttpConfig = import('@stoplight/prism-http').IHttpConfig;

/** Prism's modules, loaded on the first start only (about a second of CPU), then shared by every server of this process. */
let prismModules: { http: PrismHttp; server: PrismHttpServer; core: PrismCore } | undefined;
function prism(): NonNullable<typeof prismModules> {
  if (!prismModules) {
    const require = createRequire(import.meta.url);
    prismModules = {
      http: require('@stoplight/prism-http') as PrismHttp,
      server: require('@stoplight/prism-http-server') as PrismHttpServer,
      core: require('@stoplight/prism-core') as PrismCore,
    };
  }
  return prismModules;
}

/** Rejects when `signal` aborts, with its reason; `work` settling later is ignored. */
function until<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Starts Prism (the pinned `@stoplight/prism-http-server`, configured as `prism mock` / `prism
 * proxy` configure it) in this process on 127.0.0.1: a mock of `spec`, or a proxy that validates
 * requests and responses against it and (by default) turns violations into errors. Prism's modules
 * load once per process, not once per server.
 *
 * @throws TypeError when `upstream` is missing in proxy mode; TypeError/RangeError when
 *   `startTimeoutInMs` is not a finite number ≥ 0; the abort reason when `abortSignal`
 *   aborts; an Error when the spec cannot be read or the start takes over `startTimeoutInMs`.
 */
export async function startPrism(options: StartPrismOptions): Promise<RunningPrism> {
  const { mode = 'proxy', port = 0 } = options;
  const startTimeoutInMs = nonNegative('startPrism: startTimeoutInMs', options.startTimeoutInMs, 30_000);
  if (mode === 'proxy' && !options.upstream) throw new TypeError('startPrism: `upstream` is required in proxy mode');
  const upstream = mode === 'proxy' ? new URL(options.upstream!) : undefined;
  options.abortSignal?.throwIfAborted();

  let output = '';
  const log = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output = (output + chunk.toString()).slice(-MAX_OUTPUT_CHARS);
      done();
    },
  });
  const limit = new AbortController();
  const tooSlow = () => new Error(`Prism did not start within ${startTimeoutInMs} ms:\n${redactText(output)}`);
  const startedAt = performance.now();
  const timer = setTimeout(() => limit.abort(tooSlow()), startTimeoutInMs);
  const signal = options.abortSignal ? AbortSignal.any([options.abortSignal, limit.signal]) : limit.signal;
  let server: ReturnType<PrismHttpServer['createServer']> | undefined;
  let listening: Promise<string> | undefined;
  try {
    // Let a caller's timers run first: a start in progress is abortable.
    await until(new Promise((resolve) => setImmediate(resolve)), signal);
    const { http, server: httpServer, core } = prism();
    const operations = await until(http.getHttpOperationsFromSpec(options.spec), signal);
    if (operations.length === 0) throw new Error(`startPrism: no operations in ${options.spec}`);
    const errors = options.errors ?? mode === 'proxy';
    const shared = {
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors,
      upstreamProxy: undefined,
      mock: { dynamic: false, ignoreExamples: false },
    };
    const config: HttpConfig = upstream ? { ...shared, isProxy: true, upstream } : { ...shared, isProxy: false };
    const logger = core.createLogger('CLI', { level: 'info' }, log);
    server = httpServer.createServer(operations, { cors: true, config, components: { logger: logger.child({ name: 'HTTP SERVER' }) } });
    listening = server.listen(port, '127.0.0.1');
    const url = await until(listening, signal);
    // The timer can lose the race to a start that finishes within its first millisecond (a timer
    // of 0 runs after 1 ms at best), so the limit is also checked here: a start is never accepted
    // after its limit, whichever of the two ran first.
    if (performance.now() - startedAt > startTimeoutInMs) throw tooSlow();
    let closing: Promise<void> | undefined;
    const running = server;
    return { url, output: () => redactText(output), close: () => (closing ??= running.close()) };
  } catch (error) {
    // A server whose listen() already started is closed once it listens (or fails to).
    if (server && listening) await listening.then(() => server!.close(), () => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
