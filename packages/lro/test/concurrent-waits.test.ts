// Several waits on one poller at once: poll() beside pollUntilDone(), two pollUntilDone(), `await`
// twice. They share each request and every wait honours what any response asked for.
import { ManualClock } from '@azlro/http/testing';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation } from '../src/index.js';
import { ABORT_PATH, accepted, aksClient, cluster, seen, status, STATUS_PATH, until } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('concurrent waits', () => {
  test("pollUntilDone() asleep on the interval waits out a Retry-After that a concurrent poll() received", async () => {
    const clock = new ManualClock();
    server.reset({ clock });
    server.route('POST', ABORT_PATH, accepted(server)); // no Retry-After: pollUntilDone sleeps the 2 s interval
    server.route('GET', STATUS_PATH, [status('InProgress', {}, { 'retry-after': '30' }), status('Succeeded')]);
    const poller = abortLatestOperation(aksClient(server), cluster, { clock });
    const done = poller.pollUntilDone();
    await poller.submitted();
    await until(() => clock.pendingCount === 1);
    const polled = poller.poll(); // allowed at once: sleeps 0 ms
    await until(() => clock.pendingCount === 2);
    await clock.runNext();
    await expect(polled).resolves.toMatchObject({ status: 'running', pollCount: 1 });
    // The service asked for 30 s at time 0; pollUntilDone's 2 s are up, and it must not poll yet.
    await clock.advanceTo(2000);
    await until(() => clock.pendingCount === 1 || server.requests.length > 2);
    expect(server.requests).toHaveLength(2);
    await clock.advanceTo(30_000);
    await expect(done).resolves.toBeUndefined();
    expect(seen(server)).toEqual([`POST ${ABORT_PATH}`, `GET ${STATUS_PATH}`, `GET ${STATUS_PATH}`]);
    expect(server.requests.map((r) => r.arrivedAt)).toEqual([0, 0, 30_000]);
    expect(clock.sleeps).toEqual([2000, 0, 28_000]);
  });

  test('two pollUntilDone() and two awaits share one request per poll', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    server.reset({ clock });
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [status('InProgress'), status('InProgress'), status('Succeeded')]);
    const poller = abortLatestOperation(aksClient(server), cluster, { clock });
    const outcomes = await Promise.all([poller.pollUntilDone(), poller.pollUntilDone(), poller, poller]);
    expect(outcomes).toEqual([undefined, undefined, undefined, undefined]);
    expect(server.requests.map((r) => `${r.method} ${r.arrivedAt}`)).toEqual(['POST 0', 'GET 2000', 'GET 4000', 'GET 6000']);
  });
});
