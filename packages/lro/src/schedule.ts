import type { AzlroLogger, Clock } from '@azlro/http';
import { readRetryAfter } from '@azlro/http/internal';
import { pollDelayInMs, type IntervalBounds } from './interval.js';

/**
 * When the next poll may go, on the clock's monotonic time: `notBefore` is what the service asked
 * for (`Retry-After`), `nextPollAt` adds `intervalInMs` when it asked nothing.
 */
export class PollSchedule {
  readonly #bounds: IntervalBounds;
  readonly #clock: Clock;
  readonly #log: AzlroLogger | undefined;
  #notBefore = 0;
  #nextPollAt = 0;

  constructor(bounds: IntervalBounds, clock: Clock, log?: AzlroLogger) {
    this.#bounds = bounds;
    this.#clock = clock;
    this.#log = log;
    this.#notBefore = this.#nextPollAt = clock.now();
  }

  /** Milliseconds until the service allows a poll (`poll()` waits this long). */
  get untilAllowedInMs(): number {
    return Math.max(0, this.#notBefore - this.#clock.now());
  }

  /** Milliseconds until `pollUntilDone` sends its next poll. */
  get untilNextInMs(): number {
    return Math.max(0, this.#nextPollAt - this.#clock.now());
  }

  /**
   * Plans the next poll from a response's delay headers (RFC 9110 §10.2.3 forms only), clamped to
   * `[minIntervalInMs, maxIntervalInMs]`; an ignored, repeated or cut hint is logged.
   */
  afterResponse(headers: Headers): void {
    const hint = readRetryAfter(headers, this.#clock.epochNow());
    if (hint.invalid.length > 0) this.#log?.warning(`ignoring invalid delay header ${hint.invalid.join('; ')} (RFC 9110 §10.2.3)`);
    if (hint.repeated) this.#log?.warning(`${hint.header} was sent more than once (${headers.get(hint.header!)}); waiting for the largest value`);
    this.afterServerDelay(hint.delayInMs, hint.header);
  }

  /**
   * Plans the next poll after the service asked for `serverDelayInMs` (undefined: it asked nothing),
   * e.g. a throttled poll's `Retry-After`: within `[minIntervalInMs, maxIntervalInMs]` (a cut delay is logged).
   */
  afterServerDelay(serverDelayInMs: number | undefined, header = 'Retry-After'): void {
    const now = this.#clock.now();
    if (serverDelayInMs !== undefined && serverDelayInMs > this.#bounds.maxIntervalInMs) {
      this.#log?.warning(`${header} asks for ${serverDelayInMs} ms; waiting maxIntervalInMs (${this.#bounds.maxIntervalInMs} ms) instead`);
    }
    this.#nextPollAt = now + pollDelayInMs(serverDelayInMs, this.#bounds);
    this.#notBefore = serverDelayInMs === undefined ? now : this.#nextPollAt;
  }

  /** Holds every poll back at least `ms` from now (a pause shared with other pollers). */
  holdFor(ms: number): void {
    const at = this.#clock.now() + Math.min(ms, this.#bounds.maxIntervalInMs);
    this.#notBefore = Math.max(this.#notBefore, at);
    this.#nextPollAt = Math.max(this.#nextPollAt, at);
  }

  /** Epoch milliseconds before which the service asked not to be polled, for a resume token. */
  notBeforeEpoch(): number | undefined {
    const wait = this.untilAllowedInMs;
    return wait > 0 && Number.isFinite(wait) ? Math.ceil(this.#clock.epochNow() + wait) : undefined;
  }

  /**
   * Picks up a resume token's `notBefore`, within `maxIntervalInMs` (a cut wait is logged, as a cut
   * `Retry-After` is); otherwise a resumed poller polls at once.
   */
  restore(notBeforeEpoch: number | undefined): void {
    const asked = Math.max(0, (notBeforeEpoch ?? 0) - this.#clock.epochNow());
    const { maxIntervalInMs } = this.#bounds;
    if (asked > maxIntervalInMs) this.#log?.warning(`the resume token's notBefore is ${asked} ms away; waiting maxIntervalInMs (${maxIntervalInMs} ms) instead`);
    this.#notBefore = this.#nextPollAt = this.#clock.now() + Math.min(asked, maxIntervalInMs);
  }
}
