// ManualClock (@azlro/http/testing): the time every timing test in the repository relies on.
import { getEventListeners } from 'node:events';
import { describe, expect, test } from 'vitest';
import { ManualClock } from '../src/testing.js';

describe('ManualClock', () => {
  test('fires sleeps in time order when advanced, and not before', async () => {
    const clock = new ManualClock();
    const fired: string[] = [];
    void clock.sleep(300).then(() => fired.push(`b@${clock.now()}`));
    void clock.sleep(100).then(() => fired.push(`a@${clock.now()}`));
    await clock.advance(99);
    expect(fired).toEqual([]);
    await clock.advance(250);
    expect(fired).toEqual(['a@100', 'b@300']);
    expect(clock.now()).toBe(349);
    expect(clock.sleeps).toEqual([300, 100]);
  });

  test('a sleep requested by a fired timer’s continuation fires within the same advance', async () => {
    const clock = new ManualClock();
    const at: number[] = [];
    void (async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(1_000);
        at.push(clock.now());
      }
    })();
    await clock.advance(5_000);
    expect(at).toEqual([1_000, 2_000, 3_000]);
  });

  test('abort rejects with the reason and removes the timer; an aborted signal rejects at once', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const wait = clock.sleep(1_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(wait).rejects.toThrow('stop');
    expect(clock.pendingCount).toBe(0);
    await expect(clock.sleep(5, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  test('1,000 sleeps on one signal add one listener to it, gone once they fire or abort', async () => {
    const clock = new ManualClock();
    const fleet = new AbortController();
    const fired = Array.from({ length: 1000 }, () => clock.sleep(10, fleet.signal));
    expect(getEventListeners(fleet.signal, 'abort')).toHaveLength(1); // not 1,000 (MaxListenersExceededWarning past 10)
    await clock.advance(10);
    await Promise.all(fired);
    expect(getEventListeners(fleet.signal, 'abort')).toHaveLength(0);
    const aborted = Array.from({ length: 1000 }, () => clock.sleep(10, fleet.signal));
    const reason = new Error('fleet stopped');
    fleet.abort(reason);
    for (const sleep of aborted) await expect(sleep).rejects.toBe(reason);
    expect([clock.pendingCount, getEventListeners(fleet.signal, 'abort').length]).toEqual([0, 0]);
  });

  test('autoAdvance: a loop of sleeps completes without real waiting, with virtual time equal to their sum', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    const realStart = performance.now();
    for (let i = 0; i < 5; i++) await clock.sleep(60_000);
    expect(clock.now()).toBe(300_000);
    // Generous real-time bound (a busy machine): five minutes of virtual time took well under 5 s.
    expect(performance.now() - realStart).toBeLessThan(5_000);
  });

  test('autoAdvance: a longer timer nobody waits past (a deadline) does not fire early', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    let deadlineFired = false;
    const controller = new AbortController();
    void clock.sleep(10_000, controller.signal).then(() => (deadlineFired = true), () => {});
    await clock.sleep(1_000);
    expect(deadlineFired).toBe(false);
    await clock.sleep(9_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(deadlineFired).toBe(true);
  });

  test('epochNow follows now from epochAtStart; bad delays are refused', async () => {
    const clock = new ManualClock({ epochAtStart: 1_000_000 });
    await clock.advance(500);
    expect(clock.epochNow()).toBe(1_000_500);
    expect(() => clock.sleep(-1)).toThrow(RangeError);
    expect(() => clock.sleep(Number.NaN)).toThrow(RangeError);
    expect(() => clock.sleep('5' as unknown as number)).toThrow(TypeError);
  });
});
