// Cloud Partner Portal cancel: 200 synchronous, or 202 + relative Location whose body status decides.
import { isApiError } from '@azlro/http';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { cancelOfferOperation, isOperationFailedError } from '../src/index.js';
import { CANCEL_PATH, fast, offer, OFFER_OPERATION_PATH, partnerClient, rejection, seen } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const LEGACY_PATH = '/api/operations/contoso$contoso-offer$2$preview';
const operation = (status: string, extra: Record<string, unknown> = {}) => ({
  json: { id: '56615b67-2185-49fe-80d2-c4ddf77bb2e8', submissionType: 'Cancel', status, ...extra },
});

describe('cancelOfferOperation', () => {
  test('200: canceled synchronously, done at once with no result', async () => {
    server.route('POST', CANCEL_PATH, { status: 200 });
    const poller = cancelOfferOperation(partnerClient(server), { ...offer, notificationEmails: 'jondoe@contoso.com' }, fast());
    await expect(poller).resolves.toBeUndefined();
    expect(poller.operationState).toMatchObject({ status: 'succeeded', pollCount: 0 });
    expect(seen(server)).toEqual([`POST ${CANCEL_PATH}`]);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ metadata: { 'notification-emails': 'jondoe@contoso.com' } });
  });

  test.each([
    ['migrated offer', OFFER_OPERATION_PATH],
    ['non-migrated offer', LEGACY_PATH],
  ])('202 with the relative Location of a %s: resolved against the endpoint, followed verbatim', async (_, path) => {
    server.route('POST', CANCEL_PATH, { status: 202, headers: { location: `${path}?api-version=2017-10-31` } });
    server.route('GET', path, [operation('running'), operation('completed')]);
    const result = await cancelOfferOperation(partnerClient(server), offer, fast());
    expect(result?.status).toBe('completed');
    expect(server.requests.slice(1).map((r) => r.url)).toEqual([`${path}?api-version=2017-10-31`, `${path}?api-version=2017-10-31`]);
  });

  test.each([
    ['migrated offer', OFFER_OPERATION_PATH],
    ['non-migrated offer', LEGACY_PATH],
  ])('an answer wrapped in an array (as the Retrieve operations page shows) is read as its operation: %s', async (_, path) => {
    server.route('POST', CANCEL_PATH, { status: 202, headers: { location: `${path}?api-version=2017-10-31` } });
    const list = (status: string) => ({ json: [operation(status).json] });
    server.route('GET', path, [list('running'), list('completed')]);
    const result = await cancelOfferOperation(partnerClient(server), offer, fast());
    expect(result).toMatchObject({ id: '56615b67-2185-49fe-80d2-c4ddf77bb2e8', status: 'completed' });
  });

  test('an array answer at a Location whose id holds a stray % (kept as sent by new URL) is still read as its operation', async () => {
    const path = '/api/operations/contoso$100%off$2$preview';
    server.route('POST', CANCEL_PATH, { status: 202, headers: { location: path } });
    const list = (status: string) => ({ json: [operation(status, { id: 'other' }).json, operation(status, { id: 'contoso$100%off$2$preview' }).json] });
    server.route('GET', path, [list('running'), list('completed')]);
    const result = await cancelOfferOperation(partnerClient(server), offer, fast());
    expect(result).toMatchObject({ id: 'contoso$100%off$2$preview', status: 'completed' });
    expect(seen(server)).toEqual([`POST ${CANCEL_PATH}`, `GET ${path}`, `GET ${path}`]);
  });

  test('a 200 that says running (or notStarted) is still running: the body decides, not the HTTP status', async () => {
    server.route('POST', CANCEL_PATH, { status: 202, headers: { location: `${OFFER_OPERATION_PATH}?api-version=2017-10-31` } });
    server.route('GET', OFFER_OPERATION_PATH, [operation('notStarted'), operation('running'), operation('running'), operation('completed')]);
    const poller = cancelOfferOperation(partnerClient(server), offer, fast());
    const statuses: string[] = [];
    poller.onProgress((s) => statuses.push(s.status));
    await poller;
    expect(statuses).toEqual(['running', 'notStarted', 'running', 'running', 'succeeded']);
    expect(poller.operationState.pollCount).toBe(4);
  });

  test('canceled means the cancellation took effect: succeeded, with the operation as result', async () => {
    server.route('POST', CANCEL_PATH, { status: 202, headers: { location: `${OFFER_OPERATION_PATH}?api-version=2017-10-31` } });
    server.route('GET', OFFER_OPERATION_PATH, operation('canceled'));
    const poller = cancelOfferOperation(partnerClient(server), offer, fast());
    await expect(poller).resolves.toMatchObject({ status: 'canceled' });
    expect(poller.operationState).toMatchObject({ status: 'succeeded', serviceStatus: 'canceled' });
  });

  test('failed: OperationFailedError carrying the operation error', async () => {
    server.route('POST', CANCEL_PATH, { status: 202, headers: { location: `${OFFER_OPERATION_PATH}?api-version=2017-10-31` } });
    server.route('GET', OFFER_OPERATION_PATH, operation('failed', { error: { code: 'CancelFailed', message: 'publishing already live' } }));
    const error = await rejection(cancelOfferOperation(partnerClient(server), offer, fast()));
    expect(isOperationFailedError(error)).toBe(true);
    if (!isOperationFailedError(error)) return;
    expect(error.error?.toJSON()).toEqual({ code: 'CancelFailed', message: 'publishing already live' });
    expect(error.operationState.result).toMatchObject({ status: 'failed' });
  });

  test('an error given as text becomes the message', async () => {
    server.route('POST', CANCEL_PATH, { status: 202, headers: { location: `${OFFER_OPERATION_PATH}?api-version=2017-10-31` } });
    server.route('GET', OFFER_OPERATION_PATH, operation('failed', { error: 'something broke' }));
    const error = await rejection(cancelOfferOperation(partnerClient(server), offer, fast()));
    expect(isOperationFailedError(error) && error.error?.toJSON()).toEqual({ message: 'something broke' });
  });

  test.each([400, 403, 404])('%i on the cancel rejects with the ApiError', async (code) => {
    server.route('POST', CANCEL_PATH, { status: code, json: { code: 'Nope', message: 'refused' } });
    const error = await rejection(cancelOfferOperation(partnerClient(server), offer, fast()));
    expect(isApiError(error) && error.status).toBe(code);
  });

  test('a 202 without Location is a clear error', async () => {
    server.route('POST', CANCEL_PATH, { status: 202 });
    await expect(cancelOfferOperation(partnerClient(server), offer, fast()).submitted()).rejects.toThrow('without a Location');
  });
});

test('a hand-made object with a Cloud Partner Portal client\'s fields is refused before anything is sent', () => {
  const made = partnerClient(server);
  // The factory's client carries what lro sends through (SERVICE_OPERATIONS), off its enumerable keys.
  expect(Object.keys(made)).toEqual(['service', 'endpoint', 'client']);
  const copy = { service: made.service, endpoint: made.endpoint, client: made.client };
  expect(() => cancelOfferOperation(copy, offer)).toThrow(new TypeError('client must be a client from createCloudPartnerClient()'));
  expect(server.requests).toHaveLength(0);
});
