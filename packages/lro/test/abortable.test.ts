// startDeadline: what a pollUntilDone holds while it waits, with and without timeoutInMs.
import { describe, expect, test } from 'vitest';
import { startDeadline } from '../src/abortable.js';

describe('startDeadline', () => {
  test('without a timeout: a signal that never aborts, its own per deadline, and a clear() that does nothing', async () => {
    const a = startDeadline(Infinity);
    const b = startDeadline(Infinity);
    expect(a.signal).toBeInstanceOf(AbortSignal);
    expect(a.signal).not.toBe(b.signal); // one shared signal would collect every waiter's listeners
    expect(a.clear).toBe(b.clear); // nothing per deadline to clear
    a.clear();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([a.signal.aborted, b.signal.aborted]).toEqual([false, false]);
  });

  test('with a timeout: aborts once it passes, with an error naming it', async () => {
    const deadline = startDeadline(30);
    expect(deadline.signal.aborted).toBe(false);
    await new Promise((resolve) => deadline.signal.addEventListener('abort', resolve, { once: true }));
    expect((deadline.signal.reason as Error).message).toBe('deadline of 30 ms passed');
  });

  test('clear() before it passes: never aborts', async () => {
    const deadline = startDeadline(30);
    deadline.clear();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(deadline.signal.aborted).toBe(false);
  });
});
