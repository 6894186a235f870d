// The Node half of `#platform` (package.json `imports`, condition `node`): an undici dispatcher for
// Node's fetch, so proxies and a connection cap work as users expect. Never loaded in browsers.
import { EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { DEFAULT_MAX_CONNECTIONS_PER_ORIGIN, proxyUrl, type TransportOptions } from './transport-options.js';

/** Loopback is never proxied (as in Go's net/http): the emulator and test servers stay direct. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** One dispatcher per distinct transport setting, for the whole process: clients share connections. */
const dispatchers = new Map<string, Dispatcher>();

/**
 * The shared dispatcher for `options`: undici's `EnvHttpProxyAgent`, which reads `HTTPS_PROXY`,
 * `HTTP_PROXY` and `NO_PROXY` (when it is first created) unless `proxyOptions` names a proxy, with
 * `connections` per origin capped.
 */
export function sharedDispatcher(options: TransportOptions): Dispatcher {
  const connections = options.maxConnectionsPerOrigin ?? DEFAULT_MAX_CONNECTIONS_PER_ORIGIN;
  const proxy = options.proxyOptions ? proxyUrl(options.proxyOptions) : undefined;
  const key = `${connections} ${proxy ?? 'environment'}`;
  let dispatcher = dispatchers.get(key);
  if (!dispatcher) {
    const env = process.env;
    const noProxy = [env.NO_PROXY ?? env.no_proxy ?? '', ...LOOPBACK].filter(Boolean).join(',');
    dispatcher = new EnvHttpProxyAgent({ connections, noProxy, ...(proxy ? { httpProxy: proxy, httpsProxy: proxy } : {}) });
    dispatchers.set(key, dispatcher);
  }
  return dispatcher;
}

/** Extra `fetch` init for Node: the shared dispatcher (a custom `fetch` that forwards init passes it on). */
export function platformFetchInit(options: TransportOptions): { dispatcher: Dispatcher } {
  return { dispatcher: sharedDispatcher(options) };
}
