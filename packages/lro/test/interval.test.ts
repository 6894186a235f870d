// When polls go out, read from the server's own arrival timestamps: never before the service's
// Retry-After (on the initial 202 and on every poll), and promptly once it has elapsed.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation, type AbortLatestOperationOptions } from '../src/index.js';
import { ABORT_PATH, accepted, aksClient, arrivalGaps, cluster, status, STATUS_PATH } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

/** How late a poll may be and still count as prompt. */
const PROMPT_IN_MS = 100;
/** Timers may fire up to 1 ms early when sub-millisecond times are rounded. */
const TIMER_GRANULARITY_IN_MS = 1;

function expectGap(gap: number | undefined, wantedInMs: number) {
  expect(gap).toBeGreaterThanOrEqual(wantedInMs - TIMER_GRANULARITY_IN_MS);
  expect(gap).toBeLessThan(wantedInMs + PROMPT_IN_MS);
}

async function abortWith(initial: Record<string, string>, polls: ReturnType<typeof status>[], options: AbortLatestOperationOptions) {
  server.route('POST', ABORT_PATH, accepted(server, initial));
  server.route('GET', STATUS_PATH, polls);
  await abortLatestOperation(aksClient(server), cluster, options);
  return arrivalGaps(server);
}

describe('Retry-After is honoured on every response', () => {
  test('on the initial 202 (seconds)', async () => {
    const gaps = await abortWith({ 'retry-after': '1' }, [status('Succeeded')], { intervalInMs: 5 });
    expectGap(gaps[0], 1000);
  });

  test('on each poll, and the last one wins', async () => {
    const gaps = await abortWith({}, [status('InProgress', {}, { 'retry-after-ms': '300' }), status('InProgress', {}, { 'retry-after-ms': '120' }), status('Succeeded')], { intervalInMs: 5 });
    expect(gaps).toHaveLength(3);
    expectGap(gaps[0], 5);
    expectGap(gaps[1], 300);
    expectGap(gaps[2], 120);
  });

  test('x-ms-retry-after-ms', async () => {
    const gaps = await abortWith({ 'x-ms-retry-after-ms': '150' }, [status('Succeeded')], { intervalInMs: 5 });
    expectGap(gaps[0], 150);
  });

  test('an HTTP-date', async () => {
    const arrivals: number[] = [];
    let target = 0;
    server.route('POST', ABORT_PATH, () => {
      target = Math.ceil((Date.now() + 1500) / 1000) * 1000; // HTTP dates have whole seconds
      return accepted(server, { 'retry-after': new Date(target).toUTCString() });
    });
    server.route('GET', STATUS_PATH, () => (arrivals.push(Date.now()), status('Succeeded')));
    await abortLatestOperation(aksClient(server), cluster, { intervalInMs: 5 });
    expect(arrivals[0]).toBeGreaterThanOrEqual(target - TIMER_GRANULARITY_IN_MS);
    expect(arrivals[0]).toBeLessThan(target + PROMPT_IN_MS);
  });

  test('Retry-After: 0 polls at once, whatever intervalInMs says', async () => {
    const gaps = await abortWith({ 'retry-after': '0' }, [status('Succeeded')], { intervalInMs: 10_000 });
    expect(gaps[0]).toBeLessThan(PROMPT_IN_MS);
  });
});

describe('intervalInMs, minIntervalInMs, maxIntervalInMs', () => {
  test('intervalInMs applies when there is no Retry-After', async () => {
    const gaps = await abortWith({}, [status('InProgress'), status('Succeeded')], { intervalInMs: 150 });
    expectGap(gaps[0], 150);
    expectGap(gaps[1], 150);
  });

  test('intervalInMs defaults to 2000', async () => {
    const gaps = await abortWith({}, [status('Succeeded')], {});
    expectGap(gaps[0], 2000);
  });

  test('minIntervalInMs raises a shorter Retry-After and a shorter interval', async () => {
    const gaps = await abortWith({ 'retry-after-ms': '10' }, [status('InProgress'), status('Succeeded')], { intervalInMs: 5, minIntervalInMs: 200 });
    expectGap(gaps[0], 200);
    expectGap(gaps[1], 200);
  });

  test('maxIntervalInMs cuts a longer Retry-After and a longer interval', async () => {
    const gaps = await abortWith({ 'retry-after': '3600' }, [status('InProgress'), status('Succeeded')], { intervalInMs: 60_000, maxIntervalInMs: 120 });
    expectGap(gaps[0], 120);
    expectGap(gaps[1], 120);
  });
});

describe('poll() by hand', () => {
  test('waits for the service Retry-After, not for intervalInMs', async () => {
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after-ms': '200' }));
    server.route('GET', STATUS_PATH, [status('InProgress'), status('Succeeded')]);
    const poller = abortLatestOperation(aksClient(server), cluster, { intervalInMs: 60_000 });
    await poller.poll();
    await poller.poll();
    const gaps = arrivalGaps(server);
    expectGap(gaps[0], 200);
    expect(gaps[1]).toBeLessThan(PROMPT_IN_MS);
    expect(poller.isDone).toBe(true);
  });

  test('concurrent polls share one request', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, { ...status('InProgress'), delayInMs: 50 });
    const poller = abortLatestOperation(aksClient(server), cluster);
    const [a, b] = await Promise.all([poller.poll(), poller.poll()]);
    expect(server.requests).toHaveLength(2);
    expect(a.pollCount).toBe(1);
    expect(b.pollCount).toBe(1);
  });
});
