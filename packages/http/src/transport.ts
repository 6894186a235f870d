import { onAbort } from './abortable.js';
import { MAX_TIMER_IN_MS } from './clock.js';
import { NetworkError, RequestTimeoutError } from './errors/transport-errors.js';
import { redactText } from './logging/redact.js';
import { platformFetchInit, platformGates, platformResponse, platformSend } from '#platform';
import { isNeverAborted, type PipelineRequest, type SendRequest } from './pipeline-request.js';
import { NULL_BODY_STATUSES, type AttemptController, type DirectSend, type TransportOptions } from './transport-options.js';

/** The buffered body gets a Response of its own (the platform's: see platformResponse); encoding headers no longer describe it. */
function rebuild(response: Response, body: ArrayBuffer | null): Response {
  if (response.type === 'opaqueredirect') return response;
  // The constructor copies the headers, so the copy is edited rather than a copy of a copy.
  const rebuilt = platformResponse(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  rebuilt.headers.delete('content-encoding');
  rebuilt.headers.delete('transfer-encoding');
  if (body) rebuilt.headers.set('content-length', String(body.byteLength));
  return rebuilt;
}

/**
 * One attempt's time limit: a signal that aborts when the caller's does or when `tryTimeoutInMs`
 * passes. Forwarded by hand, as `AbortSignal.any` costs tens of µs a call and leaves WeakRefs behind;
 * a caller's signal that can never abort (a call made without one) gets no subscription, others one
 * through onAbort (one listener per signal, however many attempts share it).
 */
function attemptTimeout(callerSignal: AbortSignal, tryTimeoutInMs: number, direct: DirectSend | undefined) {
  // The direct sender brings its own (cheaper) controller; fetch gets a real AbortController.
  const controller: AttemptController = direct ? direct.attemptController() : new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // An attempt the caller stopped needs no time limit: its timer goes at once, so it cannot keep the
  // process alive however long the sender takes to settle the aborted request.
  const forward = () => (clearTimeout(timer), controller.abort(callerSignal.reason));
  let timedOut = false;
  let unsubscribe: (() => void) | undefined;
  if (callerSignal.aborted) forward();
  else if (!isNeverAborted(callerSignal)) unsubscribe = onAbort(callerSignal, forward);
  // Past setTimeout's range it would fire after 1 ms: 2^31-1 ms (24.8 days) is as good as no limit.
  if (!controller.signal.aborted) {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, Math.min(tryTimeoutInMs, MAX_TIMER_IN_MS));
  }
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    clear() {
      clearTimeout(timer);
      unsubscribe?.();
    },
  };
}

/**
 * Sends one attempt and reads the whole body, so a body cut short is a (retryable) network error
 * and `tryTimeoutInMs` covers the body too. Redirects are never followed. With `fetchImpl`, the
 * attempt goes to it (in Node with the shared dispatcher in its init) and its Response is rebuilt
 * around the buffered body; without one, Node sends with the shared dispatcher's `request`
 * (`platformSend`: no fetch machinery) and browsers with `globalThis.fetch`. In Node the
 * resolved Response is a bufferedResponse either way (the client runtime's `responseText` decodes
 * its bytes instead of reading a stream again); in browsers it is a plain Response around the body. Without `tryTimeoutInMs`, the caller's signal is used as
 * it is: no controller, timer or listener.
 */
export function fetchTransport(
  fetchImpl: typeof fetch | undefined,
  tryTimeoutInMs: number | undefined,
  redact: (text: string) => string = redactText,
  transportOptions: TransportOptions = {},
): SendRequest {
  // Node: the shared dispatcher (proxy from the environment or proxyOptions, connection cap), made
  // with the pipeline (the first request then pays nothing extra, e.g. between getting a token and
  // using it); browsers: nothing.
  const direct: Promise<DirectSend | undefined> = fetchImpl ? Promise.resolve(undefined) : platformSend(transportOptions);
  const extra: Promise<object> = fetchImpl ? platformFetchInit(transportOptions) : Promise.resolve({});
  // Once known, the sender is used without awaiting (a microtask per attempt saved).
  let known: { send: DirectSend | undefined } | undefined;
  direct.then((send) => (known = { send }), () => {}); // a failure is surfaced by the first request
  extra.catch(() => {});
  const viaFetch = fetchImpl ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  // Node: at most maxConnectionsPerOrigin attempts per origin are handed to undici at once; browsers: no turns.
  const gateFor = platformGates(transportOptions);
  return async (request) => {
    let send: DirectSend | undefined;
    try {
      send = known ? known.send : await direct;
    } catch (error) {
      throw transportError(request, error, undefined, redact);
    }
    // Wait for a turn at the origin before the attempt and its time limit start: time spent waiting
    // for a free connection is never taken for a stalled server (issue 14, 100,000 operations).
    const gate = gateFor?.(request.url);
    let entered = false;
    let timeout: ReturnType<typeof attemptTimeout> | undefined;
    try {
      const wait = gate?.enter(request.abortSignal);
      if (wait) await wait;
      entered = gate !== undefined;
      timeout = tryTimeoutInMs === undefined ? undefined : attemptTimeout(request.abortSignal, tryTimeoutInMs, send);
      const signal = timeout?.signal ?? request.abortSignal;
      if (send) {
        return await send(request, signal);
      }
      const init = await extra;
      const response = await viaFetch(request.url, {
        ...init, method: request.method, headers: request.headers, body: request.body ?? null, signal: signal as AbortSignal, redirect: 'manual',
      });
      return rebuild(response, NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer());
    } catch (error) {
      throw transportError(request, error, timeout?.timedOut === true ? tryTimeoutInMs : undefined, redact);
    } finally {
      timeout?.clear();
      if (entered) gate!.leave();
    }
  };
}

/** The caller's own abort reason, else a RequestTimeoutError or a NetworkError naming the (redacted) URL. */
function transportError(request: PipelineRequest, error: unknown, timedOutAfterMs: number | undefined, redact: (text: string) => string): unknown {
  if (request.abortSignal.aborted) return request.abortSignal.reason;
  const url = redact(request.url);
  if (timedOutAfterMs !== undefined) return new RequestTimeoutError(request.method, url, timedOutAfterMs, { cause: error });
  const cause = (error as { cause?: { message?: unknown } }).cause;
  const detail = typeof cause?.message === 'string' ? cause.message : (error as Error).message;
  return new NetworkError(request.method, url, redact(String(detail)), { cause: error });
}
