import { createHook } from 'node:async_hooks';
import { getEventListeners } from 'node:events';
import { describe, expect, test } from 'vitest';
import { delay } from '@azlro/http/internal';
import { ManualClock } from '@azlro/http/testing';

describe('delay', () => {
  test('resolves once the clock has moved the given time, and not a moment before', async () => {
    const clock = new ManualClock();
    let resolved = false;
    const waiting = delay(60, { clock }).then(() => (resolved = true));
    await clock.advance(59);
    expect(resolved).toBe(false);
    await clock.advance(1);
    await waiting;
    expect(resolved).toBe(true);
    expect(clock.sleeps).toEqual([60]);
  });

  test('an abort on an injected clock rejects with the reason and leaves no timer pending', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const waiting = delay(10_000, { clock, abortSignal: controller.signal });
    expect(clock.pendingCount).toBe(1);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(clock.pendingCount).toBe(0);
  });

  // The one real wait: the default clock must really wait on a timer. 30 ms, with the lower bound
  // exact and the upper bound generous (seconds) for a loaded machine.
  test('without a clock it waits on real time: at least the given time', async () => {
    const started = performance.now();
    await delay(30);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(29);
    expect(elapsed).toBeLessThan(5_000);
  });

  test('0 ms resolves on the next timer tick', async () => {
    await expect(delay(0)).resolves.toBeUndefined();
  });

  test('rejects at once with the reason when the signal is already aborted', async () => {
    const reason = new Error('stop');
    await expect(delay(10_000, { abortSignal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  test('rejects promptly with the reason when aborted while waiting', async () => {
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const started = performance.now();
    const waiting = delay(10_000, { abortSignal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(waiting).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('clears its timer on abort (the timer is destroyed, not merely unref-ed)', async () => {
    const created = new Set<number>();
    const destroyed = new Set<number>();
    const hook = createHook({
      init: (id, type) => type === 'Timeout' && created.add(id),
      destroy: (id) => destroyed.add(id),
    }).enable();
    const controller = new AbortController();
    const waiting = delay(60_000, { abortSignal: controller.signal });
    const ours = [...created];
    controller.abort();
    await waiting.catch(() => {});
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    hook.disable();
    expect(ours).toHaveLength(1);
    expect(destroyed.has(ours[0]!)).toBe(true);
  });

  test('leaves no abort listener behind, whether it resolves or is aborted', async () => {
    const controller = new AbortController();
    await delay(1, { abortSignal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    const other = new AbortController();
    const waiting = delay(10_000, { abortSignal: other.signal });
    expect(getEventListeners(other.signal, 'abort')).toHaveLength(1);
    other.abort();
    await waiting.catch(() => {});
    expect(getEventListeners(other.signal, 'abort')).toHaveLength(0);
  });

  test('waits past 2^31-1 ms by chaining timers instead of firing at once', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const controller = new AbortController();
    let settled = false;
    const waiting = delay(2 ** 31 + 5_000, { abortSignal: controller.signal }).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false); // a single setTimeout would have fired after 1 ms
    controller.abort(new Error('done'));
    await expect(waiting).rejects.toThrow('done');
    process.off('warning', onWarning);
    expect(warnings).not.toContain('TimeoutOverflowWarning');
  });

  test('rejects bad durations before waiting', () => {
    expect(() => delay(-1)).toThrow(RangeError);
    expect(() => delay(Number.NaN)).toThrow(/ms must be/);
    expect(() => delay('5' as unknown as number)).toThrow(TypeError);
  });
});
