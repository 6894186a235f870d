import { onAbort } from '@azlro/http/internal';

/**
 * Lets concurrent callers share one in-flight request: a second `poll()` while one is under way
 * joins it instead of sending another. Each caller may stop waiting with its own signal; the request
 * itself is aborted only once every caller that could stop has stopped.
 */
export function joinable<T>(run: (abortSignal: AbortSignal) => Promise<T>): (abortSignal?: AbortSignal) => Promise<T> {
  let current: { promise: Promise<T>; controller: AbortController; waiting: number; unstoppable: boolean } | undefined;
  return (abortSignal) => {
    if (abortSignal?.aborted) return Promise.reject(abortSignal.reason);
    if (!current) {
      const controller = new AbortController();
      const entry = { controller, waiting: 0, unstoppable: false, promise: run(controller.signal) };
      current = entry;
      const clear = () => {
        if (current === entry) current = undefined;
      };
      entry.promise.then(clear, clear);
    }
    const entry = current;
    entry.waiting++;
    if (!abortSignal) entry.unstoppable = true;
    return new Promise<T>((resolve, reject) => {
      const unsubscribe = abortSignal
        ? onAbort(abortSignal, () => {
            entry.waiting--;
            if (entry.waiting === 0 && !entry.unstoppable) {
              if (current === entry) current = undefined;
              entry.controller.abort(abortSignal.reason);
            }
            reject(abortSignal.reason);
          })
        : undefined;
      entry.promise.then(
        (value) => (unsubscribe?.(), resolve(value)),
        (error: unknown) => (unsubscribe?.(), reject(error)),
      );
    });
  };
}
