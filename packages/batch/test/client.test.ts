import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sendCancelCertificateDeletion, createBatchClient, PACKAGE_VERSION } from '../src/index.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());

test('the client is branded and reports the version in package.json', () => {
  const client = createBatchClient({ endpoint: 'https://account.region.batch.azure.com/' });
  expect(client.service).toBe('batch');
  expect(client.endpoint).toBe('https://account.region.batch.azure.com');
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(PACKAGE_VERSION).toBe(manifest.version);
});

test('token auth asks for the Batch scope; the request id travels as client-request-id, echoed on request', async () => {
  server.route('POST', '*', { status: 204 });
  const scopes: (string | string[])[] = [];
  const credential: TokenCredential = {
    getToken: async (s): Promise<AccessToken> => (scopes.push(s), { token: 'batch-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
  };
  await sendCancelCertificateDeletion(createBatchClient({ endpoint: server.url, credential }), { thumbprint: 'a'.repeat(40) });
  expect(scopes).toEqual([['https://batch.core.windows.net//.default']]);
  const [request] = server.requests;
  expect(request!.headers.authorization).toBe('Bearer batch-token');
  expect(request!.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(request!.headers['x-ms-client-request-id']).toBeUndefined();
  expect(request!.headers['return-client-request-id']).toBe('true');
  expect(request!.headers['user-agent']).toBe(`azlro-batch/${PACKAGE_VERSION} Node/${process.version}`);
});
