import type { AzlroLogger, Clock } from '@azlro/http';

/** Options every poller accepts (the operation functions and `restorePoller`). */
export interface PollerOptions {
  /**
   * Stops local waiting, initial request included: the poller rejects with the signal's reason and
   * leaves no timer behind. It never cancels the operation on the service.
   * @default none
   */
  abortSignal?: AbortSignal;
  /**
   * Wait between polls when the service sends no `Retry-After` (or `retry-after-ms`).
   * @default 2000
   */
  intervalInMs?: number;
  /**
   * Shortest wait between polls, whatever the service says: a `Retry-After` of 0, a date in the
   * past or a shorter delay means "poll after this", never "poll now". Invalid `Retry-After`
   * values (anything but RFC 9110 §10.2.3 delay-seconds or an HTTP-date) are ignored.
   * @default 1000 (or `maxIntervalInMs` when that is smaller)
   */
  minIntervalInMs?: number;
  /**
   * Longest wait between polls; a longer `Retry-After` is cut to this and logged (a warning).
   * @default 600_000 (10 minutes)
   */
  maxIntervalInMs?: number;
  /**
   * Polling answers in a row with no usable status (an empty body, one that does not parse, no
   * status field, a status that is not a string) that are polled again, each after the usual
   * wait; one more ends the wait with a `PollingProtocolError` carrying a resume token. An unknown
   * status *word* is not a fault: it means still running (logged once per word).
   * @default 3
   */
  maxProtocolFaultRetries?: number;
  /**
   * Deadline of each `pollUntilDone()` (and `await poller`), from the call: past it, the wait
   * rejects with a `PollerTimeoutError` that carries a resume token.
   * @default Infinity (no deadline)
   */
  timeoutInMs?: number;
  /**
   * Origins, besides the client endpoint's, that polling URLs from the service may point at
   * (e.g. `https://eastus.management.azure.com`). A credential still goes only where the client's
   * `allowedCredentialOrigins` allow.
   * @default []
   */
  allowedPollingOrigins?: readonly string[];
  /**
   * Extra headers for every request the poller sends (e.g. `Prefer` for a mock server).
   * @default none
   */
  headers?: Readonly<Record<string, string>>;
  /**
   * Where the poller logs (an unknown service status, each poll at `verbose`); messages are redacted.
   * @default the package logger, namespace `azlro:lro`
   */
  logger?: AzlroLogger;
  /**
   * Share throttling with the other pollers of the same client and ARM subscription (else the same
   * client and polling origin): a poll answered 429 with a delay pauses all their polls until the
   * delay passes (those that waited resume spread over a tenth of it, at most 10 s), rather than
   * each earning a 429 of its own. False keeps each poller's throttling to itself.
   * @default true
   */
  shareThrottling?: boolean;
  /**
   * Where the poller reads time and waits (poll delays, `timeoutInMs`, resume-token `notBefore`);
   * tests and simulations pass a `ManualClock` from `@azlro/http/testing`.
   * @default systemClock (performance.now, Date.now, setTimeout)
   */
  clock?: Clock;
}

/** Options of `poll()`, `pollUntilDone()`. */
export interface PollOptions {
  /** Stops waiting for this call only; the poller stays usable. @default none */
  abortSignal?: AbortSignal;
}
