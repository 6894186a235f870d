// HTTP errors while polling: the client pipeline retries them (small retryOptions here); what is
// still an error afterwards rejects the wait with the ApiError, and the poller stays usable.
// The pipeline's retry waits and the poller's waits share one self-advancing ManualClock.
import { isApiError } from '@azlro/http';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation } from '../src/index.js';
import { ABORT_PATH, accepted, aksClient, arrivalGaps, cluster, rejection, retries, status, STATUS_PATH, virtualTime } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const serverError = { status: 500, json: { error: { code: 'InternalServerError', message: 'try again' } } };

describe('errors during polling', () => {
  test('a 500 is retried by the pipeline and polling carries on', async () => {
    const clock = virtualTime(server);
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [serverError, status('InProgress'), serverError, status('Succeeded')]);
    const poller = abortLatestOperation(aksClient(server, { retryOptions: retries, clock }), cluster, { intervalInMs: 5, minIntervalInMs: 0, clock });
    await expect(poller).resolves.toBeUndefined();
    expect(server.requests).toHaveLength(5);
    expect(poller.operationState.pollCount).toBe(2); // answered polls; the pipeline's retries are not polls
  });

  test('a 429 on a poll waits for its own Retry-After (in the poller\'s schedule), then polling carries on', async () => {
    const clock = virtualTime(server);
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [{ status: 429, headers: { 'retry-after-ms': '40' }, json: { error: { code: 'TooManyRequests' } } }, status('Succeeded')]);
    await abortLatestOperation(aksClient(server, { retryOptions: retries, clock }), cluster, { intervalInMs: 5, minIntervalInMs: 0, clock });
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET']);
    // The poll interval, then the 429's delay raised to the 1 s a throttled poll always waits.
    expect(clock.sleeps).toEqual([5, 1_000]);
    expect(arrivalGaps(server)).toEqual([5, 1_000]);
  });

  test('a 5xx that outlasts the retries rejects with the ApiError; polling again later works', async () => {
    const clock = virtualTime(server);
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [serverError, serverError, serverError, status('Succeeded')]);
    const poller = abortLatestOperation(aksClient(server, { retryOptions: retries, clock }), cluster, { intervalInMs: 5, clock });
    const error = await rejection(poller);
    expect(isApiError(error) && [error.status, error.kind, error.code]).toEqual([500, 'server', 'InternalServerError']);
    expect(server.requests).toHaveLength(4); // the POST, then 1 try + 2 retries
    expect(poller.isDone).toBe(false);
    await expect(poller.pollUntilDone()).resolves.toBeUndefined();
  });

  test('a 404 on the status URL is not retried and rejects at once', async () => {
    const clock = virtualTime(server);
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, { status: 404, json: { error: { code: 'NotFound', message: 'gone' } } });
    const error = await rejection(abortLatestOperation(aksClient(server, { retryOptions: retries, clock }), cluster, { intervalInMs: 5, clock }));
    expect(isApiError(error) && error.kind).toBe('notFound');
    expect(server.requests).toHaveLength(2);
  });
});
