import type { Clock } from '@azlro/http';
import type { OperationThrottling } from './state.js';

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
  #calledOff = new AbortController();

  /**
   * Aborts when the next pause begins. Polls of the scope that are queued (a connection pool, a
   * bounded fetch) or in flight then are called off rather than sent into the throttle: they are
   * GETs, so calling one off costs at most an answer that the poll after the pause gets again.
   */
  get pauseSignal(): AbortSignal {
    return this.#calledOff.signal;
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
    const calledOff = this.#calledOff;
    this.#calledOff = new AbortController();
    calledOff.abort(new Error('polls of this scope are paused by a 429'));
  }
}

/** Client → scope key → scope. Weak: a client that is gone takes its scopes with it. */
const scopes = new WeakMap<object, Map<string, ThrottleScope>>();

/** An ARM subscription id in a path: `/subscriptions/{id}/…`, case-insensitive like ARM. */
const SUBSCRIPTION = /^\/subscriptions\/([^/]+)/i;

/**
 * Which throttling budget a polling URL draws on: its ARM subscription (lower-cased), else its
 * origin (Cloud Partner Portal: one budget per client and host).
 */
export function throttleScopeKey(url: string): string {
  const { origin, pathname } = new URL(url);
  const subscription = SUBSCRIPTION.exec(pathname)?.[1];
  return subscription ? `subscription:${decodeURIComponent(subscription).toLowerCase()}` : `origin:${origin}`;
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
