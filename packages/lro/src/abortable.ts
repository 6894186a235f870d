import type { Clock } from '@azlro/http';

/** A deadline as an AbortSignal; `clear()` removes its timer. Infinity never fires and sets no timer. */
export interface Deadline {
  readonly signal: AbortSignal;
  clear(): void;
}

const noop = (): void => {};

/**
 * Starts a deadline of `timeoutInMs` on `clock` (any length: the system clock chains timers past 2^31-1 ms). Without a
 * timeout it holds only a signal that never aborts: no controller, timer, listener or closure. That
 * signal is the deadline's own, not one shared by every wait, since whatever listens to it (a delay,
 * a fetch) would otherwise pile up on one signal.
 */
export function startDeadline(timeoutInMs: number, clock: Clock): Deadline {
  if (!Number.isFinite(timeoutInMs)) return { signal: new AbortController().signal, clear: noop };
  const fired = new AbortController();
  const stop = new AbortController();
  clock.sleep(timeoutInMs, stop.signal).then(
    () => fired.abort(new Error(`deadline of ${timeoutInMs} ms passed`)),
    () => {},
  );
  return { signal: fired.signal, clear: () => stop.abort() };
}
