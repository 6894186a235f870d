// startDeadline: what a pollUntilDone holds while it waits, with and without timeoutInMs.
// Time is a ManualClock: the deadline fires when the test moves time, not after a real sleep.
import { ManualClock } from '@azlro/http/testing';
import { describe, expect, test } from 'vitest';
import { getEventListeners } from 'node:events';
import { linkSignals, startDeadline } from '../src/abortable.js';

describe('startDeadline', () => {
  test('without a timeout: a signal that never aborts, its own per deadline, no timer, and a clear() that does nothing', async () => {
    const clock = new ManualClock();
    const a = startDeadline(Infinity, clock);
    const b = startDeadline(Infinity, clock);
    expect(a.signal).toBeInstanceOf(AbortSignal);
    expect(a.signal).not.toBe(b.signal); // one shared signal would collect every waiter's listeners
    expect(a.clear).toBe(b.clear); // nothing per deadline to clear
    expect(clock.sleeps).toEqual([]); // no timer at all
    a.clear();
    await clock.advance(10 * 365 * 86_400_000);
    expect([a.signal.aborted, b.signal.aborted]).toEqual([false, false]);
  });

  test('with a timeout: aborts exactly when it passes, with an error naming it', async () => {
    const clock = new ManualClock();
    const deadline = startDeadline(30, clock);
    expect(clock.sleeps).toEqual([30]);
    await clock.advance(29);
    expect(deadline.signal.aborted).toBe(false);
    await clock.advance(1);
    expect(deadline.signal.aborted).toBe(true);
    expect((deadline.signal.reason as Error).message).toBe('deadline of 30 ms passed');
  });

  test('clear() before it passes: never aborts, and its timer is gone', async () => {
    const clock = new ManualClock();
    const deadline = startDeadline(30, clock);
    deadline.clear();
    expect(clock.pendingCount).toBe(0);
    await clock.advance(1_000);
    expect(deadline.signal.aborted).toBe(false);
  });
});

describe('linkSignals', () => {
  test('aborts with the first source to abort, with its reason, then follows none of them', () => {
    const [a, b] = [new AbortController(), new AbortController()];
    const linked = linkSignals([a.signal, b.signal]);
    expect(getEventListeners(a.signal, 'abort')).toHaveLength(1);
    const reason = new Error('b first');
    b.abort(reason);
    expect(linked.signal.reason).toBe(reason);
    expect([getEventListeners(a.signal, 'abort').length, getEventListeners(b.signal, 'abort').length]).toEqual([0, 0]);
  });

  test('dispose() leaves nothing on a long-lived source; an aborted source aborts it at once; one source is itself', () => {
    const fleet = new AbortController();
    const links = Array.from({ length: 100 }, () => linkSignals([fleet.signal, new AbortController().signal]));
    expect(getEventListeners(fleet.signal, 'abort')).toHaveLength(1); // one, however many waits (onAbort)
    for (const link of links) link.dispose();
    expect(getEventListeners(fleet.signal, 'abort')).toHaveLength(0);
    const reason = new Error('already');
    expect(linkSignals([fleet.signal, AbortSignal.abort(reason)]).signal.reason).toBe(reason);
    expect(getEventListeners(fleet.signal, 'abort')).toHaveLength(0);
    expect(linkSignals([fleet.signal]).signal).toBe(fleet.signal);
  });
});
