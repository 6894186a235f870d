// The README's code blocks, runnable: each block between snippet markers below must be identical
// to the README's ```ts blocks, in order (the last test checks), and runs against a loopback server.
import { readFileSync } from 'node:fs';
import type { ContainerServiceClientOptions } from '@azlro/containerservice';
import { isApiError } from '@azlro/http';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
// snippet:start
import { createBatchClient } from '@azlro/batch';
import { createCloudPartnerClient } from '@azlro/cloudpartner';
import { createContainerServiceClient } from '@azlro/containerservice';
import { isCertificateRetiredError, isConflictError } from '@azlro/http';
import {
  abortAgentPoolLatestOperation, abortLatestOperation, cancelCertificateDeletion, cancelOfferOperation, isOperationFailedError,
  parseResumeToken, restorePoller, runCommand, waitForCommandResult,
} from '@azlro/lro';
// snippet:end
import {
  ABORT_PATH, accepted, CANCEL_PATH, COMMAND_PATH, credential as testCredential, OFFER_OPERATION_PATH, status, STATUS_PATH,
} from './helpers.js';

type TokenCredential = NonNullable<ContainerServiceClientOptions['credential']>;
type Print = (...values: unknown[]) => void;
const subscriptionId = '00000000-0000-0000-0000-000000000000';

async function abortSnippet(endpoint: string, credential: TokenCredential, print: Print) {
  const console = { log: print };
  // snippet:start
  const aks = createContainerServiceClient({ endpoint, credential });
  const cluster = { subscriptionId, resourceGroupName: 'rg1', resourceName: 'clustername1' };
  try {
    const poller = abortLatestOperation(aks, cluster, { timeoutInMs: 30 * 60_000 });
    poller.onProgress((state) => console.log(state.status, state.serviceStatus));
    await poller; // polls Azure-AsyncOperation, honouring Retry-After; no final GET on location
    console.log('aborted');
  } catch (error) {
    if (!isConflictError(error)) throw error;
    console.log('nothing to abort: the operation finished first');
  }
  // snippet:end
}

async function commandSnippet(endpoint: string, credential: TokenCredential, print: Print) {
  const console = { log: print };
  const aks = createContainerServiceClient({ endpoint, credential });
  const cluster = { subscriptionId, resourceGroupName: 'rg1', resourceName: 'clustername1' };
  // snippet:start
  const commandId = 'def7b3ea71bd4f7e9d226ddbc0f00ad9'; // from `az aks command invoke --no-wait`
  try {
    const result = await waitForCommandResult(aks, { ...cluster, commandId }, { intervalInMs: 5_000 });
    console.log(result.properties?.exitCode, result.properties?.logs);
  } catch (error) {
    if (!isOperationFailedError(error)) throw error;
    console.log(`command failed: ${error.error?.message}`); // the service's `reason`
  }
  // snippet:end
}

async function nodePoolSnippet(endpoint: string, credential: TokenCredential, print: Print) {
  const console = { log: print };
  const aks = createContainerServiceClient({ endpoint, credential });
  const cluster = { subscriptionId, resourceGroupName: 'rg1', resourceName: 'clustername1' };
  // snippet:start
  // A stuck node-image upgrade on one pool: abort it there, like `az aks nodepool operation-abort`.
  await abortAgentPoolLatestOperation(aks, { ...cluster, agentPoolName: 'nodepool1' }); // a 204 resolves at once
  console.log('node pool operation aborted');
  // snippet:end
}

async function runCommandSnippet(endpoint: string, credential: TokenCredential, print: Print) {
  const console = { log: print };
  const aks = createContainerServiceClient({ endpoint, credential });
  const cluster = { subscriptionId, resourceGroupName: 'rg1', resourceName: 'clustername1' };
  // snippet:start
  const result = await runCommand(aks, cluster, { command: 'kubectl get pods -A' }); // no time limit by default
  const { exitCode, logs } = result.properties ?? {};
  console.log(`exit code ${exitCode}`, logs); // a non-zero exit code resolves too: check it
  // snippet:end
}

async function partnerSnippet(endpoint: string, credential: TokenCredential, print: Print) {
  const console = { log: print };
  // snippet:start
  const partner = createCloudPartnerClient({ endpoint, credential });
  const offer = { publisherId: 'contoso', offerId: 'contoso-offer', notificationEmails: ['jondoe@contoso.com'] };
  const operation = await cancelOfferOperation(partner, offer);
  console.log(operation === undefined ? 'canceled at once' : `cancellation done: ${operation.status}`);
  // snippet:end
}

async function batchSnippet(batchUrl: string, credential: TokenCredential, print: Print) {
  const console = { log: print };
  // snippet:start
  const batch = createBatchClient({ endpoint: batchUrl, credential });
  try {
    const { requestIds } = await cancelCertificateDeletion(batch, { thumbprint: '0123456789abcdef0123456789abcdef01234567' });
    console.log('deletion canceled', requestIds.requestId);
  } catch (error) {
    if (!isCertificateRetiredError(error)) throw error;
    console.log('the Batch certificate feature is retired');
  }
  // snippet:end
}

async function resumeSnippet(endpoint: string, credential: TokenCredential, print: Print) {
  const console = { log: print };
  const aks = createContainerServiceClient({ endpoint, credential });
  const cluster = { subscriptionId, resourceGroupName: 'rg1', resourceName: 'clustername1' };
  // snippet:start
  const token = await abortLatestOperation(aks, cluster).serialize(); // no secret inside: store it, pass it on

  // Later, maybe in another process: the token names its endpoint and operation; bring fresh credentials.
  const parsed = parseResumeToken(token);
  const client = createContainerServiceClient({ endpoint: parsed.endpoint, credential });
  await restorePoller(client, token, { intervalInMs: 1_000 });
  console.log(`${parsed.kind} done`);
  // snippet:end
}

async function keepPollerSnippet(endpoint: string, credential: TokenCredential, store: (token: string | undefined) => Promise<void>) {
  const aks = createContainerServiceClient({ endpoint, credential });
  const cluster = { subscriptionId, resourceGroupName: 'rg1', resourceName: 'clustername1' };
  // snippet:start
  const poller = abortLatestOperation(aks, cluster);
  try {
    await poller;
  } catch (error) {
    // Accepted and not finished: the token continues the wait later (serialize() rejects if nothing was accepted).
    if (!poller.isDone) await store(await poller.serialize().catch(() => undefined));
    throw error;
  }
  // snippet:end
}

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

test('abort: progress, then done; a 409 is reported', async () => {
  server.route('POST', ABORT_PATH, [accepted(server, { 'retry-after-ms': '10' }), { status: 409, json: { error: { code: 'OperationNotAllowed' } } }]);
  server.route('GET', STATUS_PATH, [{ ...status('InProgress'), headers: { 'retry-after-ms': '10' } }, status('Succeeded')]);
  const printed: unknown[][] = [];
  await abortSnippet(server.url, testCredential, (...v) => printed.push(v));
  await abortSnippet(server.url, testCredential, (...v) => printed.push(v));
  expect(printed).toEqual([['running', undefined], ['running', 'InProgress'], ['succeeded', 'Succeeded'], ['aborted'], ['nothing to abort: the operation finished first']]);
});

test('command result: succeeded, then failed', async () => {
  server.route('GET', COMMAND_PATH, [
    { json: { properties: { provisioningState: 'succeeded', exitCode: 0, logs: 'namespace dummy created' } } },
    { json: { properties: { provisioningState: 'failed', reason: 'ImagePullBackoff' } } },
  ]);
  const printed: unknown[][] = [];
  await commandSnippet(server.url, testCredential, (...v) => printed.push(v));
  await commandSnippet(server.url, testCredential, (...v) => printed.push(v));
  expect(printed).toEqual([[0, 'namespace dummy created'], ['command failed: ImagePullBackoff']]);
});

test('partner: synchronous, then followed', async () => {
  server.route('POST', CANCEL_PATH, [{ status: 200 }, { status: 202, headers: { location: `${OFFER_OPERATION_PATH}?api-version=2017-10-31`, 'retry-after': '0' } }]);
  server.route('GET', OFFER_OPERATION_PATH, { json: { status: 'canceled' }, headers: { 'retry-after': '0' } });
  const printed: unknown[][] = [];
  await partnerSnippet(server.url, testCredential, (...v) => printed.push(v));
  await partnerSnippet(server.url, testCredential, (...v) => printed.push(v));
  expect(printed).toEqual([['canceled at once'], ['cancellation done: canceled']]);
});

test('batch: 204, then retired', async () => {
  const path = '/certificates(thumbprintAlgorithm=sha1,thumbprint=0123456789abcdef0123456789abcdef01234567)/canceldelete';
  server.route('POST', path, [{ status: 204, headers: { 'request-id': 'r-1' } }, { status: 400, json: { code: 'CertificateRetired' } }]);
  const printed: unknown[][] = [];
  await batchSnippet(server.url, testCredential, (...v) => printed.push(v));
  await batchSnippet(server.url, testCredential, (...v) => printed.push(v));
  expect(printed).toEqual([['deletion canceled', 'r-1'], ['the Batch certificate feature is retired']]);
});

test('resume: a new client continues from the token', async () => {
  server.route('POST', ABORT_PATH, accepted(server, { 'retry-after-ms': '20' }));
  server.route('GET', STATUS_PATH, status('Succeeded'));
  const printed: unknown[][] = [];
  await resumeSnippet(server.url, testCredential, (...v) => printed.push(v));
  expect(printed).toEqual([['containerservice.abortLatestOperation done']]);
  expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
});

test('keep the poller: a wait that fails after the retries leaves a token that finishes it', async () => {
  server.route('POST', ABORT_PATH, accepted(server, { 'retry-after-ms': '10' }));
  // Every try of the poll fails (the first and its 3 retries, each after the server's 5 ms).
  server.route('GET', STATUS_PATH, Array(4).fill({ status: 500, headers: { 'retry-after-ms': '5' } }));
  const stored: (string | undefined)[] = [];
  const error = await keepPollerSnippet(server.url, testCredential, async (token) => void stored.push(token)).catch((e: unknown) => e);
  expect(isApiError(error) && error.status).toBe(500);
  expect(stored).toHaveLength(1);
  server.route('GET', STATUS_PATH, status('Succeeded'));
  await restorePoller(createContainerServiceClient({ endpoint: server.url, credential: testCredential }), stored[0]!, { intervalInMs: 1 });
  expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'GET', 'GET', 'GET']);
});

test('node pool abort: POST …/agentPools/nodepool1/abort, 204 resolves', async () => {
  server.route('POST', ABORT_PATH.replace('/abort', '/agentPools/nodepool1/abort'), { status: 204 });
  const printed: unknown[][] = [];
  await nodePoolSnippet(server.url, testCredential, (...v) => printed.push(v));
  expect(printed).toEqual([['node pool operation aborted']]);
});

test('run command: 202, its result polled, exit code and logs printed', async () => {
  const run = ABORT_PATH.replace('managedclusters', 'managedClusters').replace('/abort', '/runCommand');
  server.route('POST', run, { status: 202, headers: { location: `${server.url}${COMMAND_PATH}?api-version=2024-09-01`, 'retry-after-ms': '20' } });
  server.route('GET', COMMAND_PATH, { json: { id: 'x', properties: { provisioningState: 'succeeded', exitCode: 0, logs: 'pod-1 Running' } } });
  const printed: unknown[][] = [];
  await runCommandSnippet(server.url, testCredential, (...v) => printed.push(v));
  expect(printed).toEqual([['exit code 0', 'pod-1 Running']]);
});

test("README.md's ```ts blocks are exactly these snippets, in order", () => {
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  const snippets = [...source.matchAll(/^( *)\/\/ snippet:start\n([\s\S]*?)\n *\/\/ snippet:end/gm)].map(([, indent, body]) =>
    body!.replace(new RegExp(`^${indent}`, 'gm'), ''),
  );
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)\n```$/gm)].map(([, body]) => body);
  expect(snippets).toHaveLength(9);
  expect(blocks).toEqual(snippets);
});
