/** The subscribers of each signal {@link onAbort} listens to, and its one real listener. */
const subscriptions = new WeakMap<AbortSignal, { listeners: Set<() => void>; onSignal: () => void }>();

/**
 * Calls `listener` once when `abortSignal` aborts, and returns a function that unsubscribes it
 * (call it when the wait ends). `abortSignal` must not have aborted yet (check `aborted` first).
 *
 * However many subscribe, the signal gets one listener of its own, added with the first subscriber
 * and removed with the last (nothing is left on a caller's signal): Node's `EventTarget` walks its
 * whole listener list on every add and remove, so 100,000 operations sharing one signal (a fleet's
 * signal, or the stand-in of calls made without one) made starting them quadratic (issue 14:
 * 100,000 concurrent operations on defaults never sent their first request).
 */
export function onAbort(abortSignal: AbortSignal, listener: () => void): () => void {
  let subscription = subscriptions.get(abortSignal);
  if (!subscription) {
    const listeners = new Set<() => void>();
    const onSignal = () => {
      subscriptions.delete(abortSignal);
      for (const each of listeners) each();
      listeners.clear();
    };
    subscriptions.set(abortSignal, (subscription = { listeners, onSignal }));
    abortSignal.addEventListener('abort', onSignal, { once: true });
  }
  const { listeners, onSignal } = subscription;
  // An entry of its own, so the same function subscribed twice is called twice.
  const entry = () => listener();
  listeners.add(entry);
  return () => {
    if (!listeners.delete(entry) || listeners.size > 0) return;
    subscriptions.delete(abortSignal);
    abortSignal.removeEventListener('abort', onSignal);
  };
}

/**
 * Settles like `promise`, or rejects with `abortSignal.reason` as soon as the signal aborts (at
 * once if it already has); the subscription ({@link onAbort}) ends when either happens. `promise`
 * itself is not cancelled: whoever else awaits it still gets its result (a shared token refresh, a
 * submission).
 */
export function untilAborted<T>(promise: Promise<T>, abortSignal: AbortSignal): Promise<T> {
  if (abortSignal.aborted) return Promise.reject(abortSignal.reason);
  return new Promise<T>((resolve, reject) => {
    const unsubscribe = onAbort(abortSignal, () => reject(abortSignal.reason));
    promise.then(
      (value) => (unsubscribe(), resolve(value)),
      (error: unknown) => (unsubscribe(), reject(error)),
    );
  });
}
