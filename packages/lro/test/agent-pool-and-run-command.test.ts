// Agent Pools - Abort Latest Operation and Run Command, against a real loopback server, on a
// ManualClock that moves only when every poller sleeps (exact waits, no wall-clock assertions).
import { decodeBase64Url } from '@azlro/http/internal';
import { createContainerServiceClient } from '@azlro/containerservice';
import { isApiError } from '@azlro/http';
import { ManualClock } from '@azlro/http/testing';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { abortAgentPoolLatestOperation, isOperationFailedError, parseResumeToken, restorePoller, runCommand } from '../src/index.js';
import { runOnClock } from './clock-driver.js';
import { aksClient, cluster, credential, fast, rejection, RESULT_PATH, seen, status, STATUS_PATH } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const POOL_ABORT_PATH = `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedclusters/clustername1/agentPools/nodepool1/abort`;
const RUN_PATH = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1/runCommand';
const HANDED_OUT = '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1/commandResults/0e9872e6629349dc865e27ee6f8bab2d';
const DOCUMENTED = HANDED_OUT.replace('/resourcegroups/', '/resourceGroups/');
const pool = { ...cluster, agentPoolName: 'nodepool1' };
const SECRET_COMMAND = 'kubectl create secret generic db --from-literal=password=hunter2-azlro-secret';
const SECRET_CONTEXT = 'UEsDBBQAc2VjcmV0LWZpbGUtY29udGVudHM=';
const SECRET_CLUSTER_TOKEN = 'cluster-token-azlro-secret-value';

const result = (exitCode: number, logs: string) => ({
  id: '0e9872e6629349dc865e27ee6f8bab2d',
  properties: { provisioningState: 'succeeded', exitCode, startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:20:00Z', logs },
});

describe('abortAgentPoolLatestOperation', () => {
  test('202 → Azure-AsyncOperation polled with Retry-After waits → Succeeded', async () => {
    const clock = new ManualClock();
    server.route('POST', POOL_ABORT_PATH, {
      status: 202,
      headers: { 'azure-asyncoperation': `${server.url}${STATUS_PATH}?api-version=2017-08-31`, location: `${server.url}${RESULT_PATH}?api-version=2017-08-31`, 'retry-after': '7' },
    });
    server.route('GET', STATUS_PATH, [status('InProgress', {}, { 'retry-after': '3' }), status('Succeeded')]);
    const poller = abortAgentPoolLatestOperation(aksClient(server), pool, { clock });
    const [outcome] = await runOnClock(clock, [poller]);
    expect(outcome).toEqual({ status: 'fulfilled', value: undefined });
    expect(seen(server)).toEqual([`POST ${POOL_ABORT_PATH}`, `GET ${STATUS_PATH}`, `GET ${STATUS_PATH}`]);
    expect(server.requests[0]!.url).toBe(`${POOL_ABORT_PATH}?api-version=2024-09-01`);
    expect(clock.sleeps).toEqual([7000, 3000]);
    expect(poller.kind).toBe('containerservice.abortAgentPoolLatestOperation');
    expect(poller.operationState).toMatchObject({ status: 'succeeded', serviceStatus: 'Succeeded', pollCount: 2 });
  });

  test('a 202 whose body does not parse (cut JSON, HTML) is still followed by its headers: the accepted abort is not lost', async () => {
    for (const body of ['{"status":"Accep', '<html>accepted</html>']) {
      server.reset();
      server.route('POST', POOL_ABORT_PATH, {
        status: 202, body,
        headers: { 'content-type': body.startsWith('<') ? 'text/html' : 'application/json', 'azure-asyncoperation': `${server.url}${STATUS_PATH}?api-version=2017-08-31` },
      });
      server.route('GET', STATUS_PATH, status('Succeeded'));
      await expect(abortAgentPoolLatestOperation(aksClient(server), pool, fast())).resolves.toBeUndefined();
      expect(seen(server)).toEqual([`POST ${POOL_ABORT_PATH}`, `GET ${STATUS_PATH}`]);
    }
  });

  test('204: nothing running, done without a poll', async () => {
    server.route('POST', POOL_ABORT_PATH, { status: 204 });
    await expect(abortAgentPoolLatestOperation(aksClient(server), pool)).resolves.toBeUndefined();
    expect(seen(server)).toEqual([`POST ${POOL_ABORT_PATH}`]);
  });

  test('409 rejects with an ApiError of kind conflict', async () => {
    server.route('POST', POOL_ABORT_PATH, { status: 409, json: { error: { code: 'OperationNotAllowed', message: 'The operation completed before it could be aborted.' } } });
    const error = await rejection(abortAgentPoolLatestOperation(aksClient(server), pool));
    expect(isApiError(error) && [error.status, error.kind, error.code]).toEqual([409, 'conflict', 'OperationNotAllowed']);
  });

  test('a bad agentPoolName throws before anything is sent', () => {
    expect(() => abortAgentPoolLatestOperation(aksClient(server), { ...pool, agentPoolName: 'NodePool1' })).toThrow(/agentPoolName/);
    expect(server.requests).toHaveLength(0);
  });

  test('resumes from a token in a new poller, under its own kind', async () => {
    server.route('POST', POOL_ABORT_PATH, { status: 202, headers: { 'azure-asyncoperation': `${server.url}${STATUS_PATH}?api-version=2017-08-31` } });
    server.route('GET', STATUS_PATH, [status('InProgress'), status('Succeeded')]);
    const first = abortAgentPoolLatestOperation(aksClient(server), pool);
    const token = await first.serialize();
    expect(parseResumeToken(token)).toMatchObject({ kind: 'containerservice.abortAgentPoolLatestOperation', polling: { via: 'asyncOperation' } });
    const clock = new ManualClock({ autoAdvance: true });
    const restored = restorePoller(aksClient(server), token, { clock });
    expect(restored.kind).toBe('containerservice.abortAgentPoolLatestOperation');
    await restored;
    expect(seen(server)).toEqual([`POST ${POOL_ABORT_PATH}`, `GET ${STATUS_PATH}`, `GET ${STATUS_PATH}`]);
  });
});

describe('runCommand', () => {
  test('a 202 whose body does not parse (cut JSON) is still followed by its location: the accepted command is not lost', async () => {
    server.route('POST', RUN_PATH, { status: 202, body: '{"id":"0e98', headers: { 'content-type': 'application/json', location: `${server.url}${HANDED_OUT}?api-version=2024-09-01` } });
    server.route('GET', HANDED_OUT, { json: result(0, 'ran') });
    await expect(runCommand(aksClient(server), cluster, { command: 'ls' }, fast())).resolves.toEqual(result(0, 'ran'));
    expect(seen(server)).toEqual([`POST ${RUN_PATH}`, `GET ${HANDED_OUT}`]);
  });

  test('a 200 whose body does not parse is a protocol fault reported with its request, never a bare SyntaxError', async () => {
    server.route('POST', RUN_PATH, { status: 200, body: '{"id":"0e98', headers: { 'content-type': 'application/json' } });
    const error = await rejection(runCommand(aksClient(server), cluster, { command: 'ls' }, fast()));
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect(String(error)).toMatch(/not JSON|runCommand/);
  });

  test('202 → the command result polled (its Retry-After honoured) → the RunCommandResult with exit code and logs', async () => {
    const clock = new ManualClock();
    server.route('POST', RUN_PATH, { status: 202, headers: { location: `${server.url}${HANDED_OUT}?api-version=2024-09-01` } });
    server.route('GET', HANDED_OUT, [{ status: 202, headers: { 'retry-after': '30' } }, { status: 202, headers: { 'retry-after': '30' } }, { json: result(0, 'pods listed\n') }]);
    const poller = runCommand(aksClient(server), cluster, { command: 'kubectl get pods -A', context: '' }, { clock });
    const [outcome] = await runOnClock(clock, [poller]);
    expect(outcome).toEqual({ status: 'fulfilled', value: result(0, 'pods listed\n') });
    expect(seen(server)).toEqual([`POST ${RUN_PATH}`, `GET ${HANDED_OUT}`, `GET ${HANDED_OUT}`, `GET ${HANDED_OUT}`]);
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ command: 'kubectl get pods -A', context: '' });
    expect(server.requests[0]!.url).toBe(`${RUN_PATH}?api-version=2024-09-01`);
    // The first poll waits the default interval (no Retry-After on the 202), then 30 s twice.
    expect(clock.sleeps).toEqual([2000, 30000, 30000]);
    expect(poller.operationState).toMatchObject({ kind: 'containerservice.runCommand', status: 'succeeded', pollCount: 3 });
  });

  test('a 20-minute command is followed to the end with no option given (no deadline)', async () => {
    const clock = new ManualClock();
    const polls = 20 * 60 / 10;
    server.route('POST', RUN_PATH, { status: 202, headers: { location: `${server.url}${HANDED_OUT}?api-version=2024-09-01`, 'retry-after': '10' } });
    server.route('GET', HANDED_OUT, [...Array.from({ length: polls - 1 }, () => ({ status: 202, headers: { 'retry-after': '10' } })), { json: result(0, 'done') }]);
    const [outcome] = await runOnClock(clock, [runCommand(aksClient(server), cluster, { command: 'sleep 1200' }, { clock })]);
    expect(outcome?.status).toBe('fulfilled');
    expect(server.requests).toHaveLength(polls + 1);
    expect(clock.now()).toBe(20 * 60 * 1000);
  });

  test('a non-zero exit code resolves (the command ran): the caller reads exitCode', async () => {
    server.route('POST', RUN_PATH, { status: 202, headers: { location: `${server.url}${HANDED_OUT}?api-version=2024-09-01` } });
    server.route('GET', HANDED_OUT, { json: result(3, 'error: pods is forbidden\n') });
    const value = await runCommand(aksClient(server), cluster, { command: 'kubectl get pods' }, { clock: new ManualClock({ autoAdvance: true }) });
    expect(value.properties?.exitCode).toBe(3);
  });

  test('provisioningState failed rejects with an OperationFailedError carrying the reason', async () => {
    server.route('POST', RUN_PATH, { status: 202, headers: { location: `${server.url}${HANDED_OUT}?api-version=2024-09-01` } });
    server.route('GET', HANDED_OUT, { json: { id: 'x', properties: { provisioningState: 'failed', reason: 'ImagePullBackoff' } } });
    const error = await rejection(runCommand(aksClient(server), cluster, { command: 'ls' }, { clock: new ManualClock({ autoAdvance: true }) }));
    expect(isOperationFailedError(error) && error.error?.message).toBe('ImagePullBackoff');
  });

  test('a 200 to the POST is the result at once', async () => {
    server.route('POST', RUN_PATH, { json: result(0, 'at once') });
    await expect(runCommand(aksClient(server), cluster, { command: 'ls' })).resolves.toEqual(result(0, 'at once'));
    expect(server.requests).toHaveLength(1);
  });

  test("a 200 to the POST that is still running: its command id's documented URL is polled; without an id it rejects at once", async () => {
    server.route('POST', RUN_PATH, { json: { id: '0e9872e6629349dc865e27ee6f8bab2d', properties: { provisioningState: 'Running' } } });
    server.route('GET', DOCUMENTED, { json: result(0, 'later') });
    const clock = new ManualClock({ autoAdvance: true });
    await expect(runCommand(aksClient(server), cluster, { command: 'ls' }, { clock })).resolves.toEqual(result(0, 'later'));
    expect(seen(server)).toEqual([`POST ${RUN_PATH}`, `GET ${DOCUMENTED}`]);
    server.reset();
    server.route('POST', RUN_PATH, { json: { properties: { provisioningState: 'Running' } } });
    const error = await rejection(runCommand(aksClient(server), cluster, { command: 'ls' }, { clock }));
    expect(String(error)).toBe('Error: containerservice.runCommand: the service answered 200 Running without a location or a command id: no command result to follow');
    expect(seen(server)).toEqual([`POST ${RUN_PATH}`]);
  });

  test('a handed-out location that fails 404 falls back to the documented URL built from the cluster and the command id', async () => {
    server.route('POST', RUN_PATH, { status: 202, headers: { location: `${server.url}${HANDED_OUT}?api-version=2024-09-01` } });
    server.route('GET', HANDED_OUT, { status: 404, json: { error: { code: 'NotFound', message: 'gone' } } });
    server.route('GET', DOCUMENTED, { json: result(0, 'ok') });
    await runCommand(aksClient(server), cluster, { command: 'ls' }, { clock: new ManualClock({ autoAdvance: true }) });
    expect(seen(server)).toEqual([`POST ${RUN_PATH}`, `GET ${HANDED_OUT}`, `GET ${DOCUMENTED}`]);
  });

  test('the POST is never resent on a 500, even with retries allowed (a command must not run twice)', async () => {
    server.route('POST', RUN_PATH, { status: 500, json: { error: { code: 'InternalServerError', message: 'x' } } });
    const client = createContainerServiceClient({ endpoint: server.url, credential, retryOptions: { maxRetries: 3, retryDelayInMs: 1, maxRetryDelayInMs: 1 } });
    const error = await rejection(runCommand(client, cluster, { command: 'ls' }));
    expect(isApiError(error) && error.status).toBe(500);
    expect(server.requests).toHaveLength(1);
  });

  test('bad input throws before sending, naming the field', () => {
    expect(() => runCommand(aksClient(server), cluster, { command: '' })).toThrow(/request\.command/);
    expect(() => runCommand(aksClient(server), cluster, { command: 'ls', context: '%%%' })).toThrow(/request\.context/);
    expect(() => runCommand(aksClient(server), { ...cluster, resourceName: '-x' }, { command: 'ls' })).toThrow(/resourceName/);
    expect(server.requests).toHaveLength(0);
  });

  test('the resume token holds the result URL, never the command, its files, the cluster token or the logs; a restored poller finishes it', async () => {
    server.route('POST', RUN_PATH, { status: 202, headers: { location: `${server.url}${HANDED_OUT}?api-version=2024-09-01` } });
    server.route('GET', HANDED_OUT, [{ status: 202 }, { json: result(0, `echo: ${SECRET_COMMAND}`) }]);
    const poller = runCommand(aksClient(server), cluster, { command: SECRET_COMMAND, context: SECRET_CONTEXT, clusterToken: SECRET_CLUSTER_TOKEN });
    const running = await poller.serialize();
    const decoded = decodeBase64Url(running);
    for (const secret of ['hunter2', SECRET_CONTEXT, SECRET_CLUSTER_TOKEN, 'kubectl']) expect(decoded).not.toContain(secret);
    expect(parseResumeToken(running)).toMatchObject({
      kind: 'containerservice.runCommand',
      polling: { url: `${server.url}${HANDED_OUT}?api-version=2024-09-01`, resourceUrl: `${server.url}${DOCUMENTED}?api-version=2024-09-01` },
    });
    const restored = restorePoller(aksClient(server), running, { clock: new ManualClock({ autoAdvance: true }) });
    await expect(restored).resolves.toEqual(result(0, `echo: ${SECRET_COMMAND}`));
    // Once done, a token keeps the exit code but not the logs (they echoed the command here).
    const done = decodeBase64Url(await restored.serialize());
    expect(done).not.toContain('hunter2');
    expect(JSON.parse(done).state.result.properties).toEqual({ provisioningState: 'succeeded', exitCode: 0, startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:20:00Z' });
  });
});
