// A 429/503 on a poll means "still running, come back later": the delay goes into the schedule
// (within maxIntervalInMs), the state (for progress), and the resume token's notBefore. Only the
// initial request's throttling is the retry policy's. Time is a ManualClock: the delays asked for
// are asserted exactly, against a real loopback server.
import { createContainerServiceClient } from '@azlro/containerservice';
import { ManualClock } from '@azlro/http/testing';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation, isPollerTimeoutError, parseResumeToken, restorePoller, type OperationState } from '../src/index.js';
import { runOnClock } from './clock-driver.js';
import { ABORT_PATH, accepted, cluster, credential, seen, status, STATUS_PATH } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const EPOCH = Date.UTC(2026, 0, 1);
const throttled = (retryAfter: string, code = 'SubscriptionRequestsThrottled', statusCode = 429) => ({
  status: statusCode,
  headers: { 'retry-after': retryAfter, 'x-ms-request-id': 'req-throttled' },
  json: { error: { code, message: 'Number of requests for subscription exceeded the limit.' } },
});

function setup(options: { maxIntervalInMs?: number; timeoutInMs?: number } = {}, autoAdvance = true) {
  const clock = new ManualClock({ autoAdvance, epochAtStart: EPOCH });
  const client = createContainerServiceClient({ endpoint: server.url, credential, clock });
  const states: OperationState<void>[] = [];
  const poller = abortLatestOperation(client, cluster, { clock, ...options });
  poller.onProgress((state) => void states.push(state));
  return { clock, client, poller, states };
}

describe('a throttled poll keeps the wait going', () => {
  test('the issue input: 429 SubscriptionRequestsThrottled, Retry-After 372, then Succeeded', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [throttled('372'), status('Succeeded')]);
    const { clock, poller, states } = setup();
    await expect(poller).resolves.toBeUndefined();
    expect(seen(server)).toEqual([`POST ${ABORT_PATH}`, `GET ${STATUS_PATH}`, `GET ${STATUS_PATH}`]);
    // The 2 s interval after the 202, then the 372 s the service asked for; nothing retried early.
    expect(clock.sleeps).toEqual([2000, 372_000]);
    const throttledState = states.find((s) => s.throttling);
    expect(throttledState).toMatchObject({
      status: 'running',
      pollCount: 1,
      requestIds: { requestId: 'req-throttled' },
      throttling: { status: 429, code: 'SubscriptionRequestsThrottled', retryAfterInMs: 372_000, notBefore: EPOCH + 2000 + 372_000, shared: false },
    });
    expect(poller.operationState).toMatchObject({ status: 'succeeded', pollCount: 2 });
    expect(poller.operationState.throttling).toBeUndefined();
  });

  test('a 503 with Retry-After on a poll is waited out the same way', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [throttled('90', 'ServiceUnavailable', 503), status('InProgress'), status('Succeeded')]);
    const { clock, poller, states } = setup();
    await poller;
    expect(clock.sleeps).toEqual([2000, 90_000, 2000]);
    expect(states.find((s) => s.throttling)?.throttling).toMatchObject({ status: 503, retryAfterInMs: 90_000 });
    expect(server.requests).toHaveLength(4);
  });

  test('the delay is kept within maxIntervalInMs, in the schedule and in notBefore', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [throttled('372'), status('Succeeded')]);
    const { clock, poller, states } = setup({ maxIntervalInMs: 60_000 });
    await poller;
    expect(clock.sleeps).toEqual([2000, 60_000]);
    expect(states.find((s) => s.throttling)?.throttling).toMatchObject({ retryAfterInMs: 372_000, notBefore: EPOCH + 62_000 });
  });

  test('a timeout during the throttle carries the delay into the token; a restored poller waits it out', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [throttled('372'), status('Succeeded')]);
    // Driven step by step: an auto-advancing clock would fire the deadline while the POST is in flight.
    const { clock, poller } = setup({ timeoutInMs: 3000 }, false);
    const [outcome] = await runOnClock(clock, [poller.pollUntilDone()], 1);
    const error = outcome?.status === 'rejected' ? outcome.reason : undefined;
    if (!isPollerTimeoutError(error)) throw error;
    expect(error.operationState.throttling).toMatchObject({ status: 429, notBefore: EPOCH + 374_000 });
    const token = parseResumeToken(error.resumeToken!);
    expect(token.notBefore).toBe(EPOCH + 374_000);
    expect(JSON.stringify(token.state)).not.toContain('throttling');
    expect(server.requests).toHaveLength(2);

    // `azlro wait <token>` 0.2 s later, in another process: first it waits out what is left of the 372 s.
    const later = new ManualClock({ autoAdvance: true, epochAtStart: EPOCH + 3200 });
    const client = createContainerServiceClient({ endpoint: server.url, credential, clock: later });
    const resumed = restorePoller(client, error.resumeToken!, { clock: later });
    await resumed;
    expect(later.sleeps[0]).toBe(374_000 - 3200);
    expect(server.requests).toHaveLength(3);
  });

  test('the initial request\'s throttling stays the retry policy\'s: the POST is retried after its Retry-After', async () => {
    server.route('POST', ABORT_PATH, [throttled('2'), accepted(server)]);
    server.route('GET', STATUS_PATH, status('Succeeded'));
    const { clock, poller, states } = setup();
    await poller;
    expect(seen(server)).toEqual([`POST ${ABORT_PATH}`, `POST ${ABORT_PATH}`, `GET ${STATUS_PATH}`]);
    expect(clock.sleeps).toEqual([2000, 2000]); // the retry policy's 2 s, then the poll interval
    expect(states.some((s) => s.throttling)).toBe(false);
  });

  test('a 429 without any delay on a poll is still retried by the pipeline', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [{ status: 429, json: { error: { code: 'TooManyRequests' } } }, status('Succeeded')]);
    const { poller, states } = setup();
    await poller;
    expect(server.requests).toHaveLength(3);
    expect(poller.operationState.pollCount).toBe(1);
    expect(states.some((s) => s.throttling)).toBe(false);
  });
});

describe('pollers of one client and subscription share a 429', () => {
  const OTHER_STATUS_PATH = STATUS_PATH.replace('op-1', 'op-2');

  test('a poll still in flight when another poller\'s 429 arrives is called off and goes again after the pause', async () => {
    const clock = new ManualClock({ epochAtStart: EPOCH });
    const client = createContainerServiceClient({ endpoint: server.url, credential, clock });
    const arrivals: string[] = [];
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('POST', ABORT_PATH.replace('clustername1', 'clustername2'), {
      status: 202, headers: { 'azure-asyncoperation': `${server.url}${OTHER_STATUS_PATH}?api-version=2024-02-01` },
    });
    server.route('GET', STATUS_PATH, () => (arrivals.push(`op-1@${clock.now()}`), clock.now() < 5000 ? throttled('5') : status('Succeeded')));
    // op-2's first answer is slow (real time): the 429 to op-1 arrives while it is in flight.
    server.route('GET', OTHER_STATUS_PATH, () => (arrivals.push(`op-2@${clock.now()}`), clock.now() < 5000 ? { ...status('InProgress'), delayInMs: 300 } : status('Succeeded')));
    const first = abortLatestOperation(client, cluster, { clock });
    const second = abortLatestOperation(client, { ...cluster, resourceName: 'clustername2' }, { clock });
    const states: OperationState<void>[] = [];
    second.onProgress((s) => void states.push(s));
    const outcomes = await runOnClock(clock, [first, second]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    // op-2 resumes after the pause, spread over at most a tenth of it.
    const [op1, op2] = [arrivals.filter((a) => a.startsWith('op-1')), arrivals.filter((a) => a.startsWith('op-2'))];
    expect(op1).toEqual(['op-1@2000', 'op-1@7000']);
    expect(op2[0]).toBe('op-2@2000');
    expect(Number(op2[1]!.slice(5))).toBeGreaterThanOrEqual(7000);
    expect(Number(op2[1]!.slice(5))).toBeLessThanOrEqual(7500);
    expect(op2).toHaveLength(2);
    // op-2's first answer (InProgress) was never used: its only answered poll is the one after the pause.
    expect(second.operationState.pollCount).toBe(1);
    expect(states.map((s) => s.throttling?.shared)).toEqual([undefined, true, undefined]);
  });
});

test('a throttled poll with Retry-After: 0 still waits 1 s, never a 429 storm', async () => {
  server.route('POST', ABORT_PATH, accepted(server));
  server.route('GET', STATUS_PATH, [throttled('0'), throttled('0'), status('Succeeded')]);
  const clock = new ManualClock({ autoAdvance: true, epochAtStart: EPOCH });
  const client = createContainerServiceClient({ endpoint: server.url, credential, clock });
  await abortLatestOperation(client, cluster, { clock, intervalInMs: 5, minIntervalInMs: 0 });
  expect(clock.sleeps).toEqual([5, 1000, 1000]);
  expect(server.requests).toHaveLength(4);
});
