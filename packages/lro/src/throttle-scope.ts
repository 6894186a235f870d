import type { Clock } from '@azlro/http';
import { decodeOrKeep, onAbort } from '@azlro/http/internal';
import type { OperationThrottling } from './state.js';

/** One poll of a {@link ThrottleScope} (see `enlist`). */
export interface EnlistedPoll {
  /** The poll's signal: aborts with the caller's signal, or when the scope's next pause begins. */
  readonly signal: AbortSignal;
  /** True once a pause of the scope called this poll off. */
  calledOff: boolean;
  /** Calls the poll off (the scope's pause). */
  abort(reason: unknown): void;
  /** The poll is over: leaves the scope and stops following the caller's signal. */
  dispose(): void;
}

/**
 * The pause a 429 put on one throttling scope. ARM throttles per subscription (and per tenant), so
 * a 429 to one poll says the same about every poll of that subscription: every poller of the
 * scope waits it out instead of each earning its own 429.
 */
export class ThrottleScope {
  #clock: Clock | undefined;
  /** On `#clock`'s monotonic time. */
  #until = 0;
  #cause: Omit<OperationThrottling, 'notBefore' | 'shared'> | undefined;
  /** Polls of this scope queued for a connection or in flight (see {@link enlist}). */
  readonly #enlisted = new Set<EnlistedPoll>();

  /**
   * A signal for one poll of this scope: it aborts when `abortSignal` does (with its reason), or
   * when the next pause begins, and the poll is then `calledOff`: queued (for a connection) or in
   * flight, it is called off rather than sent into the throttle; it is a GET, so calling it off
   * costs at most an answer that the poll after the pause gets again. Call `dispose()` once the
   * poll is over. Polls are kept in a Set (O(1) in and out), not as listeners of one shared
   * signal, whose listener list Node's EventTarget scans on every add and remove: with 100,000
   * polls queued at once that was quadratic and stalled the process (issue 14).
   */
  enlist(abortSignal: AbortSignal): EnlistedPoll {
    const controller = new AbortController();
    const forward = () => controller.abort(abortSignal.reason);
    const enlisted = this.#enlisted;
    // The caller's signal may be one for a whole fleet: one subscription each through onAbort.
    const unsubscribe = abortSignal.aborted ? undefined : onAbort(abortSignal, forward);
    if (!unsubscribe) forward();
    const poll: EnlistedPoll = {
      signal: controller.signal,
      calledOff: false,
      abort: (reason) => ((poll.calledOff = true), controller.abort(reason)),
      dispose: () => (enlisted.delete(poll), unsubscribe?.()),
    };
    enlisted.add(poll);
    return poll;
  }

  /** Milliseconds until polls to this scope may go again (0 when not paused). */
  get remainingInMs(): number {
    return this.#clock ? Math.max(0, this.#until - this.#clock.now()) : 0;
  }

  /** What paused the scope, while it is paused. */
  get cause(): Omit<OperationThrottling, 'notBefore' | 'shared'> | undefined {
    return this.remainingInMs > 0 ? this.#cause : undefined;
  }

  /** Pauses the scope for `ms` on `clock`; a shorter pause never cuts a longer one short. */
  pause(clock: Clock, ms: number, cause: Omit<OperationThrottling, 'notBefore' | 'shared'>): void {
    if (ms <= this.remainingInMs) return;
    // Times from different clocks are not comparable: the pause keeps the clock that measured it.
    this.#clock = clock;
    this.#until = clock.now() + ms;
    this.#cause = cause;
    const reason = new Error('polls of this scope are paused by a 429');
    const enlisted = [...this.#enlisted];
    this.#enlisted.clear();
    for (const poll of enlisted) poll.abort(reason);
  }
}

/** Client → scope key → scope. Weak: a client that is gone takes its scopes with it. */
const scopes = new WeakMap<object, Map<string, ThrottleScope>>();

/** An ARM subscription id in a path: `/subscriptions/{id}/…`, case-insensitive like ARM. */
const SUBSCRIPTION = /^\/subscriptions\/([^/]+)/i;

/**
 * Which throttling budget a polling URL draws on: its ARM subscription (lower-cased), else its
 * origin (Cloud Partner Portal: one budget per client and host). Never throws for a URL the
 * poller accepted: a handed-out URL it cannot decode must still be polled and serialized.
 */
export function throttleScopeKey(url: string): string {
  const { origin, pathname } = new URL(url);
  const subscription = SUBSCRIPTION.exec(pathname)?.[1];
  return subscription ? `subscription:${decodeOrKeep(subscription).toLowerCase()}` : `origin:${origin}`;
}

/**
 * The scope shared by every poller of `client` whose polling URL has the same key: one client
 * stands for one credential (so one tenant), the key for the subscription.
 */
export function throttleScopeFor(client: object, url: string): ThrottleScope {
  let byKey = scopes.get(client);
  if (!byKey) scopes.set(client, (byKey = new Map()));
  const key = throttleScopeKey(url);
  let scope = byKey.get(key);
  if (!scope) byKey.set(key, (scope = new ThrottleScope()));
  return scope;
}
