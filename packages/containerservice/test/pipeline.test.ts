// The @azlro/http behaviours, proven through the generated client (not just the pipeline alone),
// against a real loopback server.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { AzureLogger, setLogLevel } from '@azure/logger';
import { isApiError } from '@azlro/http';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { sendAbortLatestOperation, createContainerServiceClient, getCommandResult, PACKAGE_VERSION } from '../src/index.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const SECRET = 'eyJ0eXAi.distinctive-secret-token.c2ln';
function countingCredential(): TokenCredential & { calls: { scopes: string | string[]; options?: GetTokenOptions }[] } {
  const calls: { scopes: string | string[]; options?: GetTokenOptions }[] = [];
  return {
    calls,
    async getToken(scopes, options): Promise<AccessToken> {
      calls.push({ scopes, options });
      return { token: `${SECRET}-${calls.length}`, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

const cluster = { subscriptionId: '00000000-0000-0000-0000-000000000000', resourceGroupName: 'rg1', resourceName: 'clustername1' };
const abortPath = `/subscriptions/${cluster.subscriptionId}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedclusters/clustername1/abort`;
const resultPath = `/subscriptions/${cluster.subscriptionId}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1/commandResults/c1`;
const fast = { maxRetries: 3, retryDelayInMs: 5, maxRetryDelayInMs: 50 };

test('the client is branded and reports the version in package.json', () => {
  const client = createContainerServiceClient();
  expect(client.service).toBe('containerservice');
  expect(client.endpoint).toBe('https://management.azure.com');
  expect(client.client).toBe(client.client); // built once, on first use
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(PACKAGE_VERSION).toBe(manifest.version);
});

test.each([
  ['https://management.chinacloudapi.cn', 'https://management.chinacloudapi.cn/.default'],
  ['https://management.usgovcloudapi.net/', 'https://management.usgovcloudapi.net/.default'],
  ['https://management.azure.com', 'https://management.azure.com/.default'],
])('the token scope follows the endpoint: %s asks for %s', async (endpoint, scope) => {
  const credential = countingCredential();
  // The transport is injected (no network): only the scope the credential was asked for matters here.
  const fetch = async () => new Response(null, { status: 204 });
  await sendAbortLatestOperation(createContainerServiceClient({ endpoint, credential, fetch }), cluster);
  expect(credential.calls.map((call) => call.scopes)).toEqual([[scope]]);
  const overridden = countingCredential();
  await sendAbortLatestOperation(createContainerServiceClient({ endpoint, credential: overridden, credentialScopes: ['https://custom/.default'], fetch }), cluster);
  expect(overridden.calls.map((call) => call.scopes)).toEqual([['https://custom/.default']]);
});

test('a bad endpoint is refused when the client is created, naming the option', () => {
  expect(() => createContainerServiceClient({ endpoint: 'management.azure.com' })).toThrow(/endpoint/);
  expect(() => createContainerServiceClient({ endpoint: 'http://example.com', credential: countingCredential() })).toThrow(/https/);
});

describe('through the generated client', () => {
  test('token: the ARM scope, fetched once for many calls, sent as Bearer', async () => {
    server.route('POST', abortPath, { status: 204 });
    const credential = countingCredential();
    const client = createContainerServiceClient({ endpoint: server.url, credential });
    for (let i = 0; i < 3; i++) await sendAbortLatestOperation(client, cluster);
    expect(credential.calls).toHaveLength(1);
    expect(credential.calls[0]!.scopes).toEqual(['https://management.azure.com/.default']);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(Array(3).fill(`Bearer ${SECRET}-1`));
  });

  test('User-Agent names the package and Node, after the caller prefix; x-ms-client-request-id is a UUID', async () => {
    server.route('POST', abortPath, { status: 204 });
    await sendAbortLatestOperation(createContainerServiceClient({ endpoint: server.url, userAgentPrefix: 'my-app/1.0' }), cluster);
    const [request] = server.requests;
    expect(request!.headers['user-agent']).toBe(`my-app/1.0 azlro-containerservice/${PACKAGE_VERSION} Node/${process.version}`);
    expect(request!.headers['x-ms-client-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('GET retried on 503 then 429 (retry-after-ms), one client request id across the attempts', async () => {
    server.route('GET', resultPath, [
      { status: 503 },
      { status: 429, headers: { 'retry-after-ms': '30' } },
      { status: 200, json: { id: 'c1', properties: { provisioningState: 'succeeded' } } },
    ]);
    const client = createContainerServiceClient({ endpoint: server.url, retryOptions: fast });
    const { data } = await getCommandResult(client, { ...cluster, commandId: 'c1' });
    expect(data?.properties?.provisioningState).toBe('succeeded');
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((r) => r.headers['x-ms-client-request-id'])).size).toBe(1);
    expect(server.requests[2]!.arrivedAt - server.requests[1]!.arrivedAt).toBeGreaterThanOrEqual(29);
  });

  test('the abort POST is resent on 503 and, being safe to repeat (the same abort, or 409/204), on 500 too; a 400 is not resent', async () => {
    const client = createContainerServiceClient({ endpoint: server.url, retryOptions: fast });
    server.route('POST', abortPath, [{ status: 503 }, { status: 204 }]);
    expect((await sendAbortLatestOperation(client, cluster)).response.status).toBe(204);
    expect(server.requests).toHaveLength(2);

    server.reset();
    server.route('POST', abortPath, [{ status: 500, json: { error: { code: 'InternalServerError', message: 'boom' } } }, { status: 204 }]);
    expect((await sendAbortLatestOperation(client, cluster)).response.status).toBe(204);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.headers['x-azlro-resendable']).toBeUndefined();

    server.reset();
    server.route('POST', abortPath, [{ status: 400, json: { error: { code: 'BadRequest', message: 'no' } } }, { status: 204 }]);
    const error = await sendAbortLatestOperation(client, cluster).catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(400);
    expect(server.requests).toHaveLength(1);
  });

  test('a 401 claims challenge refreshes the token with the claims and retries once', async () => {
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}';
    server.route('POST', abortPath, [
      { status: 401, headers: { 'www-authenticate': `Bearer realm="", error="insufficient_claims", claims="${Buffer.from(claims).toString('base64')}"` } },
      { status: 204 },
    ]);
    const credential = countingCredential();
    await sendAbortLatestOperation(createContainerServiceClient({ endpoint: server.url, credential }), cluster);
    expect(credential.calls).toHaveLength(2);
    expect(credential.calls[1]!.options?.claims).toBe(claims);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${SECRET}-1`, `Bearer ${SECRET}-2`]);
  });

  test('verbose logs of a whole run (retry, challenge, error) never contain the token', async () => {
    const lines: string[] = [];
    const azureLog = AzureLogger.log;
    AzureLogger.log = (...args: unknown[]) => lines.push(args.map(String).join(' '));
    setLogLevel('verbose');
    try {
      server.route('POST', abortPath, [
        { status: 503 },
        { status: 401, headers: { 'www-authenticate': `Bearer claims="${Buffer.from('{}').toString('base64')}"` } },
        { status: 409, json: { error: { code: 'OperationNotAllowed', message: 'finished' } } },
      ]);
      const client = createContainerServiceClient({ endpoint: server.url, credential: countingCredential(), retryOptions: fast });
      const error = await sendAbortLatestOperation(client, cluster).catch((e: unknown) => e);
      expect(isApiError(error) && error.kind).toBe('conflict');
      expect(lines.length).toBeGreaterThanOrEqual(4);
      const everything = [...lines, String(error), JSON.stringify(error)].join('\n');
      expect(everything).not.toContain('distinctive-secret-token');
      expect(lines.some((line) => line.includes(abortPath))).toBe(true);
    } finally {
      setLogLevel(undefined);
      AzureLogger.log = azureLog;
    }
  });
});
