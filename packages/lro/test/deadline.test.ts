// timeoutInMs: an operation that never finishes ends the wait with a PollerTimeoutError whose
// resume token restorePoller accepts; very long waits (past setTimeout's 2^31-1 ms) stay long.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation, isPollerTimeoutError, PollerTimeoutError, restorePoller } from '../src/index.js';
import { ABORT_PATH, accepted, aksClient, cluster, rejection, status, STATUS_PATH } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

/** How late a deadline may fire on a busy machine and still count as on time. */
const LATE_IN_MS = 250;
/** Longer than any single setTimeout can wait: a naive timer would fire at once. */
const BEYOND_TIMER_LIMIT_IN_MS = 2 ** 31 + 1_000;

describe('timeoutInMs', () => {
  test('a never-ending operation rejects with PollerTimeoutError after the deadline, carrying state and a resume token', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, status('InProgress', { percentComplete: 10 }));
    const started = performance.now();
    const error = await rejection(abortLatestOperation(aksClient(server), cluster, { intervalInMs: 20, timeoutInMs: 200 }));
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(PollerTimeoutError);
    expect(isPollerTimeoutError(error)).toBe(true);
    if (!isPollerTimeoutError(error)) return;
    expect(elapsed).toBeGreaterThanOrEqual(199);
    expect(elapsed).toBeLessThan(200 + LATE_IN_MS);
    expect(error.timeoutInMs).toBe(200);
    expect(error.operationState).toMatchObject({ status: 'running', serviceStatus: 'InProgress', percentComplete: 10 });
    expect(error.operationState.pollCount).toBeGreaterThan(0);
    expect(error.message).toBe('containerservice.abortLatestOperation: still running after 200 ms; the operation goes on, resume waiting with the resume token');

    // The token continues the wait, in this process or another, once the operation does finish.
    server.route('GET', STATUS_PATH, status('Succeeded'));
    const resumed = restorePoller(aksClient(server), error.resumeToken!, { intervalInMs: 5 });
    await expect(resumed).resolves.toBeUndefined();
    expect(resumed.operationState).toMatchObject({ status: 'succeeded', pollCount: error.operationState.pollCount + 1 });
  });

  test('the deadline also interrupts a long Retry-After', async () => {
    const path = `${STATUS_PATH}-long`;
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after': '3600', 'azure-asyncoperation': `${server.url}${path}` }));
    const started = performance.now();
    const error = await rejection(abortLatestOperation(aksClient(server), cluster, { timeoutInMs: 150 }));
    expect(isPollerTimeoutError(error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(150 + LATE_IN_MS);
    expect(server.requests.filter((r) => r.path === path)).toHaveLength(0);
  });

  test('before the initial response there is nothing to resume: resumeToken is undefined', async () => {
    server.route('POST', ABORT_PATH, { ...accepted(server), delayInMs: 1_000 });
    const error = await rejection(abortLatestOperation(aksClient(server), cluster, { timeoutInMs: 50 }));
    expect(isPollerTimeoutError(error) && error.resumeToken).toBeUndefined();
    expect(isPollerTimeoutError(error) && error.operationState.status).toBe('notStarted');
  });
});

describe('waits past the 2^31-1 ms timer limit', () => {
  test('a Retry-After beyond the limit is not cut short into an immediate poll', async () => {
    const path = `${STATUS_PATH}-beyond`;
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after-ms': String(BEYOND_TIMER_LIMIT_IN_MS), 'azure-asyncoperation': `${server.url}${path}` }));
    const poller = abortLatestOperation(aksClient(server), cluster, { timeoutInMs: 300 });
    expect(isPollerTimeoutError(await rejection(poller))).toBe(true);
    expect(server.requests.filter((r) => r.path === path)).toHaveLength(0);
  });

  test('a timeoutInMs beyond the limit does not fire at once', async () => {
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after-ms': '150' }));
    server.route('GET', STATUS_PATH, status('Succeeded'));
    await expect(abortLatestOperation(aksClient(server), cluster, { timeoutInMs: BEYOND_TIMER_LIMIT_IN_MS })).resolves.toBeUndefined();
  });
});
