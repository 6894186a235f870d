/** setTimeout fires at once (with a warning) past a signed 32-bit delay, so longer waits are chained. */
const MAX_TIMER_IN_MS = 2 ** 31 - 1;

/** Options of {@link delay}. */
export interface DelayOptions {
  /** Stops the wait: the promise rejects with the signal's reason and no timer is left behind. @default none */
  abortSignal?: AbortSignal;
}

/**
 * Resolves after `ms` milliseconds, or rejects with `abortSignal.reason` as soon as the signal aborts.
 * Any length works: waits past 2^31-1 ms chain several timers.
 */
export function delay(ms: number, options: DelayOptions = {}): Promise<void> {
  if (typeof ms !== 'number') throw new TypeError(`ms must be a number; got ${typeof ms}`);
  if (!(ms >= 0)) throw new RangeError(`ms must be a non-negative number; got ${ms}`);
  const { abortSignal } = options;
  if (abortSignal?.aborted) return Promise.reject(abortSignal.reason);

  return new Promise<void>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = Date.now() + ms;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortSignal?.reason);
    };
    const arm = (remaining: number) => {
      timer = setTimeout(() => {
        const left = deadline - Date.now();
        if (remaining > MAX_TIMER_IN_MS && left > 0) return arm(left);
        abortSignal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.min(remaining, MAX_TIMER_IN_MS));
    };
    abortSignal?.addEventListener('abort', onAbort, { once: true });
    arm(ms);
  });
}
