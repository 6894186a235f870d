import type { Clock } from '../clock.js';
import type { AzlroLogger } from '../logging/logger.js';
import { forAttempt, type PipelinePolicy } from '../pipeline-request.js';
import { exponentialDelayInMs, readRetryAfter } from '../retry-after.js';
import { isRetryableError, isRetryableStatus } from '../retry-decision.js';
import { THROTTLING_STATUSES } from '../throttling-to-caller.js';

/** Shortest server delay honoured as given, in ms: timers wait at least 1 ms, so `retry-after-ms: 0.5` would be a resend at once. */
const MIN_SERVER_DELAY_IN_MS = 1;

/** How transient failures are retried. */
export interface RetryOptions {
  /** Retries after the first attempt (0 disables retrying). @default 3 */
  maxRetries?: number;
  /** Base of the exponential backoff: retry n waits about `retryDelayInMs * 2^n` (±20%). @default 800 */
  retryDelayInMs?: number;
  /**
   * Upper bound of the exponential backoff. A server's own delay (Retry-After, retry-after-ms) is
   * honoured exactly, never cut short: when it is longer than this, the call is not retried and
   * the 429/503 surfaces as an `ApiError` instead, and a warning line names the delay and this cap. @default 60_000
   */
  maxRetryDelayInMs?: number;
}

/**
 * Retries transient failures: idempotent methods (and requests marked resendable, see
 * {@link markResendable}) on network errors, attempt timeouts and 408/429/500/502/503/504; other
 * methods only on 429/503 or a connection that failed before sending. A server's delay
 * (`retry-after-ms`, `x-ms-retry-after-ms`, `Retry-After` per RFC 9110 §10.2.3) is honoured exactly
 * (no retry before it elapses); an invalid one, or 0 (or under 1 ms), or a date in the past, gets the backoff
 * instead, never an immediate resend. Every wait ends when the caller's signal aborts. A request
 * marked with `THROTTLING_TO_CALLER_HEADER` (a poll) gets its 429/503 with a valid server delay
 * back at once, however short the delay. `isolateAttempts` (default true): every attempt gets its own
 * copy of the headers; false lets the first attempt use the request's own (see `forAttempt`).
 */
export function retryPolicy(options: Required<RetryOptions>, log: AzlroLogger, clock: Clock, isolateAttempts = true): PipelinePolicy {
  return async (request, next) => {
    for (let retry = 0; ; retry++) {
      const attempt = forAttempt(request, retry + 1, isolateAttempts);
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await next(attempt);
      } catch (error) {
        failure = error;
      }
      const retryable = response ? isRetryableStatus(request.method, response.status, request.resendable) : isRetryableError(request.method, failure, request.resendable);
      // Read only when it can matter: most responses are final and never need their delay headers.
      const hint = retryable && response ? readRetryAfter(response.headers, clock.epochNow()) : undefined;
      if (hint && hint.invalid.length > 0) log.warning(`retry ${request.method} ${request.url}: ignoring invalid delay header ${hint.invalid.join('; ')} (RFC 9110 §10.2.3); backing off instead`);
      if (hint?.repeated) log.warning(`retry ${request.method} ${request.url}: ${hint.header} was sent more than once; waiting for the largest value`);
      // A hint of 0 (or a date in the past, or under a timer's 1 ms tick) is no reason to resend at once: the backoff applies.
      const serverDelay = hint?.delayInMs !== undefined && hint.delayInMs >= MIN_SERVER_DELAY_IN_MS ? hint.delayInMs : undefined;
      // Retrying before the server allows only earns another refusal: past the cap, stop instead.
      const tooLong = serverDelay !== undefined && serverDelay > options.maxRetryDelayInMs;
      // A poller asked for its throttling back: it waits out the delay as "still running".
      const handBack = request.throttlingToCaller && hint?.delayInMs !== undefined && THROTTLING_STATUSES.has(response!.status);
      if (tooLong && !handBack && retry < options.maxRetries) {
        log.warning(`not retrying ${request.method} ${request.url} after status ${response!.status}: the server asked for ${serverDelay}ms (${hint!.header}), more than maxRetryDelayInMs ${options.maxRetryDelayInMs}`);
      }
      if (!retryable || tooLong || handBack || retry >= options.maxRetries || request.abortSignal.aborted) {
        if (response) return response;
        throw failure;
      }
      const wait = serverDelay ?? exponentialDelayInMs(retry, options.retryDelayInMs, options.maxRetryDelayInMs);
      const reason = response ? `status ${response.status}` : (failure as Error).name;
      log.warning(`retry ${request.method} ${request.url} attempt=${retry + 2} after ${reason}, waiting ${wait}ms${serverDelay === undefined ? '' : ' (server asked)'}`);
      await clock.sleep(wait, request.abortSignal);
    }
  };
}
