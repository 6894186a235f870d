/**
 * `@azlro/http/testing`: a {@link ManualClock} to drive azlro's time in tests and simulations,
 * so retries, token refreshes and polls can be checked by the delays they ask for, not by sleeping.
 * @packageDocumentation
 */
import { onAbort } from './abortable.js';
import { checkDelayInMs, type Clock } from './clock.js';

export type { Clock } from './clock.js';

/** Options of {@link ManualClock}. */
export interface ManualClockOptions {
  /** What `epochNow()` answers at virtual time 0 (ms since the epoch). @default Date.UTC(2026, 0, 1) */
  epochAtStart?: number;
  /**
   * When true, every `sleep(ms)` moves virtual time forward by itself (on the next turn of the
   * event loop) to the sleep's end, firing earlier timers in order on the way. Time then passes
   * only while someone waits, so a whole poll loop runs at once while every delay is recorded.
   * Every sleep moves time to its own end, a deadline's too: while the code under test waits on
   * I/O (a request in flight) and nobody else sleeps, a pending deadline fires at once. Test a
   * `timeoutInMs` without autoAdvance, calling `runNext()` each time the code is blocked on timers.
   * @default false (time moves only through `advance` / `runNext`)
   */
  autoAdvance?: boolean;
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly resolve: () => void;
  readonly cleanup: () => void;
}

/** One turn of the event loop: pending promise callbacks and I/O callbacks run first. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A {@link Clock} whose time moves only when told to (or, with `autoAdvance`, when someone
 * sleeps). Every requested sleep is recorded in `sleeps`, so a test asserts the exact delays a
 * retry policy or poller asked for.
 */
export class ManualClock implements Clock {
  #now = 0;
  #seq = 0;
  readonly #epochAtStart: number;
  readonly #autoAdvance: boolean;
  readonly #timers: Timer[] = [];
  /** Every `sleep(ms)` asked of this clock, in call order (milliseconds). */
  readonly sleeps: number[] = [];

  constructor(options: ManualClockOptions = {}) {
    this.#epochAtStart = options.epochAtStart ?? Date.UTC(2026, 0, 1);
    this.#autoAdvance = options.autoAdvance ?? false;
  }

  now(): number {
    return this.#now;
  }

  epochNow(): number {
    return this.#epochAtStart + this.#now;
  }

  /** Timers not yet fired (sleeps in progress). */
  get pendingCount(): number {
    return this.#timers.length;
  }

  sleep(ms: number, abortSignal?: AbortSignal): Promise<void> {
    checkDelayInMs(ms);
    this.sleeps.push(ms);
    if (abortSignal?.aborted) return Promise.reject(abortSignal.reason);
    const at = this.#now + ms;
    const promise = new Promise<void>((resolve, reject) => {
      // One subscription per sleep through onAbort, as the system clock does: a fleet's pollers may
      // all sleep on one signal, which would otherwise get a listener each (MaxListenersExceededWarning).
      const unsubscribe = abortSignal
        ? onAbort(abortSignal, () => {
            const i = this.#timers.indexOf(timer);
            if (i >= 0) this.#timers.splice(i, 1);
            reject(abortSignal.reason);
          })
        : undefined;
      const timer: Timer = { at, seq: this.#seq++, resolve, cleanup: () => unsubscribe?.() };
      this.#timers.push(timer);
    });
    if (this.#autoAdvance) setImmediate(() => void this.advanceTo(at));
    return promise;
  }

  /** Moves time forward by `ms`, firing due timers in order and letting their callbacks run. */
  advance(ms: number): Promise<void> {
    checkDelayInMs(ms);
    return this.advanceTo(this.#now + ms);
  }

  /**
   * Moves time to `time` (never backwards), firing each timer due by then in time order; after
   * each, one turn of the event loop lets its continuation run (and perhaps sleep again).
   */
  async advanceTo(time: number): Promise<void> {
    for (;;) {
      const next = this.#earliest();
      if (!next || next.at > time) break;
      this.#timers.splice(this.#timers.indexOf(next), 1);
      this.#now = Math.max(this.#now, next.at);
      next.cleanup();
      next.resolve();
      await turn();
    }
    this.#now = Math.max(this.#now, time);
  }

  /** Fires the earliest pending timer (moving time to it); false when none is pending. */
  async runNext(): Promise<boolean> {
    const next = this.#earliest();
    if (!next) return false;
    await this.advanceTo(next.at);
    return true;
  }

  #earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.#timers) if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    return best;
  }
}
