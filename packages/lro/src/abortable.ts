import type { Clock } from '@azlro/http';
import { onAbort } from '@azlro/http/internal';

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

/** A signal that aborts with the first of several (see {@link linkSignals}); `dispose()` stops following them. */
export interface LinkedSignal {
  readonly signal: AbortSignal;
  dispose(): void;
}

/**
 * A signal that aborts when any of `signals` does, with its reason (at once if one already has).
 * One signal is handed back as it is. Forwarded by hand through `onAbort`, not `AbortSignal.any`:
 * on Node 20 that leaves a WeakRef in each source signal's set of dependants, never removed, so a
 * long-lived signal (a fleet's) grew by ~60 bytes a wait. Call `dispose()` when the wait ends.
 */
export function linkSignals(signals: readonly AbortSignal[]): LinkedSignal {
  if (signals.length === 1) return { signal: signals[0]!, dispose: noop };
  const controller = new AbortController();
  const unsubscribes: (() => void)[] = [];
  const dispose = () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  for (const source of signals) {
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    unsubscribes.push(onAbort(source, () => (dispose(), controller.abort(source.reason))));
  }
  if (controller.signal.aborted) dispose();
  return { signal: controller.signal, dispose };
}
