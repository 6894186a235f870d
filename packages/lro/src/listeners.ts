import type { AzlroLogger } from '@azlro/http';

/**
 * `onProgress` subscribers. One that throws is logged and the others still get the state; the
 * first error is returned, so the poller can reject the wait that delivered it (as core-lro does).
 */
export class Listeners<T> {
  readonly #callbacks = new Set<(value: T) => void>();
  readonly #log: AzlroLogger;
  readonly #name: string;

  constructor(log: AzlroLogger, name: string) {
    this.#log = log;
    this.#name = name;
  }

  /** Adds `callback`; returns the function that removes it (the same callback twice is two subscriptions). */
  add(callback: (value: T) => void): () => void {
    if (typeof callback !== 'function') throw new TypeError(`callback must be a function; got ${typeof callback}`);
    const listener = (value: T) => callback(value);
    this.#callbacks.add(listener);
    return () => void this.#callbacks.delete(listener);
  }

  /** Calls every subscriber with `value()` (a fresh snapshot each); returns the first error one threw. */
  emit(value: () => T): { error: unknown } | undefined {
    let first: { error: unknown } | undefined;
    for (const listener of this.#callbacks) {
      try {
        listener(value());
      } catch (error) {
        this.#log.error(`${this.#name}: an onProgress callback threw: ${String(error)}`);
        first ??= { error };
      }
    }
    return first;
  }
}
