// Polling URLs from headers are followed only on the endpoint's origin (or allowedPollingOrigins).
// A second loopback server plays the foreign origin and must receive nothing.
import { createContainerServiceClient } from '@azlro/containerservice';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation, cancelOfferOperation, isOperationFailedError, isPollingOriginError, waitForCommandResult } from '../src/index.js';
import { ABORT_PATH, accepted, aksClient, CANCEL_PATH, cluster, command, COMMAND_PATH, credential, fast, offer, OFFER_OPERATION_PATH, partnerClient, recordingLogger, rejection, RESULT_PATH, SECRET, status, STATUS_PATH } from './helpers.js';

let server: TestServer;
let foreign: TestServer;
beforeAll(async () => ([server, foreign] = await Promise.all([startTestServer(), startTestServer()])));
afterAll(() => Promise.all([server.close(), foreign.close()]));
beforeEach(() => {
  server.reset();
  foreign.reset();
  foreign.route('GET', '*', status('Succeeded'));
});

function expectRefused(error: unknown) {
  expect(isPollingOriginError(error)).toBe(true);
  expect(String(error)).toContain(`Refusing to poll ${foreign.origin}`);
  expect(String(error)).toContain(`only ${server.origin} may be polled`);
  expect(String(error)).not.toContain(SECRET);
  expect(foreign.requests).toHaveLength(0);
}

describe('foreign polling URLs are refused before anything is sent', () => {
  test('Azure-AsyncOperation on another origin', async () => {
    server.route('POST', ABORT_PATH, { status: 202, headers: { 'azure-asyncoperation': `${foreign.url}${STATUS_PATH}?api-version=2024-02-01` } });
    const poller = abortLatestOperation(aksClient(server), cluster, fast());
    expectRefused(await rejection(poller));
    await expect(poller.serialize()).rejects.toSatisfy(isPollingOriginError);
  });

  test('an accepted abort whose Azure-AsyncOperation is on another origin is followed through its location instead', async () => {
    // Both headers name the same operation; refusing one must not lose the operation the other still reaches.
    server.route('POST', ABORT_PATH, {
      status: 202,
      headers: { 'azure-asyncoperation': `${foreign.url}${STATUS_PATH}?api-version=2024-02-01`, location: `${server.url}${RESULT_PATH}?api-version=2024-02-01` },
    });
    server.route('GET', RESULT_PATH, [{ status: 202 }, { status: 204 }]);
    const logger = recordingLogger();
    const poller = abortLatestOperation(aksClient(server), cluster, { ...fast(), logger });
    await expect(poller).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${ABORT_PATH}`, `GET ${RESULT_PATH}`, `GET ${RESULT_PATH}`]);
    expect(foreign.requests).toHaveLength(0);
    expect(logger.lines.join('\n')).toContain(`Refusing to poll ${foreign.origin}`);
  });

  test('a terminal status whose answer names a status URL on another origin keeps its outcome', async () => {
    // The header only says where to poll next, and nothing is polled after a terminal status.
    const moved = { 'azure-asyncoperation': `${foreign.url}${STATUS_PATH}` };
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, status('Succeeded', {}, moved));
    await expect(abortLatestOperation(aksClient(server), cluster, fast())).resolves.toBeUndefined();
    server.reset();
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, status('Failed', { error: { code: 'AbortFailed', message: 'no' } }, moved));
    const error = await rejection(abortLatestOperation(aksClient(server), cluster, fast()));
    expect(isOperationFailedError(error) && error.error?.code).toBe('AbortFailed');
    expect(foreign.requests).toHaveLength(0);
  });

  test('a location that moves to another origin mid-way', async () => {
    server.route('POST', ABORT_PATH, { status: 202, headers: { location: `${server.url}${RESULT_PATH}?api-version=2024-02-01` } });
    server.route('GET', RESULT_PATH, { status: 202, headers: { location: `${foreign.url}${RESULT_PATH}` } });
    expectRefused(await rejection(abortLatestOperation(aksClient(server), cluster, fast())));
    expect(server.requests).toHaveLength(2);
  });

  test('a command-result Location on another origin', async () => {
    server.route('GET', COMMAND_PATH, { status: 202, headers: { location: `${foreign.url}/elsewhere` } });
    expectRefused(await rejection(waitForCommandResult(aksClient(server), command, fast())));
  });

  test.each([
    ['an absolute URL', () => `${foreign.url}/api/operations/x?api-version=2017-10-31`],
    ['a protocol-relative URL', () => `//${foreign.url.slice('http://'.length)}/api/operations/x`],
  ])('a Cloud Partner Location that is %s on another origin', async (_, location) => {
    server.route('POST', CANCEL_PATH, { status: 202, headers: { location: location() } });
    expectRefused(await rejection(cancelOfferOperation(partnerClient(server), offer, fast())));
  });

  test('a finished Cloud Partner operation whose answer has a Location on another origin keeps its outcome', async () => {
    server.route('POST', CANCEL_PATH, { status: 202, headers: { location: OFFER_OPERATION_PATH } });
    server.route('GET', OFFER_OPERATION_PATH, { json: { status: 'canceled' }, headers: { location: `${foreign.url}${OFFER_OPERATION_PATH}` } });
    await expect(cancelOfferOperation(partnerClient(server), offer, fast())).resolves.toMatchObject({ status: 'canceled' });
    expect(foreign.requests).toHaveLength(0);
  });

  test('a non-http URL', async () => {
    server.route('POST', ABORT_PATH, { status: 202, headers: { 'azure-asyncoperation': 'file:///etc/passwd' } });
    const error = await rejection(abortLatestOperation(aksClient(server), cluster, fast()));
    expect(isPollingOriginError(error)).toBe(true);
    expect(String(error)).toContain('Refusing to poll file:');
  });
});

describe('allowedPollingOrigins', () => {
  const toForeign = () => ({ status: 202, headers: { 'azure-asyncoperation': `${foreign.url}${STATUS_PATH}?api-version=2024-02-01` } });

  test('lets the poller follow a listed origin', async () => {
    server.route('POST', ABORT_PATH, toForeign());
    const anonymous = createContainerServiceClient({ endpoint: server.url, retryOptions: { maxRetries: 0 } });
    await abortLatestOperation(anonymous, cluster, { ...fast(), allowedPollingOrigins: [foreign.origin] });
    expect(foreign.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${STATUS_PATH}`]);
  });

  test('but a credential still goes only where the client allows (allowedCredentialOrigins)', async () => {
    server.route('POST', ABORT_PATH, toForeign());
    const error = await rejection(abortLatestOperation(aksClient(server), cluster, { ...fast(), allowedPollingOrigins: [foreign.origin] }));
    expect(error).toMatchObject({ name: 'CredentialOriginError' });
    expect(foreign.requests).toHaveLength(0);

    const trusting = createContainerServiceClient({ endpoint: server.url, credential, allowedCredentialOrigins: [foreign.origin] });
    await abortLatestOperation(trusting, cluster, { ...fast(), allowedPollingOrigins: [foreign.origin] });
    expect(foreign.requests[0]!.headers.authorization).toBe(`Bearer ${SECRET}`);
  });
});
