// A URL the service handed out that then fails with a 4xx is the service's fault, and says so;
// command results, whose URL the caller's own parameters name, fall back to it once, and no resume
// token keeps the URL that failed.
import { isApiError } from '@azlro/http';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation, isHandedOutUrlError, parseResumeToken, restorePoller, waitForCommandResult } from '../src/index.js';
import { ABORT_PATH, accepted, aksClient, cluster, fast, recordingLogger, rejection, seen, STATUS_PATH } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const SUB = '00000000-0000-0000-0000-000000000000';
const params = { subscriptionId: SUB, resourceGroupName: 'rg', resourceName: 'c1', commandId: 'abc123' };
const DOCUMENTED = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c1/commandResults/abc123`;
/** The Location: the subscription is missing. */
const BROKEN = '/subscriptions//resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/c1/commandResults/abc123';
const brokenLocation = () => ({ status: 202, headers: { location: `${server.url}${BROKEN}?api-version=2024-09-01` } });
const invalidSubscription = {
  status: 400,
  headers: { 'x-ms-request-id': 'req-400' },
  json: { error: { code: 'InvalidSubscriptionId', message: "The provided subscription identifier '' is malformed or invalid." } },
};
const succeeded = { id: 'abc123', properties: { provisioningState: 'Succeeded', exitCode: 0, logs: 'done' } };

describe('command results: a handed-out Location that fails with a 4xx', () => {
  test('the issue input: falls back to the documented URL once and finishes', async () => {
    // The documented URL keeps handing out the broken Location: it is not followed a second time.
    server.route('GET', DOCUMENTED, [brokenLocation(), brokenLocation(), { json: succeeded }]);
    server.route('GET', BROKEN, invalidSubscription);
    const logger = recordingLogger();
    const poller = waitForCommandResult(aksClient(server), params, { ...fast(), logger });
    await expect(poller).resolves.toEqual(succeeded);
    expect(seen(server)).toEqual([`GET ${DOCUMENTED}`, `GET ${BROKEN}`, `GET ${DOCUMENTED}`, `GET ${DOCUMENTED}`]);
    expect(logger.lines.find((l) => l.startsWith('warning'))).toBe(
      `warning containerservice.commandResult: GET ${server.url}${BROKEN}?api-version=2024-09-01 (from the Location header) answered 400 InvalidSubscriptionId; ` +
        `polling ${server.url}${DOCUMENTED}?api-version=2024-09-01 instead`,
    );
  });

  test('the resume token holds the documented URL, never the one that failed', async () => {
    server.route('GET', DOCUMENTED, [brokenLocation(), brokenLocation()]);
    server.route('GET', BROKEN, invalidSubscription);
    const poller = waitForCommandResult(aksClient(server), params, fast());
    expect(parseResumeToken(await poller.serialize()).polling?.url).toBe(`${server.url}${BROKEN}?api-version=2024-09-01`);
    await poller.poll();
    const token = parseResumeToken(await poller.serialize());
    expect(token.polling).toEqual({ url: `${server.url}${DOCUMENTED}?api-version=2024-09-01`, resourceUrl: `${server.url}${DOCUMENTED}?api-version=2024-09-01`, resourceUrlOnly: true });
    // Restored elsewhere, it polls the documented URL only.
    server.reset();
    server.route('GET', DOCUMENTED, [brokenLocation(), { json: succeeded }]);
    await restorePoller(aksClient(server), await poller.serialize(), fast());
    expect(seen(server)).toEqual([`GET ${DOCUMENTED}`, `GET ${DOCUMENTED}`]);
  });

  test('a token from before the fallback falls back as well', async () => {
    server.route('GET', DOCUMENTED, brokenLocation());
    const token = await waitForCommandResult(aksClient(server), params, fast()).serialize();
    server.reset();
    server.route('GET', BROKEN, invalidSubscription);
    server.route('GET', DOCUMENTED, { json: succeeded });
    await expect(restorePoller(aksClient(server), token, fast())).resolves.toEqual(succeeded);
    expect(seen(server)).toEqual([`GET ${BROKEN}`, `GET ${DOCUMENTED}`]);
  });

  test('when the documented URL fails too, the error is the plain ApiError about the caller\'s parameters', async () => {
    server.route('GET', DOCUMENTED, [brokenLocation(), { status: 404, json: { error: { code: 'ResourceNotFound', message: 'no such cluster' } } }]);
    server.route('GET', BROKEN, invalidSubscription);
    const error = await rejection(waitForCommandResult(aksClient(server), params, fast()));
    expect(isApiError(error) && [error.status, error.code, isHandedOutUrlError(error)]).toEqual([404, 'ResourceNotFound', false]);
  });

  test('5xx and 429 on the handed-out URL are not URL faults: no fallback', async () => {
    server.route('GET', DOCUMENTED, brokenLocation());
    server.route('GET', BROKEN, [{ status: 500, json: { error: { code: 'InternalServerError' } } }, { json: succeeded }]);
    await waitForCommandResult(aksClient(server, { retryOptions: { maxRetries: 1, retryDelayInMs: 1, maxRetryDelayInMs: 5 } }), params, fast());
    expect(seen(server)).toEqual([`GET ${DOCUMENTED}`, `GET ${BROKEN}`, `GET ${BROKEN}`]);
  });
});

describe('operations without a documented URL to fall back to', () => {
  test('a 4xx from the Azure-AsyncOperation URL is a HandedOutUrlError naming the header and URL', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, { status: 404, headers: { 'x-ms-request-id': 'req-404' }, json: { error: { code: 'NotFound', message: 'gone' } } });
    const error = await rejection(abortLatestOperation(aksClient(server), cluster, fast()));
    if (!isHandedOutUrlError(error)) throw error;
    expect([error.status, error.kind, error.code, error.requestId, error.urlSource]).toEqual([404, 'notFound', 'NotFound', 'req-404', 'the Azure-AsyncOperation header']);
    expect(error.message).toBe(
      `GET ${server.url}${STATUS_PATH}?api-version=2024-02-01: 404 NotFound: gone ` +
        '(a polling URL the service handed out in the Azure-AsyncOperation header, not one built from your parameters)',
    );
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ status: 404, urlSource: 'the Azure-AsyncOperation header' });
  });

  test('a 401 or 403 stays a plain ApiError (the credential, not the URL)', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, { status: 403, json: { error: { code: 'AuthorizationFailed', message: 'no' } } });
    const error = await rejection(abortLatestOperation(aksClient(server), cluster, fast()));
    expect(isApiError(error) && [error.kind, isHandedOutUrlError(error)]).toEqual(['forbidden', false]);
  });
});

test('a throttled poll of the documented URL right after the fallback is still throttling, not an error', async () => {
  server.route('GET', DOCUMENTED, [brokenLocation(), { status: 429, headers: { 'retry-after-ms': '20' }, json: { error: { code: 'TooManyRequests' } } }, { json: succeeded }]);
  server.route('GET', BROKEN, invalidSubscription);
  await expect(waitForCommandResult(aksClient(server), params, fast())).resolves.toEqual(succeeded);
  expect(seen(server)).toEqual([`GET ${DOCUMENTED}`, `GET ${BROKEN}`, `GET ${DOCUMENTED}`, `GET ${DOCUMENTED}`]);
});
