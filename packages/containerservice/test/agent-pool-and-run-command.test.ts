// Agent pool abort and run command: input checked before sending (a real loopback server records
// what reaches it), and the body sent as the spec says.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createContainerServiceClient, sendAbortAgentPoolLatestOperation, sendRunCommand } from '../src/index.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = () => createContainerServiceClient({ endpoint: server.url, retryOptions: { maxRetries: 0 } });
const cluster = { subscriptionId: '00000000-0000-0000-0000-000000000000', resourceGroupName: 'rg1', resourceName: 'clustername1' };

describe('sendAbortAgentPoolLatestOperation refuses a bad agentPoolName before sending', () => {
  test.each([
    ['Agentpool1', RangeError],
    ['1pool', RangeError],
    ['pool-1', RangeError],
    ['abcdefghijklm', RangeError],
    ['', RangeError],
    [42, TypeError],
  ])('%j', (agentPoolName, errorType) => {
    const call = () => sendAbortAgentPoolLatestOperation(client(), { ...cluster, agentPoolName: agentPoolName as string });
    expect(call).toThrow(errorType);
    expect(call).toThrow('agentPoolName');
    expect(server.requests).toHaveLength(0);
  });

  test('a 12-character name is sent, on the documented path', async () => {
    server.route('POST', '*', { status: 204 });
    const { response } = await sendAbortAgentPoolLatestOperation(client(), { ...cluster, agentPoolName: 'a12345678901' });
    expect(response.status).toBe(204);
    expect(server.requests[0]!.path).toBe(
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedclusters/clustername1/agentPools/a12345678901/abort',
    );
  });
});

test('the node pool abort is resent after a 500 (a repeated abort is the same abort); run command is not (it would run twice)', async () => {
  const retrying = createContainerServiceClient({ endpoint: server.url, retryOptions: { maxRetries: 2, retryDelayInMs: 1, maxRetryDelayInMs: 1 } });
  server.route('POST', '*', [{ status: 500, json: { error: { code: 'InternalServerError', message: 'x' } } }, { status: 204 }]);
  const { response } = await sendAbortAgentPoolLatestOperation(retrying, { ...cluster, agentPoolName: 'np1' });
  expect(response.status).toBe(204);
  expect(server.requests).toHaveLength(2);
  server.reset();
  server.route('POST', '*', [{ status: 500, json: { error: { code: 'InternalServerError', message: 'x' } } }, { status: 202 }]);
  await expect(sendRunCommand(retrying, cluster, { command: 'ls' })).rejects.toMatchObject({ status: 500 });
  expect(server.requests).toHaveLength(1);
});

describe('sendRunCommand', () => {
  test.each([
    [{}, 'request.command', TypeError],
    [{ command: '   ' }, 'request.command', RangeError],
    [{ command: 'ls', context: 'not base64!' }, 'request.context', RangeError],
    [{ command: 'ls', context: 42 }, 'request.context', TypeError],
    [{ command: 'ls', clusterToken: 42 }, 'request.clusterToken', TypeError],
  ])('refuses %j before sending, naming %s', (request, name, errorType) => {
    const call = () => sendRunCommand(client(), cluster, request as never);
    expect(call).toThrow(errorType);
    expect(call).toThrow(name);
    expect(server.requests).toHaveLength(0);
  });

  test('sends only the documented fields as JSON and hands back the 202', async () => {
    server.route('POST', '*', { status: 202, headers: { location: `${server.url}/x/commandResults/abc?api-version=2024-09-01` } });
    const { data, response } = await sendRunCommand(client(), cluster, { command: 'kubectl get pods', context: 'UEs=', extra: 'x' } as never);
    expect(response.status).toBe(202);
    expect(data).toBeUndefined();
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toMatch(/\/managedClusters\/clustername1\/runCommand$/);
    expect(JSON.parse(request!.body)).toEqual({ command: 'kubectl get pods', context: 'UEs=' });
  });
});
