import { readFileSync } from 'node:fs';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { isConflictError } from '@azlro/http';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sendAbortLatestOperation, createContainerServiceClient, getCommandResult } from '../src/index.js';

/** The README's example, verbatim between the markers: the last test keeps the two identical. */
async function readmeExample(endpoint: string, credential: TokenCredential, print: (...values: unknown[]) => void) {
  const console = { log: print };
  const subscriptionId = '00000000-0000-0000-0000-000000000000';
  // snippet:start
  const aks = createContainerServiceClient({ endpoint, credential });
  const cluster = { subscriptionId, resourceGroupName: 'rg1', resourceName: 'clustername1' };

  try {
    const { response } = await sendAbortLatestOperation(aks, cluster);
    console.log(response.status, response.headers.get('azure-asyncoperation')); // 202 and the status URL to poll, or 204
  } catch (error) {
    if (!isConflictError(error)) throw error;
    console.log('nothing to abort: the operation finished first'); // 409
  }

  const commandId = 'def7b3ea71bd4f7e9d226ddbc0f00ad9'; // from `az aks command invoke --no-wait`
  const { data, response } = await getCommandResult(aks, { ...cluster, commandId });
  console.log(data === undefined ? `still running, poll ${response.headers.get('location')}` : `exit code ${data.properties?.exitCode}`);
  // snippet:end
}

const credential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({ token: 'arm-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
const base = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());

test('the README example runs: 202 then 409 on abort, 202 then 200 on the command result', async () => {
  const statusUrl = `${server.url}/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.ContainerService/locations/eastus/operationStatus/op1?api-version=2024-02-01`;
  const resultUrl = `${server.url}${base}/managedClusters/clustername1/commandResults/def7b3ea71bd4f7e9d226ddbc0f00ad9?api-version=2024-09-01`;
  server.route('POST', `${base}/managedclusters/clustername1/abort`, [
    { status: 202, headers: { 'azure-asyncoperation': statusUrl, 'retry-after': '1' } },
    { status: 409, json: { error: { code: 'OperationNotAllowed', message: 'The operation has already completed.' } } },
  ]);
  server.route('GET', `${base}/managedClusters/clustername1/commandResults/def7b3ea71bd4f7e9d226ddbc0f00ad9`, [
    { status: 202, headers: { location: resultUrl, 'retry-after': '1' } },
    { status: 200, json: { id: 'def7b3ea71bd4f7e9d226ddbc0f00ad9', properties: { provisioningState: 'Succeeded', exitCode: 0, logs: 'ok' } } },
  ]);

  const printed: unknown[][] = [];
  await readmeExample(server.url, credential, (...values) => printed.push(values));
  await readmeExample(server.url, credential, (...values) => printed.push(values));
  expect(printed).toEqual([
    [202, statusUrl],
    [`still running, poll ${resultUrl}`],
    ['nothing to abort: the operation finished first'],
    ['exit code 0'],
  ]);
  expect(server.requests.every((request) => request.headers.authorization === 'Bearer arm-token')).toBe(true);
});

test('README.md shows exactly this example', () => {
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  const snippet = /\/\/ snippet:start\n([\s\S]*?)\n\s*\/\/ snippet:end/.exec(source)![1]!.replace(/^ {2}/gm, '');
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme).toContain(snippet);
});
