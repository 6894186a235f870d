// Abort Latest Operation against a real loopback server: the Azure-AsyncOperation status body,
// the location fallback, the synchronous outcomes, and the abort's "no final GET".
import { isApiError } from '@azlro/http';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation, isOperationFailedError } from '../src/index.js';
import { ABORT_PATH, accepted, aksClient, cluster, fast, rejection, RESULT_PATH, seen, status, STATUS_PATH } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('Azure-AsyncOperation status body', () => {
  test('InProgress twice, then Succeeded: resolves, and never GETs location', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [status('InProgress'), status('InProgress', { percentComplete: 50 }), status('Succeeded', { endTime: '2024-05-01T10:00:09Z' })]);
    const poller = abortLatestOperation(aksClient(server), cluster, fast());
    await expect(poller).resolves.toBeUndefined();
    expect(seen(server)).toEqual([`POST ${ABORT_PATH}`, `GET ${STATUS_PATH}`, `GET ${STATUS_PATH}`, `GET ${STATUS_PATH}`]);
    expect(server.requests[1]!.url).toBe(`${STATUS_PATH}?api-version=2024-02-01`);
    expect(poller.isDone).toBe(true);
    expect(poller.operationState).toMatchObject({
      kind: 'containerservice.abortLatestOperation', status: 'succeeded', serviceStatus: 'Succeeded', pollCount: 3,
      endTime: '2024-05-01T10:00:09Z', requestIds: { requestId: 'req-Succeeded' },
    });
  });

  test('every request carries the credential and goes through the pipeline', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, status('Succeeded'));
    await abortLatestOperation(aksClient(server), cluster, fast());
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer eyJhbGciOi.azlro-test-secret-5f3c9a.c2lnbmF0dXJl', 'Bearer eyJhbGciOi.azlro-test-secret-5f3c9a.c2lnbmF0dXJl']);
    expect(server.requests[1]!.headers['user-agent']).toMatch(/azlro-containerservice/);
  });

  test.each([
    ['Failed', 'failed'],
    ['Canceled', 'canceled'],
    ['cancelled', 'canceled'],
  ] as const)('%s rejects with OperationFailedError carrying the CloudErrorBody', async (word, outcome) => {
    const error = { code: 'OperationFailed', message: 'the abort could not complete', details: [{ code: 'Inner', message: 'inner' }] };
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [status('InProgress'), status(word, { error })]);
    const failure = await rejection(abortLatestOperation(aksClient(server), cluster, fast()));
    expect(isOperationFailedError(failure)).toBe(true);
    if (!isOperationFailedError(failure)) return;
    expect(failure.status).toBe(outcome);
    expect(failure.error?.toJSON()).toEqual(error);
    expect(failure.operationState.status).toBe(outcome);
    expect(failure.message).toBe(`containerservice.abortLatestOperation: the operation ${outcome}: OperationFailed: the abort could not complete`);
    expect(seen(server)).toHaveLength(3);
  });

  test.each(['Accepted', 'Running', 'Canceling', 'Cancelling', 'inprogress'])('%s keeps polling', async (word) => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [status(word), status('Succeeded')]);
    const poller = abortLatestOperation(aksClient(server), cluster, fast());
    const states: string[] = [];
    poller.onProgress((s) => states.push(`${s.status}/${s.serviceStatus ?? '-'}`));
    await poller;
    expect(states).toEqual(['running/-', `running/${word}`, 'succeeded/Succeeded']);
  });

  test('NotStarted is notStarted, and keeps polling', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [status('NotStarted'), status('Succeeded')]);
    const poller = abortLatestOperation(aksClient(server), cluster, fast());
    await poller.submitted();
    expect((await poller.poll()).status).toBe('notStarted');
    await poller;
    expect(poller.operationState.pollCount).toBe(2);
  });

  test('percentComplete and startTime are surfaced while running', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, status('InProgress', { percentComplete: 42, startTime: '2024-05-01T10:00:00Z' }));
    const poller = abortLatestOperation(aksClient(server), cluster, fast());
    await poller.submitted();
    expect(await poller.poll()).toMatchObject({ status: 'running', percentComplete: 42, startTime: '2024-05-01T10:00:00Z', pollCount: 1 });
  });
});

describe('location fallback (no Azure-AsyncOperation)', () => {
  test.each([200, 204])('202, 202, then %i: done', async (final) => {
    server.route('POST', ABORT_PATH, { status: 202, headers: { location: `${server.url}${RESULT_PATH}?api-version=2024-02-01` } });
    server.route('GET', RESULT_PATH, [{ status: 202 }, { status: 202 }, { status: final, ...(final === 200 ? { json: {} } : {}) }]);
    const poller = abortLatestOperation(aksClient(server), cluster, fast());
    await expect(poller).resolves.toBeUndefined();
    expect(seen(server)).toEqual([`POST ${ABORT_PATH}`, `GET ${RESULT_PATH}`, `GET ${RESULT_PATH}`, `GET ${RESULT_PATH}`]);
  });

  test('a 202 with a new location moves the polling there', async () => {
    const next = `${RESULT_PATH}-moved`;
    server.route('POST', ABORT_PATH, { status: 202, headers: { location: `${server.url}${RESULT_PATH}?api-version=2024-02-01` } });
    server.route('GET', RESULT_PATH, { status: 202, headers: { location: `${server.url}${next}?api-version=2024-02-01` } });
    server.route('GET', next, { status: 204 });
    await abortLatestOperation(aksClient(server), cluster, fast());
    expect(seen(server).slice(1)).toEqual([`GET ${RESULT_PATH}`, `GET ${next}`]);
  });
});

describe('synchronous outcomes of the abort itself', () => {
  test('204: done at once, nothing is polled', async () => {
    server.route('POST', ABORT_PATH, { status: 204, headers: { 'x-ms-request-id': 'abort-204' } });
    const poller = abortLatestOperation(aksClient(server), cluster, fast());
    await poller.submitted();
    expect(poller.isDone).toBe(true);
    expect(await poller.poll()).toMatchObject({ status: 'succeeded', pollCount: 0, requestIds: { requestId: 'abort-204' } });
    await expect(poller).resolves.toBeUndefined();
    expect(seen(server)).toEqual([`POST ${ABORT_PATH}`]);
  });

  test('409 (finished before it could be aborted) rejects with the ApiError of kind conflict', async () => {
    server.route('POST', ABORT_PATH, { status: 409, json: { error: { code: 'OperationNotAllowed', message: 'nothing to abort' } } });
    const poller = abortLatestOperation(aksClient(server), cluster, fast());
    const error = await rejection(poller);
    expect(isApiError(error) && error.kind).toBe('conflict');
    await expect(poller.submitted()).rejects.toBe(error);
    await expect(poller.serialize()).rejects.toBe(error);
    expect(seen(server)).toEqual([`POST ${ABORT_PATH}`]);
  });

  test('a 202 without any polling URL is a clear error', async () => {
    server.route('POST', ABORT_PATH, { status: 202 });
    await expect(abortLatestOperation(aksClient(server), cluster, fast()).submitted()).rejects.toThrow(
      'answered 202 without Azure-AsyncOperation or location',
    );
  });
});

describe('which request a poll sends', () => {
  test('a URL with the documented shape is sent as handed out, api-version kept', async () => {
    server.route('POST', ABORT_PATH, accepted(server, { 'azure-asyncoperation': `${server.url}${STATUS_PATH}?api-version=2024-09-01` }));
    server.route('GET', STATUS_PATH, status('Succeeded'));
    await abortLatestOperation(aksClient(server), cluster, fast());
    expect(server.requests[1]!.url).toBe(`${STATUS_PATH}?api-version=2024-09-01`);
  });

  test('any other shape (extra query, other case, other api-version) is sent exactly as given', async () => {
    const odd = '/subscriptions/00000000-0000-0000-0000-000000000000/providers/microsoft.containerservice/locations/eastus/operationstatus/op-1';
    const query = '?api-version=2023-01-01&t=638500000000000000&c=MIIH%2Bz&s=abc$def&h=x';
    server.route('POST', ABORT_PATH, accepted(server, { 'azure-asyncoperation': `${server.url}${odd}${query}` }));
    server.route('GET', odd, status('Succeeded'));
    await abortLatestOperation(aksClient(server), cluster, fast());
    expect(server.requests[1]!.url).toBe(`${odd}${query}`);
    expect(server.requests[1]!.headers.authorization).toMatch(/^Bearer /);
  });
});
