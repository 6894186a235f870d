import type { TokenCredential } from './credential-types.js';
import { checkClock, type Clock } from './clock.js';
import { checkTransportOptions, type TransportOptions } from './transport-options.js';
import { LOG_LEVELS, type AzlroLogger } from './logging/logger.js';
import { redactText } from './logging/redact.js';
import type { RetryOptions } from './policies/retry.js';
import type { UserAgentOptions } from './policies/user-agent.js';
import type { SharedKeyCredential } from './shared-key/credential.js';

/** Options of {@link createPipeline}. */
export interface PipelineOptions extends TransportOptions {
  /** The service base URL (absolute http(s), no query or fragment: RangeError). Its origin is where a credential may be sent. */
  endpoint: string;
  /** Bearer tokens (any `TokenCredential`, e.g. `DefaultAzureCredential`) or Batch Shared Key. @default none */
  credential?: TokenCredential | SharedKeyCredential;
  /** Scopes to request tokens for; required with a `TokenCredential`. @default none */
  scopes?: string | string[];
  /** Further origins (e.g. `https://login.example`) a credential may be sent to. @default [] */
  allowedCredentialOrigins?: string[];
  /** How transient failures are retried (see {@link RetryOptions}). @default { maxRetries: 3, retryDelayInMs: 800, maxRetryDelayInMs: 60_000 } */
  retryOptions?: RetryOptions;
  /**
   * Time limit of each attempt, headers and body: a stalled attempt fails with a
   * `RequestTimeoutError` and is retried like any transient fault (idempotent or resendable requests).
   * A limit past 2^31-1 ms (setTimeout's range, about 24.8 days) is taken as 2^31-1.
   * @default 60_000
   */
  tryTimeoutInMs?: number;
  /** Header carrying the per-call client request id (Batch uses `client-request-id`). @default 'x-ms-client-request-id' */
  requestIdHeaderName?: string;
  /** Batch: also send `return-client-request-id: true`. @default false */
  returnClientRequestId?: boolean;
  /** Sent as `User-Agent` (Node) or `x-ms-useragent` (browsers). */
  userAgent: UserAgentOptions;
  /**
   * The transport. In Node, its `init` carries the shared undici `dispatcher` (proxy, connection
   * cap): forward `init` to `fetch` to keep them.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /**
   * Where request/response/retry lines go; messages are redacted first (by structure, and this
   * pipeline's own tokens).
   * @default the package logger: `@azure/logger`, namespace `azure:azlro:http` (`AZURE_LOG_LEVEL`, `setLogLevel`, `AzureLogger.log`)
   */
  logger?: AzlroLogger;
  /** Where retry waits and token-expiry checks read time and sleep (tests pass a `ManualClock`). @default systemClock */
  clock?: Clock;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Package names and versions go into a header: no spaces, slashes or control characters. */
const UA_TOKEN = /^[\w.+@~-]+$/;

function fail(error: typeof TypeError | typeof RangeError, name: string, problem: string): never {
  throw new error(`${name} ${problem}`);
}

/** Checks every option, naming the offending one, before a pipeline exists. */
export function checkPipelineOptions(options: PipelineOptions): URL {
  if (typeof options !== 'object' || options === null) fail(TypeError, 'options', 'must be an object');
  const { endpoint, retryOptions = {}, userAgent, logger } = options;
  if (typeof endpoint !== 'string') fail(TypeError, 'endpoint', `must be a string; got ${typeof endpoint}`);
  const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    fail(TypeError, 'endpoint', `must be an absolute http(s) URL; got ${JSON.stringify(redactText(endpoint))}`);
  }
  // Operation paths are appended to the endpoint: a query or fragment there would end up in the middle of every URL.
  if (url.search !== '' || url.hash !== '' || endpoint.includes('?') || endpoint.includes('#')) {
    fail(RangeError, 'endpoint', `must have no query or fragment (operation paths are appended to it); got ${JSON.stringify(redactText(endpoint))}`);
  }
  if (typeof retryOptions !== 'object' || retryOptions === null) fail(TypeError, 'retryOptions', `must be an object; got ${retryOptions === null ? 'null' : typeof retryOptions}`);
  for (const key of ['maxRetries', 'retryDelayInMs', 'maxRetryDelayInMs'] as const) {
    const value = retryOptions[key];
    if (value === undefined) continue;
    if (typeof value !== 'number') fail(TypeError, `retryOptions.${key}`, `must be a number; got ${typeof value}`);
    if (!(value >= 0) || !Number.isFinite(value) || (key === 'maxRetries' && !Number.isInteger(value))) {
      fail(RangeError, `retryOptions.${key}`, `must be a non-negative ${key === 'maxRetries' ? 'integer' : 'finite number'}; got ${value}`);
    }
  }
  const timeout = options.tryTimeoutInMs;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || !Number.isFinite(timeout))) {
    fail(typeof timeout === 'number' ? RangeError : TypeError, 'tryTimeoutInMs', `must be a positive finite number; got ${timeout}`);
  }
  if (options.requestIdHeaderName !== undefined && !HEADER_NAME.test(String(options.requestIdHeaderName))) {
    fail(TypeError, 'requestIdHeaderName', `must be a valid header name; got ${JSON.stringify(options.requestIdHeaderName)}`);
  }
  if (typeof userAgent !== 'object' || userAgent === null) fail(TypeError, 'userAgent', 'must be { packageName, packageVersion }');
  for (const key of ['packageName', 'packageVersion'] as const) {
    if (typeof userAgent[key] !== 'string' || !UA_TOKEN.test(userAgent[key])) {
      fail(TypeError, `userAgent.${key}`, `must be a non-empty token (letters, digits, . _ - + @ ~); got ${JSON.stringify(userAgent[key])}`);
    }
  }
  if (userAgent.prefix !== undefined && (typeof userAgent.prefix !== 'string' || /[\0-\x1f\x7f]/.test(userAgent.prefix))) {
    fail(TypeError, 'userAgent.prefix', 'must be a string without control characters');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') fail(TypeError, 'fetch', 'must be a function');
  if (options.returnClientRequestId !== undefined && typeof options.returnClientRequestId !== 'boolean') {
    fail(TypeError, 'returnClientRequestId', `must be a boolean; got ${typeof options.returnClientRequestId}`);
  }
  if (options.allowedCredentialOrigins !== undefined && !Array.isArray(options.allowedCredentialOrigins)) {
    fail(TypeError, 'allowedCredentialOrigins', `must be an array of origins; got ${typeof options.allowedCredentialOrigins}`);
  }
  if (logger !== undefined && ((typeof logger !== 'object' && typeof logger !== 'function') || logger === null || LOG_LEVELS.some((level) => typeof logger[level] !== 'function'))) {
    fail(TypeError, 'logger', `must have ${LOG_LEVELS.slice(0, -1).join(', ')} and ${LOG_LEVELS.at(-1)} functions`);
  }
  checkClock(options.clock);
  checkTransportOptions(options);
  return url;
}
