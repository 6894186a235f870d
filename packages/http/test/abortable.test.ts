import { getEventListeners } from 'node:events';
import { describe, expect, test } from 'vitest';
import { onAbort, untilAborted } from '../src/abortable.js';
import { systemClock } from '../src/clock.js';

describe('onAbort', () => {
  test('many subscribers share one listener on the signal; each is called once on abort; unsubscribed ones are not', () => {
    const controller = new AbortController();
    const calls: number[] = [];
    const unsubscribes = Array.from({ length: 1_000 }, (_, i) => onAbort(controller.signal, () => calls.push(i)));
    // Node's EventTarget walks its listener list on each add/remove: one listener keeps a fleet linear.
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    for (const unsubscribe of unsubscribes.slice(0, 500)) unsubscribe();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    expect(calls).toEqual(Array.from({ length: 500 }, (_, i) => 500 + i));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test('the last unsubscribe removes the one listener: nothing is left on a long-lived signal', () => {
    const controller = new AbortController();
    const unsubscribes = Array.from({ length: 10 }, () => onAbort(controller.signal, () => {}));
    for (const unsubscribe of unsubscribes) unsubscribe();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    // A later subscriber still hears the abort.
    let heard = false;
    onAbort(controller.signal, () => (heard = true));
    controller.abort();
    expect(heard).toBe(true);
  });

  test('the same function subscribed twice is called twice, and each unsubscribe removes one', () => {
    const controller = new AbortController();
    let count = 0;
    const listener = () => count++;
    const first = onAbort(controller.signal, listener);
    onAbort(controller.signal, listener);
    first();
    controller.abort();
    expect(count).toBe(1);
  });
});

describe('waits sharing one signal', () => {
  test('1,000 untilAborted on one signal: one listener; abort rejects each with the reason', async () => {
    const controller = new AbortController();
    const never = new Promise<never>(() => {});
    const waits = Array.from({ length: 1_000 }, () => untilAborted(never, controller.signal));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort(new Error('stop'));
    const settled = await Promise.allSettled(waits);
    expect(settled.every((s) => s.status === 'rejected' && (s.reason as Error).message === 'stop')).toBe(true);
  });

  test('system clock sleeps on one signal: one listener; abort ends them all', async () => {
    const controller = new AbortController();
    const sleeps = Array.from({ length: 200 }, () => systemClock.sleep(60_000, controller.signal));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort(new Error('stop'));
    const settled = await Promise.allSettled(sleeps);
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(200);
  });
});
