// Contract tests: the generated client, wired to the azlro pipeline, against Prism mocking
// specs/containerservice.yaml. Every (operation, documented status) pair is exercised; a final test
// fails if the spec documents a pair this file does not cover.
import { contractCoverage, contractCredential as token, expectApiError as apiError, prefer, violations } from '@azlro/prism';
import type { ApiError } from '@azlro/http';
import { describe, expect, inject, test } from 'vitest';
import {
  sendAbortLatestOperation,
  createContainerServiceClient,
  getCommandResult,
  sendAbortAgentPoolLatestOperation,
  sendRunCommand,
  type ContainerServiceClient,
} from '../src/index.js';
import * as generated from '../src/generated/sdk.gen.js';

const prismUrl = inject('prismUrl');
const client = createContainerServiceClient({ endpoint: prismUrl, credential: token, retryOptions: { maxRetries: 0 } });
const anonymous = createContainerServiceClient({ endpoint: prismUrl, retryOptions: { maxRetries: 0 } });

const cluster = {
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroupName: 'rg1',
  resourceName: 'clustername1',
};
const command = { ...cluster, commandId: 'def7b3ea71bd4f7e9d226ddbc0f00ad9' };
const operation = { subscriptionId: cluster.subscriptionId, location: 'eastus', operationId: '00000000-0000-0000-0000-000000000000' };
const operationPath = `/subscriptions/${operation.subscriptionId}/providers/Microsoft.ContainerService/locations/eastus`;

/** The polling resources have no hand-written wrapper (lro GETs the handed-out URL): the generated functions, at the service's version. */
const polling = (fn: typeof generated.getOperationStatus | typeof generated.getOperationResult) =>
  (c: ContainerServiceClient, path: typeof operation, options: { headers?: Record<string, string>; apiVersion?: string } = {}) =>
    (fn as typeof generated.getOperationStatus)({ client: c.client, path, query: { 'api-version': options.apiVersion ?? '2017-08-31' }, headers: options.headers, throwOnError: true });
const getOperationStatus = polling(generated.getOperationStatus);
const getOperationResult = polling(generated.getOperationResult);

const coverage = contractCoverage('containerservice');


describe('sendAbortLatestOperation', () => {
  test('202 carries the polling URLs from the documented example', async () => {
    coverage.cover('abortLatestOperation', '202');
    const { response } = await sendAbortLatestOperation(client, cluster, prefer('code=202'));
    expect(response.status).toBe(202);
    expect(response.headers.get('Azure-AsyncOperation')).toBe(
      'https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.ContainerService/locations/eastus/operationStatus/00000000-0000-0000-0000-000000000000?api-version=2024-02-01',
    );
    expect(response.headers.get('location')).toBe(
      'https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.ContainerService/locations/eastus/operations/00000000-0000-0000-0000-000000000000?api-version=2024-02-01',
    );
  });

  test('204 when there was nothing to abort', async () => {
    coverage.cover('abortLatestOperation', '204');
    const { response } = await sendAbortLatestOperation(client, cluster, prefer('code=204'));
    expect(response.status).toBe(204);
  });

  test('409 (finished before it could be aborted) is an ApiError of kind conflict', async () => {
    coverage.cover('abortLatestOperation', '409', 'operationAlreadyFinished');
    const error = await apiError(sendAbortLatestOperation(client, cluster, prefer('code=409, example=operationAlreadyFinished')));
    expect(error.status).toBe(409);
    expect(error.kind).toBe('conflict');
    expect(error.code).toBe('OperationNotAllowed');
    expect(error.message).toContain('POST');
  });

  test('default: a CloudError becomes an ApiError with the service code and message', async () => {
    coverage.cover('abortLatestOperation', 'default', 'internalServerError');
    const error = await apiError(sendAbortLatestOperation(client, cluster, prefer('code=500, example=internalServerError')));
    expect(error.status).toBe(500);
    expect(error.code).toBe('InternalServerError');
    expect(error.message).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/subscriptions\/.+\/abort\?api-version=2024-02-01: 500 InternalServerError: /);
  });
});

describe('abortAgentPoolLatestOperation (Agent Pools - Abort Latest Operation)', () => {
  const pool = { ...cluster, agentPoolName: 'agentpool1' };

  test('202 carries the polling URLs of AgentPoolsAbortOperation.json, and the request the documented path', async () => {
    coverage.cover('abortAgentPoolLatestOperation', '202');
    const { request, response } = await sendAbortAgentPoolLatestOperation(client, pool, prefer('code=202'));
    expect(response.status).toBe(202);
    expect(new URL(request.url).pathname).toBe(
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedclusters/clustername1/agentPools/agentpool1/abort',
    );
    expect(new URL(request.url).searchParams.get('api-version')).toBe('2024-09-01');
    expect(response.headers.get('Azure-AsyncOperation')).toBe(
      'https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.ContainerService/locations/eastus/operationStatus/00000000-0000-0000-0000-000000000000?api-version=2024-09-01',
    );
    expect(response.headers.get('location')).toBe(
      'https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.ContainerService/locations/eastus/operations/00000000-0000-0000-0000-000000000000?api-version=2024-09-01',
    );
  });

  test('204 when nothing runs on the pool', async () => {
    coverage.cover('abortAgentPoolLatestOperation', '204');
    const { response } = await sendAbortAgentPoolLatestOperation(client, pool, prefer('code=204'));
    expect(response.status).toBe(204);
  });

  test('409 (finished before it could be aborted) is an ApiError of kind conflict', async () => {
    coverage.cover('abortAgentPoolLatestOperation', '409', 'operationAlreadyFinished');
    const error = await apiError(sendAbortAgentPoolLatestOperation(client, pool, prefer('code=409, example=operationAlreadyFinished')));
    expect(error.status).toBe(409);
    expect(error.kind).toBe('conflict');
    expect(error.code).toBe('OperationNotAllowed');
  });

  test('default CloudError', async () => {
    coverage.cover('abortAgentPoolLatestOperation', 'default', 'internalServerError');
    const error = await apiError(sendAbortAgentPoolLatestOperation(client, pool, prefer('code=500, example=internalServerError')));
    expect(error.status).toBe(500);
    expect(error.code).toBe('InternalServerError');
  });

  test.each(['Agentpool1', '1pool', 'agentpool12345', 'pool-1'])('422 from Prism for the agent pool name %s (the spec carries the rule)', async (agentPoolName) => {
    const error = await apiError(
      generated.abortAgentPoolLatestOperation({ client: client.client, path: { ...pool, agentPoolName }, query: { 'api-version': '2024-09-01' }, throwOnError: true }),
    );
    expect(error.status).toBe(422);
    expect(violations(error)).toContain('path/agentpoolname pattern');
  });
});

describe('runCommand (Managed Clusters - Run Command)', () => {
  const request = { command: 'kubectl apply -f ns.yaml', context: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' };

  test('202 with a location naming the command result (RunCommandRequest.json)', async () => {
    coverage.cover('runCommand', '202');
    const sent = await sendRunCommand(client, cluster, request, prefer('code=202'));
    expect(sent.response.status).toBe(202);
    expect(sent.data).toBeUndefined();
    expect(new URL(sent.request.url).pathname).toBe(
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1/runCommand',
    );
    expect(sent.response.headers.get('location')).toBe(
      'https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1/commandResults/0e9872e6629349dc865e27ee6f8bab2d?api-version=2024-09-01',
    );
  });

  test('200 with the RunCommandResult ("only for autorest")', async () => {
    coverage.cover('runCommand', '200', 'commandSucceedResult');
    const { data, response } = await sendRunCommand(client, cluster, request, prefer('code=200, example=commandSucceedResult'));
    expect(response.status).toBe(200);
    expect(data?.properties).toMatchObject({ provisioningState: 'succeeded', exitCode: 0, logs: 'namespace dummy created' });
  });

  test('404 for a missing cluster (promised by the official Swagger) is an ApiError of kind notFound', async () => {
    coverage.cover('runCommand', '404', 'resourceNotFound');
    const error = await apiError(sendRunCommand(client, cluster, request, prefer('code=404, example=resourceNotFound')));
    expect(error.status).toBe(404);
    expect(error.kind).toBe('notFound');
    expect(error.code).toBe('ResourceNotFound');
  });

  test('default CloudError', async () => {
    coverage.cover('runCommand', 'default', 'internalServerError');
    const error = await apiError(sendRunCommand(client, cluster, request, prefer('code=500, example=internalServerError')));
    expect(error.status).toBe(500);
    expect(error.code).toBe('InternalServerError');
  });

  test('the body is checked by Prism: no command is 422', async () => {
    const error = await apiError(
      generated.runCommand({ client: client.client, path: cluster, query: { 'api-version': '2024-09-01' }, body: {} as never, throwOnError: true }),
    );
    expect(error.status).toBe(422);
    expect(violations(error)).toEqual(['body required']);
  });
});

describe('getCommandResult', () => {
  test.each(['commandSucceedResult', 'commandFailedResult'])('200 with the %s example', async (example) => {
    coverage.cover('getCommandResult', '200', example);
    const { data, response } = await getCommandResult(client, command, prefer(`code=200, example=${example}`));
    expect(response.status).toBe(200);
    expect(data?.id).toBe('def7b3ea71bd4f7e9d226ddbc0f00ad9');
    expect(data?.properties?.provisioningState).toBe(example === 'commandSucceedResult' ? 'succeeded' : 'failed');
    if (example === 'commandSucceedResult') {
      expect(data?.properties).toMatchObject({ exitCode: 0, logs: 'namespace dummy created', startedAt: '2021-02-17T00:28:20Z' });
    } else {
      expect(data?.properties?.reason).toBe('ImagePullBackoff');
    }
  });

  test('202 while the command runs, with a Location to poll', async () => {
    coverage.cover('getCommandResult', '202');
    const { data, response } = await getCommandResult(client, command, prefer('code=202'));
    expect(response.status).toBe(202);
    expect(data).toBeUndefined();
    // The service's form: lower-case `resourcegroups` (RunCommandResultSucceed.json).
    expect(response.headers.get('Location')).toMatch(/\/resourcegroups\/rg1\/.*\/commandResults\//);
  });

  test('404 for a missing cluster is an ApiError of kind notFound', async () => {
    coverage.cover('getCommandResult', '404', 'resourceNotFound');
    const error = await apiError(getCommandResult(client, command, prefer('code=404, example=resourceNotFound')));
    expect(error.kind).toBe('notFound');
    expect(error.status).toBe(404);
  });

  test('default CloudError', async () => {
    coverage.cover('getCommandResult', 'default', 'internalServerError');
    const error = await apiError(getCommandResult(client, command, prefer('code=500, example=internalServerError')));
    expect(error.status).toBe(500);
    expect(error.code).toBe('InternalServerError');
  });
});

describe('getOperationStatus (the Azure-AsyncOperation resource, …/locations/{location}/operations/{id})', () => {
  test.each([
    ['inProgress', 'InProgress'],
    ['succeeded', 'Succeeded'],
    ['failed', 'Failed'],
    ['canceled', 'Canceled'],
  ])('200 with the %s example', async (example, status) => {
    coverage.cover('getOperationStatus', '200', example);
    const { data, request } = await getOperationStatus(client, operation, prefer(`code=200, example=${example}`));
    expect(data.status).toBe(status);
    expect(new URL(request.url).pathname).toBe(`${operationPath}/operations/${operation.operationId}`);
  });

  test('takes the polling api-version the service hands out, whatever it is', async () => {
    const { request } = await getOperationStatus(client, operation);
    expect(new URL(request.url).searchParams.get('api-version')).toBe('2017-08-31');
    const { response } = await getOperationStatus(client, operation, { apiVersion: '2016-03-30' });
    expect(response.status).toBe(200);
  });

  test('default CloudError', async () => {
    coverage.cover('getOperationStatus', 'default', 'internalServerError');
    const error = await apiError(getOperationStatus(client, operation, prefer('code=500, example=internalServerError')));
    expect(error.status).toBe(500);
  });
});

describe('getOperationStatusAlias (the Abort page\'s …/operationStatus/{id} form)', () => {
  test.each([
    ['inProgress', 'InProgress'],
    ['succeeded', 'Succeeded'],
    ['failed', 'Failed'],
    ['canceled', 'Canceled'],
  ])('200 with the %s example', async (example, status) => {
    coverage.cover('getOperationStatusAlias', '200', example);
    const { data } = await generated.getOperationStatusAlias({
      client: client.client,
      path: operation,
      query: { 'api-version': '2024-02-01' },
      headers: { Prefer: `code=200, example=${example}` },
      throwOnError: true,
    });
    expect(data.status).toBe(status);
  });

  test('default CloudError', async () => {
    coverage.cover('getOperationStatusAlias', 'default', 'internalServerError');
    const error = await apiError(
      generated.getOperationStatusAlias({
        client: client.client,
        path: operation,
        query: { 'api-version': '2024-02-01' },
        headers: { Prefer: 'code=500, example=internalServerError' },
        throwOnError: true,
      }),
    );
    expect(error.status).toBe(500);
  });
});

describe('getOperationResult (the location resource, …/locations/{location}/operationresults/{id})', () => {
  test('202 while running, with Location and Retry-After', async () => {
    coverage.cover('getOperationResult', '202');
    const { response, request } = await getOperationResult(client, operation, prefer('code=202'));
    expect(response.status).toBe(202);
    expect(new URL(request.url).pathname).toBe(`${operationPath}/operationresults/${operation.operationId}`);
    expect(response.headers.get('Location')).toMatch(/\/operationresults\/.*\?api-version=2017-08-31$/);
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  test.each(['200', '204'])('%s when done', async (code) => {
    coverage.cover('getOperationResult', code);
    const { response } = await getOperationResult(client, operation, prefer(`code=${code}`));
    expect(response.status).toBe(Number(code));
  });

  test('default CloudError', async () => {
    coverage.cover('getOperationResult', 'default', 'internalServerError');
    const error = await apiError(getOperationResult(client, operation, prefer('code=500, example=internalServerError')));
    expect(error.status).toBe(500);
  });
});

describe('the spec constrains what Prism accepts', () => {
  test('no bearer token: 401, an ApiError of kind unauthorized', async () => {
    const error = await apiError(sendAbortLatestOperation(anonymous, cluster));
    expect(error.status).toBe(401);
    expect(error.kind).toBe('unauthorized');
  });

  // These go through the generated functions directly: the hand-written wrappers would refuse the
  // input before sending (see validation.test.ts), and this proves the constraint is in the spec.
  const call = (path: typeof cluster, query: Record<string, string> = { 'api-version': '2024-02-01' }) =>
    apiError(
      generated.abortLatestOperation({
        client: client.client,
        path,
        query: query as { 'api-version': '2024-02-01' },
        throwOnError: true,
      }),
    );

  test('422 for a subscription id that is not a UUID', async () => {
    const error = await call({ ...cluster, subscriptionId: 'not-a-uuid' });
    expect(error.status).toBe(422);
    expect(violations(error)).toEqual(['path/subscriptionid format']);
  });

  test('422 for a resourceName against its pattern', async () => {
    const error = await call({ ...cluster, resourceName: '-starts-with-a-dash' });
    expect(error.status).toBe(422);
    expect(violations(error)).toEqual(['path/resourcename pattern']);
  });

  test('422 without api-version', async () => {
    const error = await call(cluster, {});
    expect(error.status).toBe(422);
    expect(violations(error)).toEqual(['query required']);
  });

  test('any api-version a real client sends is accepted (a string, as in Azure\'s common types)', async () => {
    const { response } = await generated.abortLatestOperation({
      client: client.client,
      path: cluster,
      query: { 'api-version': '2026-06-01' },
      throwOnError: true,
    });
    // No `Prefer`: Prism answers a preferred code even to an invalid request.
    expect(response.status).toBe(202);
  });

  test.each(['résumé-rg', '日本', 'My-RG_(prod).2'])('a Unicode resource group %s is accepted (ARM\'s \\w is Unicode)', async (resourceGroupName) => {
    const { response } = await sendAbortLatestOperation(client, { ...cluster, resourceGroupName });
    expect(response.status).toBe(202);
  });

  test.each([
    ['rg.', 'a trailing period'],
    ['rg 1', 'a space'],
    ['p{L}', 'braces (the pattern is read with Unicode semantics, not as literal text)'],
  ])('422 for the resource group %s (%s)', async (resourceGroupName) => {
    const error = await call({ ...cluster, resourceGroupName });
    expect(error.status).toBe(422);
    expect(violations(error)).toEqual(['path/resourcegroupname pattern']);
  });
});

// Tests in a file run in order, so this one sees what every test above exercised.
test('every documented (operation, status) pair and every named example is covered', () => {
  const { covered, documented, coveredExamples, documentedExamples } = coverage.report();
  expect(covered).toEqual(documented);
  expect(coveredExamples).toEqual(documentedExamples);
});
