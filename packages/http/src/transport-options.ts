import type { PipelineRequest } from './pipeline-request.js';

/**
 * An HTTP proxy, in the shape of `@azure/core-rest-pipeline`'s `ProxySettings`. HTTPS requests go
 * through it as `CONNECT host:443` tunnels; the proxy sees no request header, so no credential.
 */
export interface ProxySettings {
  /** The proxy host, with or without scheme: `http://proxy.contoso.com` or `proxy.contoso.com`. */
  host: string;
  /** The proxy port, e.g. 8080. */
  port: number;
  /** Proxy user name (sent to the proxy as `Proxy-Authorization: Basic`). @default none */
  username?: string;
  /** Proxy password. @default none */
  password?: string;
}

/** How requests reach the network (Node only: browsers use the browser's own proxy and connections). */
export interface TransportOptions {
  /**
   * A proxy for every request of this client. Without it, the `HTTPS_PROXY`, `HTTP_PROXY` and
   * `NO_PROXY` environment variables (or their lower-case forms) apply, as with the Azure SDK and
   * most Node tools; loopback hosts (`localhost`, `127.0.0.1`, `[::1]`) never go through a proxy.
   * Ignored in browsers and when `fetch` is your own function that drops `dispatcher`.
   * @default the environment's proxy, if any
   */
  proxyOptions?: ProxySettings;
  /**
   * At most this many connections to one origin at a time, shared by every client with the same
   * transport settings in this process; further requests wait for a free connection, in order, in
   * a queue of azlro's own (Node): nothing is built or sent for them until then, and their
   * `tryTimeoutInMs` starts when they get one (so 100,000 concurrent operations queue cheaply and
   * none times out waiting; issue 14).
   * @default 16
   */
  maxConnectionsPerOrigin?: number;
}

/**
 * Enough to poll dozens of operations at once over keep-alive connections, yet a fleet-wide abort of
 * hundreds of clusters does not open hundreds of sockets to one ARM endpoint.
 */
export const DEFAULT_MAX_CONNECTIONS_PER_ORIGIN = 16;

/** Checks the transport options (TypeError/RangeError naming the option). */
export function checkTransportOptions(options: TransportOptions): void {
  const { proxyOptions, maxConnectionsPerOrigin } = options;
  if (maxConnectionsPerOrigin !== undefined && (!Number.isInteger(maxConnectionsPerOrigin) || maxConnectionsPerOrigin < 1)) {
    throw new (typeof maxConnectionsPerOrigin === 'number' ? RangeError : TypeError)(`maxConnectionsPerOrigin must be a positive integer; got ${String(maxConnectionsPerOrigin)}`);
  }
  if (proxyOptions === undefined) return;
  if (typeof proxyOptions !== 'object' || proxyOptions === null) throw new TypeError('proxyOptions must be { host, port, username?, password? }');
  if (typeof proxyOptions.host !== 'string' || proxyOptions.host === '') throw new TypeError('proxyOptions.host must be a non-empty string');
  if (!Number.isInteger(proxyOptions.port) || proxyOptions.port < 1 || proxyOptions.port > 65_535) {
    throw new RangeError(`proxyOptions.port must be an integer from 1 to 65535; got ${String(proxyOptions.port)}`);
  }
  for (const key of ['username', 'password'] as const) {
    if (proxyOptions[key] !== undefined && typeof proxyOptions[key] !== 'string') throw new TypeError(`proxyOptions.${key} must be a string; got ${typeof proxyOptions[key]}`);
  }
  if (!URL.canParse(proxyUrl(proxyOptions))) throw new TypeError('proxyOptions.host must be a host name or an http(s) URL');
}

/** The proxy as a URL (`http://user:password@host:port`), as undici's proxy agents take it. */
export function proxyUrl({ host, port, username, password }: ProxySettings): string {
  const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(host) ? host : `http://${host}`);
  const user = username === undefined ? '' : encodeURIComponent(username);
  const auth = username === undefined ? '' : `${user}${password === undefined ? '' : `:${encodeURIComponent(password)}`}@`;
  return `${url.protocol}//${auth}${url.hostname}:${port}`;
}

/** Statuses whose Response must be built without a body. */
export const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * A platform's own way to send one attempt (Node: the shared dispatcher's `request`): resolves with
 * the answer, its body read whole (a bufferedResponse); rejects like fetch (`TypeError` with a cause).
 */
export type DirectSend = ((request: PipelineRequest, signal: AbortLike) => Promise<Response>) & {
  /** A fresh controller for one attempt: its `signal` is what this sender takes. */
  readonly attemptController: () => AttemptController;
};

/** Aborts one attempt: an AbortController, or a platform's cheaper stand-in whose signal is an {@link AbortLike}. */
export interface AttemptController {
  readonly signal: AbortLike;
  abort(reason?: unknown): void;
}

/** What undici's `request` accepts as a signal: an AbortSignal, or any object with this shape. */
export interface AbortLike {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
