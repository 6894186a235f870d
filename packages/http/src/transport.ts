import { NetworkError, RequestTimeoutError } from './errors/transport-errors.js';
import { redactText } from './logging/redact.js';
import type { SendRequest } from './pipeline-request.js';

/** Statuses whose Response must be built without a body. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** The buffered body gets a Response of its own; encoding headers no longer describe it. */
function rebuild(response: Response, body: ArrayBuffer | null): Response {
  if (response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  headers.delete('content-encoding');
  headers.delete('transfer-encoding');
  if (body) headers.set('content-length', String(body.byteLength));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Sends one attempt with `fetch` and reads the whole body, so a body cut short is a (retryable)
 * network error and `tryTimeoutInMs` covers the body too. Redirects are never followed.
 */
export function fetchTransport(fetchImpl: typeof fetch, tryTimeoutInMs: number | undefined): SendRequest {
  return async (request) => {
    const timeout = new AbortController();
    const timer = tryTimeoutInMs === undefined ? undefined : setTimeout(() => timeout.abort(), tryTimeoutInMs);
    const signal = AbortSignal.any([request.abortSignal, timeout.signal]);
    try {
      const response = await fetchImpl(request.url, {
        method: request.method, headers: request.headers, body: request.body ?? null, signal, redirect: 'manual',
      });
      return rebuild(response, NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer());
    } catch (error) {
      if (request.abortSignal.aborted) throw request.abortSignal.reason;
      const url = redactText(request.url);
      if (timeout.signal.aborted) throw new RequestTimeoutError(request.method, url, tryTimeoutInMs!, { cause: error });
      const cause = (error as { cause?: { message?: unknown } }).cause;
      const detail = typeof cause?.message === 'string' ? cause.message : (error as Error).message;
      throw new NetworkError(request.method, url, redactText(String(detail)), { cause: error });
    } finally {
      clearTimeout(timer);
    }
  };
}
