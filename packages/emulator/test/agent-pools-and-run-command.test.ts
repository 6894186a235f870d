// Node-pool abort and run command through the front door and Prism (--errors) to the backend's state.
import { zipSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, inject, test } from 'vitest';
import { isApiError, StaticTokenCredential } from '@azlro/http';
import { createContainerServiceClient, getCommandResult, sendAbortAgentPoolLatestOperation, sendRunCommand } from '@azlro/containerservice';
import { createStrictFetch, getOperationStatus, operationParams, POLLS_UNTIL_DONE, readTimes, unique } from './helpers.js';

const info = inject('emulator');
const { subscriptionId, resourceGroupName } = info;
const strict = createStrictFetch();
const client = createContainerServiceClient({ endpoint: info.endpoints.arm, credential: new StaticTokenCredential('any'), fetch: strict.fetch, retryOptions: { maxRetries: 0 } });
const cluster = (resourceName = unique('aks')) => ({ subscriptionId, resourceGroupName, resourceName });

afterEach(() => {
  expect(strict.flagged).toEqual([]);
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => expect.fail('expected a rejection'), (error: unknown) => error);
}

describe.concurrent('agent pool abort', () => {
  test('an upgrading pool: 202, its status InProgress then Succeeded; a second abort once canceled is 409', async () => {
    const pool = { ...cluster(), agentPoolName: 'nodepool1' };
    const { response } = await sendAbortAgentPoolLatestOperation(client, pool);
    expect(response.status).toBe(202);
    const statusUrl = response.headers.get('azure-asyncoperation')!;
    expect(new URL(statusUrl).pathname).toMatch(/\/locations\/eastus\/operations\/[0-9a-f-]{36}$/);
    expect(new URL(response.headers.get('location')!).pathname).toMatch(/\/operationresults\//);
    const reads = await readTimes(POLLS_UNTIL_DONE, async () => (await getOperationStatus(client, operationParams(statusUrl))).data.status);
    expect(reads).toEqual([...Array(POLLS_UNTIL_DONE - 1).fill('InProgress'), 'Succeeded']);
    const again = await rejection(sendAbortAgentPoolLatestOperation(client, pool));
    expect(isApiError(again) && [again.status, again.code]).toEqual([409, 'OperationNotAllowed']);
  });

  test('a repeated abort while canceling names the same operation', async () => {
    const pool = { ...cluster(), agentPoolName: 'np2' };
    const first = await sendAbortAgentPoolLatestOperation(client, pool);
    const second = await sendAbortAgentPoolLatestOperation(client, pool);
    expect(second.response.headers.get('azure-asyncoperation')).toBe(first.response.headers.get('azure-asyncoperation'));
  });

  test.each([
    [info.agentPools.nothingToAbort, 204],
    [info.agentPools.abortConflict, 409],
  ])('pool %s: %i', async (agentPoolName, status) => {
    const sent = sendAbortAgentPoolLatestOperation(client, { ...cluster(), agentPoolName });
    if (status === 204) expect((await sent).response.status).toBe(204);
    else expect(isApiError(await rejection(sent)) && 409).toBe(409);
  });

  test('a missing cluster: 404', async () => {
    const error = await rejection(sendAbortAgentPoolLatestOperation(client, { ...cluster(info.clusters.notFound), agentPoolName: 'nodepool1' }));
    expect(isApiError(error) && error.status).toBe(404);
  });
});

describe.concurrent('run command', () => {
  test('202 with a lower-case resourcegroups location; 202 while it runs; then 200 echoing the command and listing the files received', async () => {
    const context = Buffer.from(zipSync({ 'ns.yaml': strToU8('kind: Namespace\n'), 'dir/values.yaml': strToU8('a: 1\n') })).toString('base64');
    const target = cluster();
    const sent = await sendRunCommand(client, target, { command: 'kubectl apply -f ns.yaml', context });
    expect(sent.response.status).toBe(202);
    const location = sent.response.headers.get('location')!;
    expect(new URL(location).pathname).toMatch(new RegExp(`/resourcegroups/${resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/${target.resourceName}/commandResults/[0-9a-f]{32}$`));
    const commandId = new URL(location).pathname.split('/').pop()!;
    const reads = await readTimes(POLLS_UNTIL_DONE, () => getCommandResult(client, { ...target, commandId }));
    // The POST started it: every read is a poll, and the n-th finds it done.
    expect(reads.map((r) => r.response.status)).toEqual([...Array(POLLS_UNTIL_DONE - 1).fill(202), 200]);
    const value = reads.at(-1)!;
    expect(value.data?.properties).toMatchObject({ provisioningState: 'succeeded', exitCode: 0 });
    expect(value.data?.properties?.logs).toMatch(
      new RegExp(`^\\$ kubectl apply -f ns\\.yaml\ncontext: 2 file\\(s\\):\n  ns\\.yaml \\(16 bytes\\)\n  dir/values\\.yaml \\(5 bytes\\)\nran \\d+ s on ${target.resourceName} \\(azlro emulator\\), exit code 0\n$`),
    );
  });

  test('exit N sets the exit code', async () => {
    const target = cluster();
    const sent = await sendRunCommand(client, target, { command: 'kubectl get nope; exit 3' });
    const commandId = new URL(sent.response.headers.get('location')!).pathname.split('/').pop()!;
    const value = (await readTimes(POLLS_UNTIL_DONE, () => getCommandResult(client, { ...target, commandId }))).at(-1)!;
    expect(value.data?.properties).toMatchObject({ provisioningState: 'succeeded', exitCode: 3 });
  });

  test('a context that is not a zip: 400 CloudError', async () => {
    const error = await rejection(sendRunCommand(client, cluster(), { command: 'ls', context: Buffer.from('not a zip').toString('base64') }));
    expect(isApiError(error) && [error.status, error.code]).toEqual([400, 'InvalidParameter']);
  });

  test('older command ids still take the command-result conventions (another cluster cannot read a run command)', async () => {
    const target = cluster();
    const sent = await sendRunCommand(client, target, { command: 'ls' });
    const commandId = new URL(sent.response.headers.get('location')!).pathname.split('/').pop()!;
    const other = await getCommandResult(client, { ...cluster(), commandId });
    // Not this cluster's command: the generic command-result emulation answers (first read: 202).
    expect(other.response.status).toBe(202);
  });
});
