import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { SharedKeyCredential } from '@azlro/http';
import { stringToSign, verifySharedKey } from '@azlro/http/internal';
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

test('Shared Key POST carries and signs the Content-Type the Batch "Authenticate requests" page requires for POST', async () => {
  // "When the verb is POST, Content-Type and Content-Length values are required as request headers
  // and as values in the signature string. Content-Type must be set to application/json;odata=minimalmetadata."
  server.reset();
  server.route('POST', '*', { status: 204 });
  const accountKey = Buffer.from('a fake Batch account key for this test').toString('base64');
  const client = createBatchClient({ endpoint: server.url, credential: new SharedKeyCredential('account', accountKey) });
  await sendCancelCertificateDeletion(client, { thumbprint: 'a'.repeat(40) }, { serverTimeoutInSeconds: 30 });
  const [request] = server.requests;
  expect(request!.headers['content-type']).toBe('application/json; odata=minimalmetadata');
  expect(request!.headers['content-length']).toBe('0');
  expect(await verifySharedKey({ method: 'POST', url: request!.url, headers: request!.headers }, 'account', accountKey)).toBe(true);
  const signed = stringToSign({ method: 'POST', url: request!.url, headers: request!.headers }, 'account');
  expect(signed.split('\n').slice(0, 6)).toEqual(['POST', '', '', '0', '', 'application/json; odata=minimalmetadata']);
});

test('a Content-Type the caller sets is kept (the official SDK sends application/json; charset=utf-8)', async () => {
  server.reset();
  server.route('POST', '*', { status: 204 });
  const client = createBatchClient({ endpoint: server.url });
  await sendCancelCertificateDeletion(client, { thumbprint: 'a'.repeat(40) }, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  expect(server.requests[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
});
