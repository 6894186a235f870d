import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cancelOperation, createCloudPartnerClient, PACKAGE_VERSION } from '../src/index.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());

test('the client is branded, defaults to the public endpoint and reports the version in package.json', () => {
  const client = createCloudPartnerClient();
  expect(client.service).toBe('cloudpartner');
  expect(client.endpoint).toBe('https://cloudpartner.azure.com');
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(PACKAGE_VERSION).toBe(manifest.version);
});

test('token auth asks for the Cloud Partner Portal scope; x-ms-client-request-id and User-Agent are sent', async () => {
  server.route('POST', '*', { status: 200 });
  const scopes: (string | string[])[] = [];
  const credential: TokenCredential = {
    getToken: async (s): Promise<AccessToken> => (scopes.push(s), { token: 'cpp-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
  };
  await cancelOperation(createCloudPartnerClient({ endpoint: server.url, credential }), { publisherId: 'p', offerId: 'o' });
  expect(scopes).toEqual([['https://cloudpartner.azure.com/.default']]);
  const [request] = server.requests;
  expect(request!.headers.authorization).toBe('Bearer cpp-token');
  expect(request!.headers['x-ms-client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(request!.headers['user-agent']).toBe(`azlro-cloudpartner/${PACKAGE_VERSION} Node/${process.version}`);
});
