// Input checks before sending, against a real loopback server that records what reaches it.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { SharedKeyCredential } from '@azlro/http';
import { verifySharedKey } from '@azlro/http/internal';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { sendCancelCertificateDeletion, createBatchClient } from '../src/index.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const thumbprint = '0123456789abcdef0123456789abcdef01234567';
const key = Buffer.from('a batch account key for tests only').toString('base64');
const client = () =>
  createBatchClient({ endpoint: server.url, credential: new SharedKeyCredential('myaccount', key), retryOptions: { maxRetries: 0 } });

describe('bad input is refused before anything is sent, naming the parameter', () => {
  test.each([
    ['thumbprint', { thumbprint: 'abc' }, RangeError],
    ['thumbprint', { thumbprint: `${thumbprint}/../x` }, RangeError],
    ['thumbprint', { thumbprint: 7 }, TypeError],
    ['thumbprintAlgorithm', { thumbprint, thumbprintAlgorithm: 'md5' }, RangeError],
  ])('%s: %j', (name, params, errorType) => {
    const call = () => sendCancelCertificateDeletion(client(), params as { thumbprint: string });
    expect(call).toThrow(errorType);
    expect(call).toThrow(name);
    expect(server.requests).toHaveLength(0);
  });

  test.each([0, 1.5, -3, Number.NaN])('serverTimeoutInSeconds %s', (serverTimeoutInSeconds) => {
    expect(() => sendCancelCertificateDeletion(client(), { thumbprint }, { serverTimeoutInSeconds })).toThrow(/serverTimeoutInSeconds/);
    expect(server.requests).toHaveLength(0);
  });

  test('createBatchClient requires the account endpoint', () => {
    expect(() => createBatchClient({} as never)).toThrow(/endpoint/);
  });
});

test('the request is the documented one, signed with Shared Key the server can verify', async () => {
  server.route('POST', `/certificates(thumbprintAlgorithm=sha1,thumbprint=${thumbprint})/canceldelete`, {
    status: 204,
    headers: { 'request-id': 'rid-1' },
  });
  const { response } = await sendCancelCertificateDeletion(client(), { thumbprint }, { serverTimeoutInSeconds: 30 });
  expect(response.status).toBe(204);
  const [received] = server.requests;
  expect(received!.url).toBe(`/certificates(thumbprintAlgorithm=sha1,thumbprint=${thumbprint})/canceldelete?api-version=2023-11-01.18.0&timeout=30`);
  expect(received!.headers.authorization).toMatch(/^SharedKey myaccount:/);
  expect(received!.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(received!.headers['return-client-request-id']).toBe('true');
  expect(await verifySharedKey({ method: received!.method, url: `${server.url}${received!.url}`, headers: received!.headers }, 'myaccount', key)).toBe(true);
});
