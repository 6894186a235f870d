// A poller behaves as a core-lro 3 PollerLike at run time: a Promise (catch, finally, toStringTag),
// `result`, and `state.error` an Error with the service's code and message.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortLatestOperation, OperationError, restorePoller, waitForCommandResult } from '../src/index.js';
import { ABORT_PATH, accepted, aksClient, cluster, command, COMMAND_PATH, fast, status, STATUS_PATH } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const cloudError = { code: 'OperationFailed', message: 'the abort could not complete', details: [{ code: 'Inner' }] };

describe('Promise semantics', () => {
  test('catch receives the failure; finally runs and passes the outcome through', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, status('Failed', { error: cloudError }));
    const poller = abortLatestOperation(aksClient(server), cluster, fast());
    let finallyRan = false;
    const caught = await poller.finally(() => (finallyRan = true)).catch((error: unknown) => error);
    expect(finallyRan).toBe(true);
    expect(caught).toMatchObject({ name: 'OperationFailedError', status: 'failed' });
    expect(Object.prototype.toString.call(poller)).toBe('[object Poller]');
    expect(poller).toBeInstanceOf(Object);
    expect(typeof poller.then).toBe('function');
  });

  test('result is undefined while running, then the value', async () => {
    server.route('GET', COMMAND_PATH, [
      { status: 202, headers: { location: `${server.url}${COMMAND_PATH}?poll=1` } },
      { status: 200, json: { properties: { provisioningState: 'Succeeded', exitCode: 0, logs: 'done' } } },
    ]);
    const poller = waitForCommandResult(aksClient(server), command, fast());
    await poller.submitted();
    expect(poller.result).toBeUndefined();
    const value = await poller;
    expect(poller.result).toBe(value);
    expect(poller.result).toMatchObject({ properties: { provisioningState: 'Succeeded', exitCode: 0 } });
  });
});

describe('state.error', () => {
  test("is an Error carrying the service's code, message and details", async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, status('Failed', { error: cloudError }));
    const poller = abortLatestOperation(aksClient(server), cluster, fast());
    await poller.catch(() => {});
    const error = poller.operationState.error;
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(OperationError);
    expect(error?.name).toBe('OperationError');
    expect(error?.message).toBe('the abort could not complete');
    expect(error?.code).toBe('OperationFailed');
    expect(error?.details).toEqual([{ code: 'Inner' }]);
    // Serialized, it is the service's body again (no stack), so JSON output stays as it was.
    expect(JSON.parse(JSON.stringify(poller.operationState)).error).toEqual(cloudError);
  });

  test('survives a resume token as an Error', async () => {
    server.route('POST', ABORT_PATH, accepted(server));
    server.route('GET', STATUS_PATH, status('Canceled', { error: { code: 'OperationCanceled' } }));
    const poller = abortLatestOperation(aksClient(server), cluster, fast());
    await poller.catch(() => {});
    const restored = restorePoller(aksClient(server), await poller.serialize());
    expect(restored.operationState.error).toBeInstanceOf(OperationError);
    expect(restored.operationState.error).toMatchObject({ code: 'OperationCanceled', message: 'OperationCanceled' });
    expect(JSON.parse(JSON.stringify(restored.operationState.error))).toEqual({ code: 'OperationCanceled' });
  });
});
