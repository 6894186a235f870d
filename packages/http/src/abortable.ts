/**
 * Settles like `promise`, or rejects with `abortSignal.reason` as soon as the signal aborts (at
 * once if it already has); the listener is removed when either happens. `promise` itself is not
 * cancelled: whoever else awaits it still gets its result (a shared token refresh, a submission).
 */
export function untilAborted<T>(promise: Promise<T>, abortSignal: AbortSignal): Promise<T> {
  if (abortSignal.aborted) return Promise.reject(abortSignal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortSignal.reason);
    abortSignal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (abortSignal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (abortSignal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}
