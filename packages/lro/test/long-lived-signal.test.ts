// One long-lived AbortSignal (a fleet's, a pipeline's) shared by many pollers and many waits: each
// wait must leave nothing on it. Counted, not timed: listeners on the signal, heap after a GC, warnings.
import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ManualClock } from '@azlro/http/testing';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { abortLatestOperation } from '../src/index.js';
import { ABORT_PATH, accepted, aksClient, cluster, status, STATUS_PATH, until, virtualTime } from './helpers.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());

/** Heap in use after a full GC (bytes). */
async function heapAfterGc(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return process.memoryUsage().heapUsed;
}

describe('one long-lived signal', () => {
  test('80,000 waits of done pollers on it leave nothing behind (AbortSignal.any kept a WeakRef on it per wait, never freed: ~60 bytes each)', async () => {
    server.reset();
    server.route('POST', ABORT_PATH, { status: 204 });
    const fleet = new AbortController();
    const poller = abortLatestOperation(aksClient(server), cluster, { abortSignal: fleet.signal, timeoutInMs: 3_600_000 });
    await poller.pollUntilDone();
    const call = new AbortController().signal;
    const wait = async () => {
      for (let i = 0; i < 20_000; i++) {
        await poller.pollUntilDone();
        await poller.pollUntilDone({ abortSignal: call });
      }
    };
    await wait(); // warm up: code and caches reach their steady size
    const before = await heapAfterGc();
    await wait();
    await wait();
    const grown = (await heapAfterGc()) - before;
    // A leak of one WeakRef per wait is ~7 MB here; steady state moves by well under 1 MB.
    expect(grown).toBeLessThan(2_500_000);
    expect(getEventListeners(fleet.signal, 'abort')).toHaveLength(0);
  }, 60_000);

  test('300 pollers waiting on one signal with a ManualClock add one listener to it, not one each (no MaxListenersExceededWarning)', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const clock = virtualTime(server, { autoAdvance: false });
      server.route('POST', ABORT_PATH, accepted(server, { 'retry-after': '60' }));
      server.route('GET', STATUS_PATH, status('Succeeded'));
      const fleet = new AbortController();
      const client = aksClient(server, { clock });
      const pollers = Array.from({ length: 300 }, () => abortLatestOperation(client, cluster, { abortSignal: fleet.signal, clock }));
      await Promise.all(pollers.map((p) => p.submitted()));
      const polls = Promise.all(pollers.map((p) => p.poll()));
      await until(() => clock.pendingCount === 300);
      expect(getEventListeners(fleet.signal, 'abort').length).toBeLessThanOrEqual(1);
      await clock.advance(60_000);
      await polls;
      expect(pollers.every((p) => p.isDone)).toBe(true);
      expect(getEventListeners(fleet.signal, 'abort')).toHaveLength(0);
      expect(clock.pendingCount).toBe(0);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  }, 30_000);
});
