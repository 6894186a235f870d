// When polls go out: never before the service's Retry-After (on the initial 202 and on every poll),
// and as soon as it has elapsed. Time is a ManualClock that moves itself forward whenever the poller
// sleeps; the server records arrivals on that clock, so the gaps are exact virtual milliseconds and
// the tests take no real time, whatever the delays.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation, type AbortLatestOperationOptions } from '../src/index.js';
import { ABORT_PATH, accepted, aksClient, arrivalGaps, cluster, status, STATUS_PATH, until, virtualTime } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Runs an abort to its end on virtual time; returns the waits the poller asked for and the gaps between arrivals. */
async function abortWith(initial: Record<string, string>, polls: ReturnType<typeof status>[], options: AbortLatestOperationOptions) {
  const clock = virtualTime(server);
  server.route('POST', ABORT_PATH, accepted(server, initial));
  server.route('GET', STATUS_PATH, polls);
  await abortLatestOperation(aksClient(server, { clock }), cluster, { minIntervalInMs: 0, ...options, clock });
  return { sleeps: clock.sleeps, gaps: arrivalGaps(server) };
}

describe('Retry-After is honoured on every response', () => {
  test('on the initial 202 (seconds)', async () => {
    const { sleeps, gaps } = await abortWith({ 'retry-after': '1' }, [status('Succeeded')], { intervalInMs: 5 });
    expect(sleeps).toEqual([1_000]);
    expect(gaps).toEqual([1_000]);
  });

  test('on each poll, and the last one wins', async () => {
    const { gaps } = await abortWith({}, [status('InProgress', {}, { 'retry-after-ms': '300' }), status('InProgress', {}, { 'retry-after-ms': '120' }), status('Succeeded')], { intervalInMs: 5 });
    expect(gaps).toEqual([5, 300, 120]);
  });

  test('x-ms-retry-after-ms', async () => {
    const { gaps } = await abortWith({ 'x-ms-retry-after-ms': '150' }, [status('Succeeded')], { intervalInMs: 5 });
    expect(gaps).toEqual([150]);
  });

  test('an HTTP-date: the poll goes at that date on the clock', async () => {
    const start = Date.UTC(2026, 4, 1, 10, 0, 0);
    const clock = virtualTime(server, { epochAtStart: start });
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after': 'Fri, 01 May 2026 10:00:02 GMT' }));
    server.route('GET', STATUS_PATH, status('Succeeded'));
    await abortLatestOperation(aksClient(server, { clock }), cluster, { intervalInMs: 5, clock });
    expect(server.requests.map((r) => start + r.arrivedAt)).toEqual([start, start + 2_000]);
  });

  test('Retry-After: 0 polls at minIntervalInMs (never at once), whatever intervalInMs says', async () => {
    const { sleeps } = await abortWith({ 'retry-after': '0' }, [status('Succeeded')], { intervalInMs: 10_000, minIntervalInMs: 150 });
    expect(sleeps).toEqual([150]);
  });
});

describe('intervalInMs, minIntervalInMs, maxIntervalInMs', () => {
  test('intervalInMs applies when there is no Retry-After', async () => {
    const { gaps } = await abortWith({}, [status('InProgress'), status('Succeeded')], { intervalInMs: 150 });
    expect(gaps).toEqual([150, 150]);
  });

  test('intervalInMs defaults to 2000', async () => {
    const { gaps } = await abortWith({}, [status('Succeeded')], {});
    expect(gaps).toEqual([2_000]);
  });

  test('minIntervalInMs raises a shorter Retry-After and a shorter interval', async () => {
    const { gaps } = await abortWith({ 'retry-after-ms': '10' }, [status('InProgress'), status('Succeeded')], { intervalInMs: 5, minIntervalInMs: 200 });
    expect(gaps).toEqual([200, 200]);
  });

  test('maxIntervalInMs cuts a longer Retry-After and a longer interval', async () => {
    const { gaps } = await abortWith({ 'retry-after': '3600' }, [status('InProgress'), status('Succeeded')], { intervalInMs: 60_000, maxIntervalInMs: 120 });
    expect(gaps).toEqual([120, 120]);
  });
});

describe('poll() by hand', () => {
  test('waits for the service Retry-After, not for intervalInMs', async () => {
    const clock = virtualTime(server);
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after-ms': '200' }));
    server.route('GET', STATUS_PATH, [status('InProgress'), status('Succeeded')]);
    const poller = abortLatestOperation(aksClient(server, { clock }), cluster, { intervalInMs: 60_000, minIntervalInMs: 0, clock });
    await poller.poll();
    await poller.poll();
    expect(arrivalGaps(server)).toEqual([200, 0]);
    expect(poller.isDone).toBe(true);
  });

  test('a poll() asked for early waits the rest of the Retry-After, and no longer', async () => {
    const clock = virtualTime(server, { autoAdvance: false });
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after-ms': '200' }));
    server.route('GET', STATUS_PATH, status('InProgress'));
    const poller = abortLatestOperation(aksClient(server, { clock }), cluster, { clock, minIntervalInMs: 0 });
    await poller.submitted();
    await clock.advance(150);
    const polled = poller.poll();
    await until(() => clock.pendingCount === 1);
    await clock.advance(49);
    expect(server.requests).toHaveLength(1); // 1 ms early: not sent
    await clock.advance(1);
    await polled;
    expect(server.requests.map((r) => r.arrivedAt)).toEqual([0, 200]);
    expect(clock.sleeps).toEqual([50]);
  });

  test('concurrent polls share one request', async () => {
    const clock = virtualTime(server);
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, { ...status('InProgress'), delayInMs: 50 });
    const poller = abortLatestOperation(aksClient(server, { clock }), cluster, { clock });
    const [a, b] = await Promise.all([poller.poll(), poller.poll()]);
    expect(server.requests).toHaveLength(2);
    expect(a.pollCount).toBe(1);
    expect(b.pollCount).toBe(1);
  });
});
