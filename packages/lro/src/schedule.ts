import { retryAfterInMs } from '@azlro/http';
import { pollDelayInMs, type IntervalBounds } from './interval.js';

/**
 * When the next poll may go, on the monotonic clock (`performance.now()`): `notBefore` is what the
 * service asked for (`Retry-After`), `nextPollAt` adds `intervalInMs` when it asked nothing.
 */
export class PollSchedule {
  readonly #bounds: IntervalBounds;
  #notBefore = 0;
  #nextPollAt = 0;

  constructor(bounds: IntervalBounds) {
    this.#bounds = bounds;
  }

  /** Milliseconds until the service allows a poll (`poll()` waits this long). */
  get untilAllowedInMs(): number {
    return Math.max(0, this.#notBefore - performance.now());
  }

  /** Milliseconds until `pollUntilDone` sends its next poll. */
  get untilNextInMs(): number {
    return Math.max(0, this.#nextPollAt - performance.now());
  }

  /** Plans the next poll from a response's delay headers. */
  afterResponse(headers: Headers): void {
    const now = performance.now();
    const serverDelay = retryAfterInMs(headers);
    this.#nextPollAt = now + pollDelayInMs(serverDelay, this.#bounds);
    this.#notBefore = serverDelay === undefined ? now : this.#nextPollAt;
  }

  /** Epoch milliseconds before which the service asked not to be polled, for a resume token. */
  notBeforeEpoch(): number | undefined {
    const wait = this.untilAllowedInMs;
    return wait > 0 && Number.isFinite(wait) ? Math.ceil(Date.now() + wait) : undefined;
  }

  /** Picks up a resume token's `notBefore`; otherwise a resumed poller polls at once. */
  restore(notBeforeEpoch: number | undefined): void {
    const wait = Math.min(Math.max(0, (notBeforeEpoch ?? 0) - Date.now()), this.#bounds.maxIntervalInMs);
    this.#notBefore = this.#nextPollAt = performance.now() + wait;
  }
}
