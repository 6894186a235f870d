// timeoutInMs: an operation that never finishes ends the wait with a PollerTimeoutError whose
// resume token restorePoller accepts; very long waits (past setTimeout's 2^31-1 ms) stay long.
// Time is a ManualClock: the deadline passes when the test (or a sleeping poller) moves time, so
// "after exactly 200 ms" is checked exactly, with no real waiting.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation, isPollerTimeoutError, PollerTimeoutError, restorePoller } from '../src/index.js';
import { ManualClock } from '@azlro/http/testing';
import { runOnClock } from './clock-driver.js';
import { ABORT_PATH, accepted, aksClient, cluster, rejection, status, STATUS_PATH, until, virtualTime } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Longer than any single setTimeout can wait: a naive timer would fire at once. */
const BEYOND_TIMER_LIMIT_IN_MS = 2 ** 31 + 1_000;

describe('timeoutInMs', () => {
  test('a never-ending operation rejects with PollerTimeoutError at the deadline, carrying state and a resume token', async () => {
    const clock = virtualTime(server, { autoAdvance: false });
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, status('InProgress', { percentComplete: 10 }));
    const error = await runOnClock(clock, [abortLatestOperation(aksClient(server, { clock }), cluster, { intervalInMs: 20, minIntervalInMs: 0, timeoutInMs: 200, clock })], 1).then(([outcome]) => (outcome!.status === 'rejected' ? outcome!.reason : expect.fail('expected a rejection')));
    expect(error).toBeInstanceOf(PollerTimeoutError);
    expect(isPollerTimeoutError(error)).toBe(true);
    if (!isPollerTimeoutError(error)) return;
    expect(clock.now()).toBe(200); // it ended at the deadline, not a moment later
    expect(clock.sleeps[0]).toBe(200); // the deadline itself
    // Polls every 20 ms from 0 to 180: the poll due at 200 loses to the deadline.
    expect(server.requests.map((r) => r.arrivedAt)).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160, 180]);
    expect(error.timeoutInMs).toBe(200);
    expect(error.operationState).toMatchObject({ status: 'running', serviceStatus: 'InProgress', percentComplete: 10, pollCount: 9 });
    expect(error.message).toBe('containerservice.abortLatestOperation: still running after 200 ms; the operation goes on, resume waiting with the resume token');

    // The token continues the wait, in this process or another, once the operation does finish.
    server.route('GET', STATUS_PATH, status('Succeeded'));
    const resumed = restorePoller(aksClient(server), error.resumeToken!, { intervalInMs: 5, clock: new ManualClock({ autoAdvance: true }) });
    await expect(resumed).resolves.toBeUndefined();
    expect(resumed.operationState).toMatchObject({ status: 'succeeded', pollCount: error.operationState.pollCount + 1 });
  });

  test('the deadline also interrupts a long Retry-After', async () => {
    const clock = virtualTime(server, { autoAdvance: false });
    const path = `${STATUS_PATH}-long`;
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after': '3600', 'azure-asyncoperation': `${server.url}${path}` }));
    const poller = abortLatestOperation(aksClient(server, { clock }), cluster, { timeoutInMs: 150, clock, maxIntervalInMs: Infinity });
    const waiting = rejection(poller);
    await poller.submitted();
    await until(() => clock.pendingCount === 2); // the deadline and the hour's wait
    expect(clock.sleeps).toEqual([150, 3_600_000]);
    await clock.advance(149);
    expect(clock.pendingCount).toBe(2);
    await clock.advance(1);
    expect(isPollerTimeoutError(await waiting)).toBe(true);
    expect(clock.pendingCount).toBe(0); // the hour's wait is gone too
    expect(server.requests.filter((r) => r.path === path)).toHaveLength(0);
  });

  test('before the initial response there is nothing to resume: resumeToken is undefined', async () => {
    const clock = virtualTime(server, { autoAdvance: false });
    server.route('POST', ABORT_PATH, { ...accepted(server), delayInMs: 10_000 });
    const waiting = rejection(abortLatestOperation(aksClient(server, { clock }), cluster, { timeoutInMs: 50, clock }));
    await until(() => server.requests.length === 1); // the POST is at the server, which holds its answer
    await clock.advance(50);
    const error = await waiting;
    expect(isPollerTimeoutError(error) && error.resumeToken).toBeUndefined();
    expect(isPollerTimeoutError(error) && error.operationState.status).toBe('notStarted');
  });
});

// The system clock chains timers past the 2^31-1 ms limit (see http's delay tests); here the poller
// hands such lengths to its clock unchanged, so no wait is cut short into an immediate poll.
describe('waits past the 2^31-1 ms timer limit', () => {
  test('a Retry-After beyond the limit is waited in full', async () => {
    const clock = virtualTime(server, { autoAdvance: false });
    const path = `${STATUS_PATH}-beyond`;
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after-ms': String(BEYOND_TIMER_LIMIT_IN_MS), 'azure-asyncoperation': `${server.url}${path}` }));
    server.route('GET', path, status('Succeeded'));
    const poller = abortLatestOperation(aksClient(server, { clock }), cluster, { clock, maxIntervalInMs: Infinity });
    const done = poller.pollUntilDone();
    await poller.submitted();
    await until(() => clock.pendingCount === 1);
    expect(clock.sleeps).toEqual([BEYOND_TIMER_LIMIT_IN_MS]);
    await clock.advance(BEYOND_TIMER_LIMIT_IN_MS - 1);
    expect(server.requests.filter((r) => r.path === path)).toHaveLength(0);
    await clock.advance(1);
    await done;
    expect(server.requests.filter((r) => r.path === path).map((r) => r.arrivedAt)).toEqual([BEYOND_TIMER_LIMIT_IN_MS]);
  });

  test('a timeoutInMs beyond the limit does not fire early', async () => {
    const clock = virtualTime(server, { autoAdvance: false });
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after-ms': '150' }));
    server.route('GET', STATUS_PATH, status('Succeeded'));
    const [outcome] = await runOnClock(clock, [abortLatestOperation(aksClient(server, { clock }), cluster, { timeoutInMs: BEYOND_TIMER_LIMIT_IN_MS, clock, minIntervalInMs: 0 })], 1);
    expect(outcome).toEqual({ status: 'fulfilled', value: undefined });
    expect(clock.sleeps).toEqual([BEYOND_TIMER_LIMIT_IN_MS, 150]);
  });
});
