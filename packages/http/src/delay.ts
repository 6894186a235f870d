import { systemClock, type Clock } from './clock.js';

/** Options of {@link delay}. */
export interface DelayOptions {
  /** Stops the wait: the promise rejects with the signal's reason and no timer is left behind. @default none */
  abortSignal?: AbortSignal;
  /** Whose time to wait on. @default systemClock (setTimeout) */
  clock?: Clock;
}

/**
 * Resolves after `ms` milliseconds, or rejects with `abortSignal.reason` as soon as the signal aborts.
 * Any length works: waits past 2^31-1 ms chain several timers.
 * @throws TypeError when `ms` is not a number; RangeError when it is negative or NaN.
 */
export function delay(ms: number, options: DelayOptions = {}): Promise<void> {
  return (options.clock ?? systemClock).sleep(ms, options.abortSignal);
}
