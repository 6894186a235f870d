// The Node half of `#platform` (package.json `imports`, condition `node`; the build inlines it into
// dist/*.node.js, tools/build/build-package.mjs): an undici dispatcher for
// Node's fetch, so proxies and a connection cap work as users expect. Never loaded in browsers.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as AzureLoggerModule from '@azure/logger';
import type { Dispatcher, EnvHttpProxyAgent as EnvHttpProxyAgentType } from 'undici';
import { bufferedResponse } from './buffered-response.js';
import { onAbort } from './abortable.js';
import { isNeverAborted, type PipelineRequest } from './pipeline-request.js';
import { DEFAULT_MAX_CONNECTIONS_PER_ORIGIN, NULL_BODY_STATUSES, proxyUrl, type AbortLike, type AttemptController, type DirectSend, type TransportOptions } from './transport-options.js';

/**
 * The signal of one attempt on the direct sender (undici's `request`, which takes any object with
 * `aborted`, `reason` and `addEventListener`/`removeEventListener`): none of an AbortController's
 * per-call cost (a transferable EventTarget). Here, not in the transport, so browser bundles leave it out.
 */
class AttemptSignal implements AttemptController {
  aborted = false;
  /** The controller is its own signal. */
  readonly signal: AbortLike = this;
  reason: unknown = undefined;
  readonly #listeners = new Set<() => void>();
  addEventListener(_type: 'abort', listener: () => void): void {
    this.#listeners.add(listener);
  }
  removeEventListener(_type: 'abort', listener: () => void): void {
    this.#listeners.delete(listener);
  }
  abort(reason: unknown = new DOMException('This operation was aborted', 'AbortError')): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    for (const listener of this.#listeners) listener();
    this.#listeners.clear();
  }
}

/** The Response around a body the transport read whole: a {@link bufferedResponse} (no stream, body read once). */
export const platformResponse: (body: ArrayBuffer | null, init: ResponseInit) => Response = bufferedResponse;

/** Loopback is never proxied (as in Go's net/http): the emulator and test servers stay direct. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

let agentClass: typeof EnvHttpProxyAgentType | undefined;

/**
 * undici's `EnvHttpProxyAgent`, loaded when the first request is sent, from its own modules rather than the
 * package's index. The index also loads fetch, WebSocket, the cache and mocks (about 3× the time), and it installs its own `Agent` as the process's global dispatcher when Node's
 * fetch has not made one yet, which would change every other `fetch` in the process: azlro changes
 * nothing outside its own requests. The one piece of wiring the index does that a proxy needs, the
 * `connect` method (the CONNECT tunnel), is added the same way. undici is pinned (7.30.2, no
 * `exports` map); test/proxy.test.ts fails if a new version moves these modules.
 */
function loadAgentClass(): typeof EnvHttpProxyAgentType {
  if (agentClass) return agentClass;
  const require = createRequire(import.meta.url);
  const dispatcher = require('undici/lib/dispatcher/dispatcher.js') as { prototype: { connect?: unknown; request?: unknown } };
  dispatcher.prototype.connect ??= require('undici/lib/api/api-connect.js');
  // `request`, which the transport sends with (platformSend): no fetch, Request or web streams.
  dispatcher.prototype.request ??= require('undici/lib/api/api-request.js');
  agentClass = require('undici/lib/dispatcher/env-http-proxy-agent.js') as typeof EnvHttpProxyAgentType;
  return agentClass;
}

/** One dispatcher per distinct transport setting, for the whole process: clients share connections. */
const dispatchers = new Map<string, LazyDispatcher>();

/**
 * Stands in for the shared undici dispatcher of one transport setting and makes it on its first
 * request: undici's modules (about 30, ~90 ms of CPU to load on this project's machines) load when a
 * process first sends, not when it imports azlro or creates a client. Node's `fetch` only calls
 * `dispatch` on `init.dispatcher`; `close`/`destroy` reach the real agent once there is one.
 */
export class LazyDispatcher {
  #agent: Dispatcher | undefined;
  readonly #make: () => Dispatcher;

  constructor(make: () => Dispatcher) {
    this.#make = make;
  }

  /** The real dispatcher, made (and undici loaded) on first use. */
  get agent(): Dispatcher {
    return (this.#agent ??= this.#make());
  }

  dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return this.agent.dispatch(options, handler);
  }

  close(): Promise<void> {
    return this.#agent ? this.#agent.close() : Promise.resolve();
  }

  destroy(error?: Error | null): Promise<void> {
    return this.#agent ? this.#agent.destroy(error ?? null) : Promise.resolve();
  }
}

/**
 * The shared dispatcher for `options`: undici's `EnvHttpProxyAgent`, which reads `HTTPS_PROXY`,
 * `HTTP_PROXY` and `NO_PROXY` (when the first request of this setting is sent) unless
 * `proxyOptions` names a proxy, with `connections` per origin capped. Loaded lazily (see
 * {@link LazyDispatcher}).
 */
export function sharedDispatcher(options: TransportOptions): LazyDispatcher {
  const connections = options.maxConnectionsPerOrigin ?? DEFAULT_MAX_CONNECTIONS_PER_ORIGIN;
  const proxy = options.proxyOptions ? proxyUrl(options.proxyOptions) : undefined;
  const key = `${connections} ${proxy ?? 'environment'}`;
  let dispatcher = dispatchers.get(key);
  if (!dispatcher) {
    dispatcher = new LazyDispatcher(() => {
      const env = process.env;
      const noProxy = [env.NO_PROXY ?? env.no_proxy ?? '', ...LOOPBACK].filter(Boolean).join(',');
      const EnvHttpProxyAgent = loadAgentClass();
      return new EnvHttpProxyAgent({ connections, noProxy, ...(proxy ? { httpProxy: proxy, httpsProxy: proxy } : {}) });
    });
    dispatchers.set(key, dispatcher);
  }
  return dispatcher;
}

/** A request waiting for its turn at one origin (a node of {@link OriginGate}'s linked queue). */
interface Waiter {
  next: Waiter | undefined;
  grant: () => void;
  /** Set when the caller aborted while this waited: skipped when its turn comes. */
  gone: boolean;
}

/**
 * The turns of one origin: at most `limit` attempts (the dispatcher's connections to that origin)
 * are handed to fetch at a time; the others wait here, in order, in a linked queue (O(1) at any
 * length, unlike `Array#shift`). A waiting request is one small node, not an undici request with
 * its streams and timer: 100,000 concurrent operations queue cheaply, the event loop is not
 * blocked building them, and an attempt's `tryTimeoutInMs` starts when it gets its turn, so time
 * spent waiting for a free connection is never taken for a stalled server (issue 14).
 */
export class OriginGate {
  #running = 0;
  #head: Waiter | undefined;
  #tail: Waiter | undefined;
  constructor(private readonly limit: number) {}

  /**
   * Takes a turn: `undefined` when one is free now, else a promise that resolves when it is the
   * caller's, or rejects with `signal.reason` if `signal` aborts first (the turn is then never
   * taken). Every turn taken must be given back with {@link leave}.
   */
  enter(signal: AbortSignal): Promise<void> | undefined {
    if (this.#running < this.limit && this.#head === undefined) {
      this.#running++;
      return undefined;
    }
    if (signal.aborted) return Promise.reject(signal.reason);
    // A call made without a signal shares one that never aborts: no subscription. Others go through
    // onAbort, as a fleet may share one caller's signal.
    return new Promise((resolve, reject) => {
      const unsubscribe = isNeverAborted(signal)
        ? undefined
        : onAbort(signal, () => {
            waiter.gone = true;
            reject(signal.reason);
          });
      const waiter: Waiter = {
        next: undefined,
        gone: false,
        grant: () => {
          unsubscribe?.();
          resolve();
        },
      };
      if (this.#tail) this.#tail.next = waiter;
      else this.#head = waiter;
      this.#tail = waiter;
    });
  }

  /** Gives a turn back: the first waiter still there gets it. */
  leave(): void {
    let waiter = this.#head;
    while (waiter?.gone) waiter = waiter.next;
    this.#head = waiter?.next;
    if (this.#head === undefined) this.#tail = undefined;
    if (waiter) waiter.grant();
    else this.#running--;
  }
}

/** The gates of each dispatcher (same key as `dispatchers`), by origin. */
const gates = new Map<string, Map<string, OriginGate>>();

/**
 * For the dispatcher of `options`: the gate of a URL's origin (see {@link OriginGate}), whose
 * limit is that dispatcher's connections per origin.
 */
export function platformGates(options: TransportOptions): (url: string) => OriginGate {
  const connections = options.maxConnectionsPerOrigin ?? DEFAULT_MAX_CONNECTIONS_PER_ORIGIN;
  const key = `${connections} ${options.proxyOptions ? proxyUrl(options.proxyOptions) : 'environment'}`;
  let byOrigin = gates.get(key);
  if (!byOrigin) gates.set(key, (byOrigin = new Map()));
  const origins = byOrigin;
  return (url) => {
    const pathStart = url.indexOf('/', url.indexOf('//') + 2);
    const origin = pathStart === -1 ? url : url.slice(0, pathStart);
    let gate = origins.get(origin);
    if (!gate) origins.set(origin, (gate = new OriginGate(connections)));
    return gate;
  };
}

/** Extra `fetch` init for Node: the shared dispatcher (a custom `fetch` that forwards init passes it on). */
export async function platformFetchInit(options: TransportOptions): Promise<{ dispatcher: LazyDispatcher }> {
  return { dispatcher: sharedDispatcher(options) };
}

/**
 * Node's sender when the caller gave no `fetch`: the shared dispatcher's `request` (undici), so one
 * call costs no fetch machinery (Request, web streams, a second Response): the answer is a
 * bufferedResponse around the body read whole. Same wire behaviour as
 * fetch through that dispatcher (proxy, connection cap, no redirect followed), except that no
 * `accept-encoding` is sent, so bodies come uncompressed. A failure rejects as fetch does: a
 * TypeError('fetch failed') whose `cause` is undici's error (its `code`, e.g. ECONNREFUSED, kept).
 */
export async function platformSend(options: TransportOptions): Promise<DirectSend> {
  const dispatcher = sharedDispatcher(options);
  const send = async (request: PipelineRequest, signal: AbortLike): Promise<Response> => {
    try {
      const { origin, pathname, search } = new URL(request.url);
      const answer = await dispatcher.agent.request({
        origin,
        path: pathname + search,
        method: request.method as Dispatcher.HttpMethod,
        headers: request.headers as unknown as Iterable<[string, string]>,
        body: request.body ? new Uint8Array(request.body) : null,
        signal: signal as AbortSignal,
      });
      const status = answer.statusCode;
      const body = NULL_BODY_STATUSES.has(status) ? (await answer.body.dump(), null) : await answer.body.arrayBuffer();
      const headers = new Headers();
      for (const name in answer.headers) {
        const value = answer.headers[name];
        if (Array.isArray(value)) for (const item of value) headers.append(name, item);
        else if (value !== undefined) headers.append(name, value);
      }
      return bufferedResponse(body, { status, statusText: (answer as { statusText?: string }).statusText ?? '', headers });
    } catch (error) {
      throw new TypeError('fetch failed', { cause: error });
    }
  };
  return Object.assign(send, { attemptController: () => new AttemptSignal() });
}

let azureLogger: typeof AzureLoggerModule | undefined;

/**
 * `@azure/logger`, loaded the first time a logger is used (a log line, or the pipeline asking
 * whether a level is on), not on import: it and the `@typespec/ts-http-runtime` modules under it
 * are about a third of the CPU of importing azlro. Node (>= 20.19) `require()`s the ES module that
 * `import '@azure/logger'` resolves to (its exports' `import` target, read from its package.json:
 * `import.meta.resolve` is missing in some module runners, e.g. Vite's), and shares one module
 * instance between the two, so `setLogLevel()` and `AzureLogger.log` from the caller's own import
 * still apply.
 */
export function azureLoggerModule(): typeof AzureLoggerModule {
  if (azureLogger) return azureLogger;
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@azure/logger/package.json');
  const manifest = require(manifestPath) as { exports: { '.': { import: { default: string } } } };
  azureLogger = require(join(dirname(manifestPath), manifest.exports['.'].import.default)) as typeof AzureLoggerModule;
  return azureLogger;
}
