// Bad input throws a TypeError/RangeError naming the parameter, at the call, before anything is sent.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation, cancelOfferOperation, waitForCommandResult } from '../src/index.js';
import { ABORT_PATH, aksClient, cluster, command, offer, partnerClient } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

function expectThrows(call: () => unknown, type: typeof TypeError | typeof RangeError, name: string) {
  expect(call).toThrow(type);
  expect(call).toThrow(name);
  expect(server.requests).toHaveLength(0);
}

describe('parameters', () => {
  test.each([
    ['subscriptionId', { ...cluster, subscriptionId: 'nope' }, RangeError],
    ['resourceGroupName', { ...cluster, resourceGroupName: 'ends.' }, RangeError],
    ['resourceName', { ...cluster, resourceName: '-x' }, RangeError],
    ['params', null, TypeError],
  ] as const)('abortLatestOperation: %s', (name, params, type) => {
    expectThrows(() => abortLatestOperation(aksClient(server), params as never), type, name);
  });

  test.each([
    ['commandId', { ...command, commandId: '..' }, RangeError],
    ['commandId', { ...command, commandId: 7 }, TypeError],
    ['subscriptionId', { ...command, subscriptionId: '' }, RangeError],
    ['params', undefined, TypeError],
  ] as const)('waitForCommandResult: %s', (name, params, type) => {
    expectThrows(() => waitForCommandResult(aksClient(server), params as never), type, name);
  });

  test.each([
    ['publisherId', { ...offer, publisherId: '' }, RangeError],
    ['offerId', { ...offer, offerId: '.' }, RangeError],
    ['notificationEmails', { ...offer, notificationEmails: 'not an address' }, RangeError],
  ] as const)('cancelOfferOperation: %s', (name, params, type) => {
    expectThrows(() => cancelOfferOperation(partnerClient(server), params as never), type, name);
  });

  test('the client must be one of the right service', () => {
    expectThrows(() => abortLatestOperation(partnerClient(server) as never, cluster), TypeError, 'client must be a containerservice client');
    expectThrows(() => cancelOfferOperation(aksClient(server) as never, offer), TypeError, 'client must be a cloudpartner client');
    expectThrows(() => waitForCommandResult({} as never, command), TypeError, 'client must be a client from createContainerServiceClient()');
  });
});

describe('options', () => {
  test.each([
    ['intervalInMs', { intervalInMs: -1 }, RangeError],
    ['intervalInMs', { intervalInMs: Number.NaN }, RangeError],
    ['intervalInMs', { intervalInMs: Infinity }, RangeError],
    ['intervalInMs', { intervalInMs: '100' }, TypeError],
    ['minIntervalInMs', { minIntervalInMs: 500, maxIntervalInMs: 100 }, RangeError],
    ['maxIntervalInMs', { maxIntervalInMs: -5 }, RangeError],
    ['timeoutInMs', { timeoutInMs: 0 }, RangeError],
    ['timeoutInMs', { timeoutInMs: null }, TypeError],
    ['abortSignal', { abortSignal: new AbortController() }, TypeError],
    ['allowedPollingOrigins', { allowedPollingOrigins: 'https://a.example' }, TypeError],
    ['allowedPollingOrigins', { allowedPollingOrigins: ['https://a.example/path'] }, TypeError],
    ['allowedPollingOrigins', { allowedPollingOrigins: ['ftp://a.example'] }, TypeError],
    ['headers', { headers: { Prefer: 5 } }, TypeError],
    ['logger', { logger: console }, TypeError],
    ['options', 'fast', TypeError],
  ] as const)('%s: %j', (name, options, type) => {
    expectThrows(() => abortLatestOperation(aksClient(server), cluster, options as never), type, name);
  });

  test('maxIntervalInMs and timeoutInMs may be Infinity; a trailing slash on an origin is fine', () => {
    server.route('POST', ABORT_PATH, { status: 204 });
    expect(() => abortLatestOperation(aksClient(server), cluster, { maxIntervalInMs: Infinity, timeoutInMs: Infinity, allowedPollingOrigins: ['https://a.example/'] })).not.toThrow();
  });

  test('poll() and pollUntilDone() check their own options', async () => {
    server.route('POST', ABORT_PATH, { status: 204 });
    const poller = abortLatestOperation(aksClient(server), cluster);
    await expect(poller.poll({ abortSignal: 'stop' as never })).rejects.toThrow(new TypeError('abortSignal must be an AbortSignal; got string'));
    await expect(poller.pollUntilDone(42 as never)).rejects.toThrow(new TypeError('options must be an object'));
  });
});
