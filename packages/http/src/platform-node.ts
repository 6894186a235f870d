// The Node half of `#platform` (package.json `imports`, condition `node`): an undici dispatcher for
// Node's fetch, so proxies and a connection cap work as users expect. Never loaded in browsers.
import type { Dispatcher } from 'undici';
import { DEFAULT_MAX_CONNECTIONS_PER_ORIGIN, proxyUrl, type TransportOptions } from './transport-options.js';

/** Loopback is never proxied (as in Go's net/http): the emulator and test servers stay direct. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

let undici: Promise<typeof import('undici')> | undefined;

/**
 * undici, loaded on the first request. Importing undici installs its own `Agent` as the process's
 * global dispatcher when Node's fetch has not made its own yet, which would change every other
 * `fetch` in the process. Touching `Headers` first makes Node install its own, so undici finds one
 * and leaves it: azlro changes nothing outside its own requests.
 */
function loadUndici(): Promise<typeof import('undici')> {
  void globalThis.Headers;
  return (undici ??= import('undici'));
}

/** One dispatcher per distinct transport setting, for the whole process: clients share connections. */
const dispatchers = new Map<string, Promise<Dispatcher>>();

/**
 * The shared dispatcher for `options`: undici's `EnvHttpProxyAgent`, which reads `HTTPS_PROXY`,
 * `HTTP_PROXY` and `NO_PROXY` (when it is first created) unless `proxyOptions` names a proxy, with
 * `connections` per origin capped.
 */
export function sharedDispatcher(options: TransportOptions): Promise<Dispatcher> {
  const connections = options.maxConnectionsPerOrigin ?? DEFAULT_MAX_CONNECTIONS_PER_ORIGIN;
  const proxy = options.proxyOptions ? proxyUrl(options.proxyOptions) : undefined;
  const key = `${connections} ${proxy ?? 'environment'}`;
  let dispatcher = dispatchers.get(key);
  if (!dispatcher) {
    const env = process.env;
    const noProxy = [env.NO_PROXY ?? env.no_proxy ?? '', ...LOOPBACK].filter(Boolean).join(',');
    dispatcher = loadUndici().then(({ EnvHttpProxyAgent }) =>
      new EnvHttpProxyAgent({ connections, noProxy, ...(proxy ? { httpProxy: proxy, httpsProxy: proxy } : {}) }));
    dispatchers.set(key, dispatcher);
  }
  return dispatcher;
}

/** Extra `fetch` init for Node: the shared dispatcher (a custom `fetch` that forwards init passes it on). */
export async function platformFetchInit(options: TransportOptions): Promise<{ dispatcher: Dispatcher }> {
  return { dispatcher: await sharedDispatcher(options) };
}
