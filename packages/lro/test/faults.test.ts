// Issue 10 through the poller, against a real loopback server, time through a ManualClock: every
// delay asserted is the one the poller asked for, and requests are counted on the server.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { ManualClock } from '@azlro/http/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  abortLatestOperation,
  isOperationFailedError,
  isPollingProtocolError,
  restorePoller,
  waitForCommandResult,
  type AbortLatestOperationOptions,
} from '../src/index.js';
import { ABORT_PATH, accepted, aksClient, cluster, command, COMMAND_PATH, recordingLogger, RESULT_PATH, status, STATUS_PATH } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const STATUS_URL = () => `${server.url}${STATUS_PATH}?api-version=2024-02-01`;
const gets = () => server.requests.filter((r) => r.method === 'GET').length;

function abort(options: AbortLatestOperationOptions = {}) {
  const clock = new ManualClock({ autoAdvance: true });
  const logger = recordingLogger();
  const poller = abortLatestOperation(aksClient(server), cluster, { clock, logger, ...options });
  return { poller, clock, logger };
}

describe('item 1: a delay hint never floods the service nor sleeps for weeks', () => {
  test.each([
    ['0', 1000],
    ['-5', 2000], // not valid: intervalInMs
    ['Wed, 21 Oct 2015 07:28:00 GMT', 1000], // in the past: the floor, never "now"
    ['soon', 2000],
    ['20, 20', 20_000], // sent twice: the largest
    ['3000000', 600_000], // ~35 days: cut to the 10 minute ceiling
  ])('Retry-After: %s on every answer -> each poll waits %d ms', async (value, expected) => {
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after': value }));
    server.route('GET', STATUS_PATH, [status('InProgress', {}, { 'retry-after': value }), status('InProgress', {}, { 'retry-after': value }), status('Succeeded')]);
    const { poller, clock, logger } = abort();
    await poller;
    expect(clock.sleeps).toEqual([expected, expected, expected]);
    expect(gets()).toBe(3);
    if (value === '3000000') expect(logger.lines.filter((l) => l.includes('waiting maxIntervalInMs (600000 ms) instead'))).toHaveLength(3);
    if (value === '20, 20') expect(logger.lines.some((l) => l.includes('retry-after was sent more than once (20, 20)'))).toBe(true);
  });

  test('the floor and ceiling are options; the floor also raises intervalInMs', async () => {
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after': '0' }));
    server.route('GET', STATUS_PATH, [status('InProgress', {}, { 'retry-after': '99999' }), status('Succeeded')]);
    const { poller, clock } = abort({ minIntervalInMs: 250, maxIntervalInMs: 5000 });
    await poller;
    expect(clock.sleeps).toEqual([250, 5000]);
  });

  test('Retry-After: 0 on every answer: one poll per second of virtual time (5 in 5 s), not ~290', async () => {
    server.route('POST', ABORT_PATH, accepted(server, { 'retry-after': '0' }));
    const running = status('InProgress', {}, { 'retry-after': '0' });
    server.route('GET', STATUS_PATH, [running, running, running, running, status('Succeeded')]);
    const { poller, clock } = abort();
    await poller;
    expect(gets()).toBe(5);
    expect(clock.now()).toBe(5000);
  });
});

describe('item 2: location polling reads a terminal body', () => {
  const locationOnly = () => ({ status: 202, headers: { location: `${server.url}${RESULT_PATH}?api-version=2024-02-01`, 'retry-after': '1' } });

  test('202, then 200 {"status":"Failed"} -> failed with its error', async () => {
    server.route('POST', ABORT_PATH, locationOnly());
    server.route('GET', RESULT_PATH, [{ status: 202 }, { json: { status: 'Failed', error: { code: 'ExecutionFailure', message: 'the abort failed' } } }]);
    const { poller } = abort();
    const error = await poller.then(() => undefined, (e: unknown) => e);
    expect(isOperationFailedError(error)).toBe(true);
    expect(error).toMatchObject({ status: 'failed', error: { code: 'ExecutionFailure', message: 'the abort failed' } });
  });

  test.each([
    [{ properties: { provisioningState: 'Canceled' } }, 'canceled'],
    [{ status: 'Succeeded' }, 'succeeded'],
    [{}, 'succeeded'], // says nothing: success
    [{ name: 'op5' }, 'succeeded'],
  ])('200 %j -> %s', async (body, expected) => {
    server.route('POST', ABORT_PATH, locationOnly());
    server.route('GET', RESULT_PATH, { json: body });
    const { poller } = abort();
    await poller.then(() => undefined, () => undefined);
    expect(poller.operationState.status).toBe(expected);
  });

  test.each([
    ['an HTML page (a proxy, a captive portal)', { headers: { 'content-type': 'text/html' }, body: '<html>sign in</html>' }, 'the body is not JSON (text/html, 20 characters)'],
    ['JSON cut short', { json: { status: 'Succeeded' }, malformedJson: true }, 'the body is not JSON (application/json, 21 characters)'],
    ['an ARM error envelope', { json: { error: { code: 'InternalServerError', message: 'boom' } } }, 'the body is an error envelope with no status: {"code":"InternalServerError","message":"boom"}'],
  ])('200 with %s is no answer, never a success: polled again, then PollingProtocolError with a resume token', async (_, answer, reason) => {
    server.route('POST', ABORT_PATH, locationOnly());
    server.route('GET', RESULT_PATH, answer);
    const { poller } = abort();
    const error = await poller.then(() => undefined, (e: unknown) => e);
    expect(isPollingProtocolError(error)).toBe(true);
    expect(error).toMatchObject({ status: 200, reason, faults: 4 });
    expect(poller.operationState.status).toBe('running');
    expect(gets()).toBe(4);
    // The accepted operation is not lost: the token polls the location again.
    server.route('GET', RESULT_PATH, { status: 204 });
    await restorePoller(aksClient(server), (error as { resumeToken: string }).resumeToken, { clock: new ManualClock({ autoAdvance: true }) });
    expect(gets()).toBe(5);
  });

  test('200 {"status":"InProgress"} keeps polling', async () => {
    server.route('POST', ABORT_PATH, locationOnly());
    server.route('GET', RESULT_PATH, [{ json: { status: 'InProgress' } }, { status: 204 }]);
    await abort().poller;
    expect(gets()).toBe(2);
  });
});

describe('item 3: answers with no usable status are a protocol fault, not "forever"', () => {
  test.each([
    ['{"name":"op4"}', { json: { name: 'op4' } }, 'the body has no status'],
    ['an empty body', { body: '' }, 'the body is empty'],
    ['text/html', { headers: { 'content-type': 'text/html' }, body: '<html><body>hi</body></html>' }, 'the body is not JSON (text/html, 28 characters)'],
    ['{"status":3}', { json: { status: 3 } }, 'status is not a string: 3'],
  ])('%s forever -> 4 GETs, then PollingProtocolError naming the request, with a resume token', async (_, answer, reason) => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, { ...answer, headers: { ...(answer as { headers?: object }).headers, 'x-ms-request-id': 'rid-7' } });
    const { poller, logger } = abort();
    const error = await poller.then(() => undefined, (e: unknown) => e);
    expect(isPollingProtocolError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'PollingProtocolError', method: 'GET', url: STATUS_URL(), status: 200, reason, faults: 4, requestIds: { requestId: 'rid-7' } });
    expect((error as Error).message).toBe(`GET ${STATUS_URL()}: 200: no usable status in 4 answers in a row: ${reason} (request id rid-7)`);
    expect(gets()).toBe(4);
    expect(logger.lines.filter((l) => l.startsWith('warning'))).toHaveLength(3);
    // The token continues the wait once the service answers properly.
    server.route('GET', STATUS_PATH, status('Succeeded'));
    await restorePoller(aksClient(server), (error as { resumeToken: string }).resumeToken, { clock: new ManualClock({ autoAdvance: true }) });
  });

  test('a fault between good answers resets the count', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    const bad = { json: {} };
    server.route('GET', STATUS_PATH, [bad, bad, bad, status('InProgress'), bad, bad, bad, status('Succeeded')]);
    await abort().poller;
    expect(gets()).toBe(8);
  });

  test('an unknown status word is still running, and warned once per word', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [status('Provisioning'), status('Provisioning'), status('Provisioning'), status('Defragmenting'), status('Succeeded')]);
    const { poller, logger } = abort();
    await poller;
    expect(logger.lines.filter((l) => l.includes('unknown status')).map((l) => /"(\w+)"/.exec(l)?.[1])).toEqual(['Provisioning', 'Defragmenting']);
  });

  test('command results: 200 {} forever -> PollingProtocolError, not a GET every 2 s forever', async () => {
    server.route('GET', COMMAND_PATH, { json: {} });
    const poller = waitForCommandResult(aksClient(server), command, { clock: new ManualClock({ autoAdvance: true }) });
    await expect(poller).rejects.toMatchObject({ name: 'PollingProtocolError', reason: 'the body has no properties.provisioningState' });
    expect(gets()).toBe(4);
  });
});

describe('item 4: a body that does not parse names the request, and never loses an accepted operation', () => {
  test('200 {"status":"Succ (cut) -> a protocol fault, then success once the body is whole', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, [{ headers: { 'content-type': 'application/json' }, body: '{"status":"Succ' }, status('Succeeded')]);
    const { poller, logger } = abort();
    await poller;
    expect(logger.lines.find((l) => l.startsWith('warning'))).toContain('no usable status (the body is not JSON (application/json, 15 characters))');
  });

  test('202 with a valid Azure-AsyncOperation and body {"status":"Accep: the headers win and the operation is followed', async () => {
    server.route('POST', ABORT_PATH, { ...accepted(server), headers: { ...accepted(server).headers, 'content-type': 'application/json' }, body: '{"status":"Accep' });
    server.route('GET', STATUS_PATH, status('Succeeded'));
    const { poller } = abort();
    await poller;
    expect(poller.operationState.status).toBe('succeeded');
  });

  test('an error code that is not a string becomes one', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, status('Failed', { error: { code: 500, message: 'boom' } }));
    const error = await abort().poller.then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ error: { code: '500', message: 'boom' } });
  });
});

describe('item 10: an abort is resent after a 5xx, as the Azure SDKs do', () => {
  test.each([500, 502, 504])('POST -> %i, then 202: followed to success', async (code) => {
    server.route('POST', ABORT_PATH, [{ status: code }, accepted(server)]);
    server.route('GET', STATUS_PATH, status('Succeeded'));
    const clock = new ManualClock({ autoAdvance: true });
    const client = aksClient(server, { retryOptions: { maxRetries: 3, retryDelayInMs: 800, maxRetryDelayInMs: 60_000 }, clock });
    await abortLatestOperation(Object.assign(client), cluster, { clock });
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'GET']);
  });
});

describe('item 11: a poll answer naming a new Azure-AsyncOperation URL moves the polling there', () => {
  test('the next poll goes to the new URL', async () => {
    const moved = STATUS_PATH.replace('op-1', 'op-2');
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, status('InProgress', {}, { 'azure-asyncoperation': `${server.url}${moved}?api-version=2024-02-01` }));
    server.route('GET', moved, status('Succeeded'));
    await abort().poller;
    expect(server.requests.map((r) => r.path)).toEqual([ABORT_PATH, STATUS_PATH, moved]);
  });
});

describe('a polling URL whose path holds a malformed percent-escape is still followed and serialized', () => {
  // `new URL` keeps `%E0%A4%A` as it is; the throttling scope reads the subscription out of the path.
  const odd = '/subscriptions/%E0%A4%A/providers/Microsoft.ContainerService/locations/eastus/operations/op-1';

  test('polled as handed out, to the true outcome, and its resume token restores', async () => {
    server.route('POST', ABORT_PATH, { status: 202, headers: { 'azure-asyncoperation': `${server.url}${odd}` } });
    server.route('GET', odd, [status('InProgress'), status('Succeeded')]);
    const { poller } = abort();
    await poller.poll();
    const token = await poller.serialize();
    await expect(restorePoller(aksClient(server), token, { clock: new ManualClock({ autoAdvance: true }) })).resolves.toBeUndefined();
    expect(server.requests.map((r) => r.path)).toEqual([ABORT_PATH, odd, odd]);
  });
});
