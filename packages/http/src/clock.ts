import { onAbort } from './abortable.js';
/** setTimeout fires at once (with a warning) past a signed 32-bit delay, so longer waits are chained. */
export const MAX_TIMER_IN_MS = 2 ** 31 - 1;

/**
 * Where azlro reads time and waits: the retry policy, the token cache, the poll schedule and the
 * poller's deadline all go through one `Clock`, so tests (and simulations) can drive time instead
 * of sleeping. Pass one as the `clock` option of a client or a poller.
 */
export interface Clock {
  /** Milliseconds on a monotonic clock (only differences mean something): schedules and deadlines. */
  now(): number;
  /** Milliseconds since the Unix epoch: token expiry, HTTP-dates in `Retry-After`, resume tokens. */
  epochNow(): number;
  /**
   * Resolves after `ms` milliseconds of this clock, or rejects with `abortSignal.reason` as soon as
   * the signal aborts (leaving no timer behind). `ms` is a non-negative number, any length.
   */
  sleep(ms: number, abortSignal?: AbortSignal): Promise<void>;
}

/** Checks a delay in milliseconds: a TypeError for a non-number, a RangeError for a negative or NaN. */
export function checkDelayInMs(ms: unknown): asserts ms is number {
  if (typeof ms !== 'number') throw new TypeError(`ms must be a number; got ${typeof ms}`);
  if (!(ms >= 0)) throw new RangeError(`ms must be a non-negative number; got ${ms}`);
}

function systemSleep(ms: number, abortSignal?: AbortSignal): Promise<void> {
  checkDelayInMs(ms);
  if (abortSignal?.aborted) return Promise.reject(abortSignal.reason);
  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = performance.now() + ms;
    // One subscription per sleep (onAbort: many pollers may sleep on one caller's signal).
    const unsubscribe = abortSignal
      ? onAbort(abortSignal, () => {
          clearTimeout(timer);
          reject(abortSignal.reason);
        })
      : undefined;
    const arm = (remaining: number) => {
      timer = setTimeout(() => {
        const left = deadline - performance.now();
        if (remaining > MAX_TIMER_IN_MS && left > 0) return arm(left);
        unsubscribe?.();
        resolve();
      }, Math.min(remaining, MAX_TIMER_IN_MS));
    };
    arm(ms);
  });
}

/** The real clock: `performance.now()`, `Date.now()` and `setTimeout` (chained past 2^31-1 ms). */
export const systemClock: Clock = Object.freeze({
  now: () => performance.now(),
  epochNow: () => Date.now(),
  sleep: systemSleep,
});

/** Throws a TypeError unless `value` has the three methods of a {@link Clock} (or is undefined). */
export function checkClock(value: unknown, name = 'clock'): Clock | undefined {
  if (value === undefined) return undefined;
  const c = value as Partial<Clock> | null;
  if (typeof c !== 'object' || c === null || typeof c.now !== 'function' || typeof c.epochNow !== 'function' || typeof c.sleep !== 'function') {
    throw new TypeError(`${name} must be a Clock with now(), epochNow() and sleep(ms, abortSignal)`);
  }
  return c as Clock;
}
