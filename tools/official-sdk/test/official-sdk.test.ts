// The official Azure SDKs, configured as users configure them (their default api-version, their
// own path casing, their own polling), against the azlro emulator. The only adaptation is the
// loopback transport: the emulator speaks https with a throwaway CA, which each client trusts
// through its own agent option (the ARM client refuses bearer tokens over http).
// Every exchange goes through the emulator's Prism proxies, which turn any spec violation into an
// error, so a passing flow also proves the specs accept what these clients send.
import { Agent as HttpAgent } from 'node:http';
import { Agent } from 'node:https';
import { randomUUID } from 'node:crypto';
import { ContainerServiceClient } from '@azure/arm-containerservice';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { BatchServiceClient, BatchSharedKeyCredentials } from '@azure/batch';
import { describe, expect, inject, test } from 'vitest';

const info = inject('emulator');
const { subscriptionId, resourceGroupName } = info;

/** Any bearer token works on the emulator; this one never leaves loopback. */
const credential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({ token: 'official-sdk-test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

interface Exchange {
  method: string;
  url: URL;
  status: number;
}

/**
 * Notes each request the ARM client sends and the status it got, without changing either: the
 * tests check which polling URLs the official poller followed.
 */
function recorder(): { policy: PipelinePolicy; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  return {
    exchanges,
    policy: {
      name: 'azlroRecorder',
      async sendRequest(request, next) {
        const response = await next(request);
        exchanges.push({ method: request.method, url: new URL(request.url), status: response.status });
        return response;
      },
    },
  };
}

function armClient() {
  const { policy, exchanges } = recorder();
  const client = new ContainerServiceClient(credential, subscriptionId, {
    endpoint: info.endpoints.arm,
    agent: new Agent({ ca: inject('emulatorCa'), keepAlive: true }),
    additionalPolicies: [{ policy, position: 'perRetry' }],
  });
  return { client, exchanges };
}

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

describe('@azure/arm-containerservice 25.5 (default api-version, managedClusters casing)', () => {
  test('abort-and-wait on a busy cluster follows the service-form polling URLs to the end', async () => {
    const { client, exchanges } = armClient();
    const name = unique('aks-busy');
    await client.managedClusters.beginAbortLatestOperationAndWait(resourceGroupName, name);

    const [post, ...polls] = exchanges;
    expect(post).toMatchObject({ method: 'POST', status: 202 });
    // What the SDK writes, which Prism alone would 404: managedClusters, and its own api-version.
    expect(post!.url.pathname).toBe(`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/${name}/abort`);
    expect(post!.url.searchParams.get('api-version')).not.toBe('2024-02-01');
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((poll) => poll.method === 'GET' && poll.status < 300)).toBe(true);
    expect(polls.some((poll) => /\/locations\/eastus\/operations\/[0-9a-f-]{36}$/.test(poll.url.pathname))).toBe(true);
    expect(polls.every((poll) => poll.url.searchParams.get('api-version') === '2017-08-31')).toBe(true);

    // The cluster's operation really was canceled: there is nothing left to abort.
    const again = await client.managedClusters.beginAbortLatestOperationAndWait(resourceGroupName, name).then(
      () => undefined,
      (error: unknown) => error as { statusCode?: number; code?: string },
    );
    expect(again).toMatchObject({ statusCode: 409, code: 'OperationNotAllowed' });
  });

  test('the PollerLike form (abortLatestOperation) resolves too', async () => {
    const { client } = armClient();
    await expect(client.managedClusters.abortLatestOperation(resourceGroupName, unique('aks-poller'))).resolves.toBeUndefined();
  });

  test('abort on an idle cluster: 204, done at once', async () => {
    const { client, exchanges } = armClient();
    await client.managedClusters.beginAbortLatestOperationAndWait(resourceGroupName, unique(info.clusters.nothingToAbort));
    expect(exchanges.map(({ method, status }) => `${method} ${status}`)).toEqual(['POST 204']);
  });

  test('command result polled until the command has finished', async () => {
    const { client, exchanges } = armClient();
    const commandId = unique('cmd');
    const deadline = Date.now() + 60_000;
    let result: Awaited<ReturnType<typeof client.managedClusters.getCommandResult>>;
    do {
      result = await client.managedClusters.getCommandResult(resourceGroupName, 'aks-demo', commandId);
      if (result?.provisioningState) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } while (Date.now() < deadline);
    expect(result).toMatchObject({ id: commandId, provisioningState: 'succeeded', exitCode: 0 });
    expect(exchanges[0]!.status).toBe(202);
    expect(exchanges.at(-1)!.status).toBe(200);
  });

  test('a failing command ends failed with its reason', async () => {
    const { client } = armClient();
    const commandId = unique(info.commands.fails);
    const deadline = Date.now() + 60_000;
    let result: Awaited<ReturnType<typeof client.managedClusters.getCommandResult>>;
    do {
      result = await client.managedClusters.getCommandResult(resourceGroupName, 'aks-demo', commandId);
      if (result?.provisioningState) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } while (Date.now() < deadline);
    expect(result).toMatchObject({ provisioningState: 'failed', reason: 'ImagePullBackoff' });
  });
});

describe('@azure/batch 10.2 (Shared Key, api-version 2022-10-01.16.0)', () => {
  const agentSettings = () => ({ https: new Agent({ ca: inject('emulatorCa') }), http: new HttpAgent() });
  const batch = () =>
    new BatchServiceClient(new BatchSharedKeyCredentials(info.batch.accountName, info.batch.accountKey), info.endpoints.batch, {
      agentSettings: agentSettings(),
    });

  test('certificate.cancelDeletion: 204', async () => {
    const response = await batch().certificate.cancelDeletion('sha1', info.batch.thumbprints.canceled);
    expect(response._response.status).toBe(204);
    expect(response._response.request.url).toContain('api-version=2022-10-01.16.0');
    expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a retired certificate: the service\'s 400 CertificateRetired reaches the SDK', async () => {
    const error = await batch().certificate.cancelDeletion('sha1', info.batch.thumbprints.retired).then(
      () => undefined,
      (e: unknown) => e as { statusCode?: number; code?: string },
    );
    expect(error).toMatchObject({ statusCode: 400, code: 'CertificateRetired' });
  });

  test('a wrong account key: 403 AuthenticationFailed (the signature is really checked)', async () => {
    const wrong = new BatchServiceClient(
      new BatchSharedKeyCredentials(info.batch.accountName, Buffer.from('not the key').toString('base64')),
      info.endpoints.batch,
      { agentSettings: agentSettings() },
    );
    const error = await wrong.certificate.cancelDeletion('sha1', info.batch.thumbprints.canceled).then(
      () => undefined,
      (e: unknown) => e as { statusCode?: number; code?: string },
    );
    expect(error).toMatchObject({ statusCode: 403, code: 'AuthenticationFailed' });
  });
});
