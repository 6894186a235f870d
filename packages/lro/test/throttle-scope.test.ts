// ThrottleScope.enlist: what a pause does to the polls of its scope that are queued or in flight.
// Time is a ManualClock; listeners are read with node:events getEventListeners.
import { getEventListeners } from 'node:events';
import { ManualClock } from '@azlro/http/testing';
import { describe, expect, test } from 'vitest';
import { ThrottleScope } from '../src/throttle-scope.js';

const cause = { status: 429, retryAfterInMs: 5000 } as const;

describe('ThrottleScope.enlist', () => {
  test('a pause calls off the polls enlisted then (with one reason), not one disposed before, nor one enlisted after', () => {
    const scope = new ThrottleScope();
    const [a, b, gone] = [scope.enlist(new AbortController().signal), scope.enlist(new AbortController().signal), scope.enlist(new AbortController().signal)];
    gone.dispose();
    scope.pause(new ManualClock(), 5000, cause);
    const later = scope.enlist(new AbortController().signal);
    expect([a.calledOff, b.calledOff, gone.calledOff, later.calledOff]).toEqual([true, true, false, false]);
    expect([a.signal.aborted, b.signal.aborted, gone.signal.aborted, later.signal.aborted]).toEqual([true, true, false, false]);
    expect(a.signal.reason).toBe(b.signal.reason);
    expect((a.signal.reason as Error).message).toBe('polls of this scope are paused by a 429');
  });

  test("a poll follows its caller's signal (its reason, not called off) and, once disposed, leaves no listener on it", () => {
    const scope = new ThrottleScope();
    const caller = new AbortController();
    const poll = scope.enlist(caller.signal);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    const reason = new Error('caller gave up');
    caller.abort(reason);
    expect([poll.signal.aborted, poll.signal.reason, poll.calledOff]).toEqual([true, reason, false]);
    const other = new AbortController();
    scope.enlist(other.signal).dispose();
    expect(getEventListeners(other.signal, 'abort')).toHaveLength(0);
  });

  test('an already aborted caller gives an aborted poll signal at once', () => {
    const reason = new Error('already');
    const poll = new ThrottleScope().enlist(AbortSignal.abort(reason));
    expect([poll.signal.aborted, poll.signal.reason]).toEqual([true, reason]);
  });
});
