// Get Command Result: 202 + Location while the command runs, 200 RunCommandResult when done.
import { isApiError } from '@azlro/http';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { isOperationFailedError, parseResumeToken, waitForCommandResult } from '../src/index.js';
import { commandResultUrl } from '../src/strategies/command-result.js';
import { aksClient, command, COMMAND_PATH, fast, rejection, seen } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const succeeded = {
  id: 'def7b3ea71bd4f7e9d226ddbc0f00ad9',
  properties: { provisioningState: 'succeeded', exitCode: 0, startedAt: '2021-02-17T00:28:20Z', finishedAt: '2021-02-17T00:28:33Z', logs: 'namespace dummy created' },
};
const failed = { id: 'def7b3ea71bd4f7e9d226ddbc0f00ad9', properties: { provisioningState: 'failed', reason: 'ImagePullBackoff', exitCode: 1, logs: 'pulling...' } };

describe('waitForCommandResult', () => {
  test('202 + Location, then 200: resolves with the RunCommandResult as sent, times surfaced', async () => {
    const location = `${COMMAND_PATH}-poll`;
    server.route('GET', COMMAND_PATH, { status: 202, headers: { location: `${server.url}${location}?api-version=2024-09-01` } });
    server.route('GET', location, [{ status: 202 }, { json: succeeded, headers: { 'x-ms-request-id': 'done-1' } }]);
    const poller = waitForCommandResult(aksClient(server), command, fast());
    await expect(poller).resolves.toEqual(succeeded);
    expect(seen(server)).toEqual([`GET ${COMMAND_PATH}`, `GET ${location}`, `GET ${location}`]);
    expect(server.requests[0]!.url).toBe(`${COMMAND_PATH}?api-version=2024-09-01`);
    expect(poller.operationState).toMatchObject({
      status: 'succeeded', serviceStatus: 'succeeded', startTime: '2021-02-17T00:28:20Z', endTime: '2021-02-17T00:28:33Z',
      result: succeeded, pollCount: 2, requestIds: { requestId: 'done-1' },
    });
  });

  test('200 on the first request: done without polling', async () => {
    server.route('GET', COMMAND_PATH, { json: succeeded });
    const poller = waitForCommandResult(aksClient(server), command, fast());
    expect((await poller).properties?.logs).toBe('namespace dummy created');
    expect(seen(server)).toHaveLength(1);
  });

  test('a finished result\'s resume token keeps the exit code but not the logs (they may echo a secret), as run command\'s does', async () => {
    server.route('GET', COMMAND_PATH, { json: { ...succeeded, properties: { ...succeeded.properties, logs: 'password=hunter2' } } });
    const poller = waitForCommandResult(aksClient(server), command, fast());
    expect((await poller).properties?.logs).toBe('password=hunter2');
    const token = await poller.serialize();
    expect(Buffer.from(token, 'base64url').toString()).not.toContain('hunter2');
    expect(parseResumeToken(token).state).toMatchObject({ status: 'succeeded', result: { properties: { exitCode: 0 } } });
  });

  test('202 without Location polls the same commandResults URL again', async () => {
    server.route('GET', COMMAND_PATH, [{ status: 202 }, { json: succeeded }]);
    await waitForCommandResult(aksClient(server), command, fast());
    expect(server.requests.map((r) => r.url)).toEqual([`${COMMAND_PATH}?api-version=2024-09-01`, `${COMMAND_PATH}?api-version=2024-09-01`]);
  });

  test('provisioningState is read case-insensitively', async () => {
    server.route('GET', COMMAND_PATH, { json: { ...succeeded, properties: { ...succeeded.properties, provisioningState: 'Succeeded' } } });
    await expect(waitForCommandResult(aksClient(server), command, fast())).resolves.toMatchObject({ id: succeeded.id });
  });

  test('failed: OperationFailedError with the reason, and the full result on its state', async () => {
    server.route('GET', COMMAND_PATH, [{ status: 202 }, { json: failed }]);
    const error = await rejection(waitForCommandResult(aksClient(server), command, fast()));
    expect(isOperationFailedError(error)).toBe(true);
    if (!isOperationFailedError(error)) return;
    expect(error.status).toBe('failed');
    expect(error.error?.toJSON()).toEqual({ message: 'ImagePullBackoff' });
    expect(error.message).toBe('containerservice.commandResult: the operation failed: ImagePullBackoff');
    expect(error.operationState.result).toEqual(failed);
  });

  test('404 (no such cluster or command) rejects with the ApiError', async () => {
    server.route('GET', COMMAND_PATH, { status: 404, json: { error: { code: 'ResourceNotFound', message: 'not found' } } });
    const error = await rejection(waitForCommandResult(aksClient(server), command, fast()));
    expect(isApiError(error) && error.kind).toBe('notFound');
  });

  test('the sample Location (lower-case resourcegroups) is followed exactly as given', async () => {
    const sample = '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1/commandResults/0e9872e6629349dc865e27ee6f8bab2d';
    server.route('GET', COMMAND_PATH, { status: 202, headers: { location: `${server.url}${sample}?api-version=2024-09-01` } });
    server.route('GET', sample, { json: succeeded });
    await waitForCommandResult(aksClient(server), command, fast());
    expect(server.requests[1]!.url).toBe(`${sample}?api-version=2024-09-01`);
  });
});

describe('the documented URL built from the caller\'s parameters (the fallback)', () => {
  test.each([
    ['plain', { resourceGroupName: 'rg1', resourceName: 'clustername1', commandId: 'def7b3ea71bd4f7e9d226ddbc0f00ad9' }],
    ['unicode, brackets, a space and $', { resourceGroupName: 'résumé(rg).x_1', resourceName: 'c-1', commandId: "a b$c'd+e" }],
  ])('%s: is the URL the initial GET went to, character for character', async (_, names) => {
    server.route('GET', '*', { json: succeeded });
    const params = { subscriptionId: command.subscriptionId, ...names };
    await waitForCommandResult(aksClient(server), params, fast());
    expect(`${server.url}${server.requests[0]!.url}`).toBe(commandResultUrl(server.url, params));
  });
});
