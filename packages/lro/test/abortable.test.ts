// startDeadline: what a pollUntilDone holds while it waits, with and without timeoutInMs.
// Time is a ManualClock: the deadline fires when the test moves time, not after a real sleep.
import { ManualClock } from '@azlro/http/testing';
import { describe, expect, test } from 'vitest';
import { startDeadline } from '../src/abortable.js';

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
