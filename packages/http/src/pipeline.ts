import { systemClock } from './clock.js';
import { apiErrorFromResponse } from './errors/from-response.js';
import { logger as packageLogger, redactingLogger } from './logging/logger.js';
import { createRedactor, type Redactor } from './logging/redact.js';
import { resolveCredential } from './credential-options.js';
import { registerSendCall } from './client-runtime/call.js';
import { checkPipelineOptions, type PipelineOptions } from './options.js';
import { composePolicies, fromCall, toPipelineRequest, type PipelinePolicy } from './pipeline-request.js';
import { bearerTokenPolicy } from './policies/bearer-token.js';
import { credentialOriginPolicy } from './policies/credential-origin.js';
import { loggingPolicy } from './policies/logging.js';
import { requestIdPolicy } from './policies/request-id.js';
import { retryPolicy } from './policies/retry.js';
import { sharedKeyPolicy } from './policies/shared-key.js';
import { accountKeyOf } from './shared-key/credential.js';
import { userAgentPolicy } from './policies/user-agent.js';
import { createTokenCache } from './token-cache.js';
import { fetchTransport } from './transport.js';

/** A fetch-compatible function; hand it to a generated client as its `fetch`. */
export type PipelineFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Time limit of one attempt, headers and body: a request the service accepted and never answered
 * (or a body that trickles forever) is cut off and retried like any transient fault, instead of
 * waiting for Node's own 300 s header timeout, or forever.
 */
export const DEFAULT_TRY_TIMEOUT_IN_MS = 60_000;

/** Any final non-2xx response becomes an ApiError (redacted by this pipeline), after retries and auth have had their turn. */
function throwOnErrorPolicy(redact: Redactor): PipelinePolicy {
  return async (request, next) => {
    const response = await next(request);
    if (response.ok) return response;
    throw await apiErrorFromResponse(request.method, request.url, response, redact);
  };
}

/**
 * Builds the request pipeline: request id, user agent, credential-origin check, retries, then per
 * attempt auth (bearer token or Shared Key), logging and fetch (in Node with the process's shared
 * undici dispatcher: proxy from the environment or `proxyOptions`, connections per origin capped). Options are checked here, so a
 * mistake throws (TypeError/RangeError naming the option) before anything is sent. The returned
 * fetch is also registered as a direct entry for the client runtime (`createClient` of
 * `@azlro/http/internal` given it as `fetch` sends without building a `Request`).
 */
export function createPipeline(options: PipelineOptions): PipelineFetch {
  const endpoint = checkPipelineOptions(options);
  const { credential, origins } = resolveCredential(options, endpoint);
  // Redaction is this pipeline's own: its tokens and the structural rules, no process-wide list.
  const redact = createRedactor();
  const log = redactingLogger(options.logger ?? packageLogger, redact);
  const accountKey = options.credential && accountKeyOf(options.credential);
  if (accountKey) redact.remember(accountKey);
  const requestIdHeaderName = options.requestIdHeaderName ?? 'x-ms-client-request-id';
  const clock = options.clock ?? systemClock;
  const auth: PipelinePolicy[] =
    credential.kind === 'token' ? [bearerTokenPolicy(createTokenCache(credential.credential, credential.scopes, log, clock, redact.remember), log)]
    : credential.kind === 'sharedKey' ? [sharedKeyPolicy(credential.signer, clock)]
    : [];
  const send = composePolicies(
    [
      throwOnErrorPolicy(redact),
      requestIdPolicy({ headerName: requestIdHeaderName, returnClientRequestId: options.returnClientRequestId ?? false }),
      userAgentPolicy(options.userAgent),
      credentialOriginPolicy(origins, credential.kind !== 'none'),
      // Shared Key signs into the attempt's headers (ocp-date): every attempt gets its own copy.
      retryPolicy({ maxRetries: 3, retryDelayInMs: 800, maxRetryDelayInMs: 60_000, ...stripUndefined(options.retryOptions) }, log, clock, credential.kind === 'sharedKey'),
      ...auth,
      loggingPolicy(log, requestIdHeaderName),
    ],
    fetchTransport(options.fetch, options.tryTimeoutInMs ?? DEFAULT_TRY_TIMEOUT_IN_MS, redact, {
      proxyOptions: options.proxyOptions,
      maxConnectionsPerOrigin: options.maxConnectionsPerOrigin,
    }),
  );
  const fetch: PipelineFetch = async (input, init) => send(await toPipelineRequest(input, init));
  // The client runtime (`@azlro/http/internal`) hands calls over directly: no Request, no header copy.
  registerSendCall(fetch, (call) => send(fromCall(call)));
  return fetch;
}

function stripUndefined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
