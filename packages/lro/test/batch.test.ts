// Batch Cancel Deletion is synchronous (204): no poller, a plain result with the request ids.
import { createBatchClient } from '@azlro/batch';
import { isCertificateRetiredError } from '@azlro/http';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { cancelCertificateDeletion } from '../src/index.js';
import { credential, rejection } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const thumbprint = '0123456789abcdef0123456789abcdef01234567';
const PATH = `/certificates(thumbprintAlgorithm=sha1,thumbprint=${thumbprint})/canceldelete`;
const client = () => createBatchClient({ endpoint: server.url, credential, retryOptions: { maxRetries: 0 } });

test('204: resolves with the status and the request ids', async () => {
  server.route('POST', PATH, { status: 204, headers: { 'request-id': 'batch-req-1', 'client-request-id': 'echoed' } });
  const result = await cancelCertificateDeletion(client(), { thumbprint });
  expect(result).toEqual({ status: 204, requestIds: { requestId: 'batch-req-1', clientRequestId: 'echoed' } });
  expect(server.requests.map((r) => r.url)).toEqual([`${PATH}?api-version=2023-11-01.18.0`]);
  expect(server.requests[0]!.headers['return-client-request-id']).toBe('true');
});

test('serverTimeoutInSeconds becomes the timeout query parameter', async () => {
  server.route('POST', PATH, { status: 204 });
  await cancelCertificateDeletion(client(), { thumbprintAlgorithm: 'sha1', thumbprint }, { serverTimeoutInSeconds: 45 });
  expect(new URL(server.requests[0]!.url, server.url).searchParams.get('timeout')).toBe('45');
});

test('400 CertificateRetired rejects with the ApiError of kind certificateRetired', async () => {
  server.route('POST', PATH, { status: 400, json: { code: 'CertificateRetired', message: { lang: 'en-US', value: 'The certificate feature has been retired.' } } });
  expect(isCertificateRetiredError(await rejection(cancelCertificateDeletion(client(), { thumbprint })))).toBe(true);
});

test('bad input throws at the call, before anything is sent', () => {
  expect(() => cancelCertificateDeletion(client(), { thumbprint: 'abc' })).toThrow(RangeError);
  expect(() => cancelCertificateDeletion(client(), { thumbprint: 'abc' })).toThrow('thumbprint');
  expect(() => cancelCertificateDeletion(client(), { thumbprint, thumbprintAlgorithm: 'sha256' as never })).toThrow('thumbprintAlgorithm');
  expect(() => cancelCertificateDeletion(client(), { thumbprint }, { serverTimeoutInSeconds: 0 })).toThrow('serverTimeoutInSeconds');
  expect(server.requests).toHaveLength(0);
});

test('a hand-made object with a Batch client\'s fields is refused before anything is sent', () => {
  const made = client();
  // The factory's client carries what lro sends through (SERVICE_OPERATIONS), off its enumerable keys.
  expect(Object.keys(made)).toEqual(['service', 'endpoint', 'client']);
  const copy = { service: made.service, endpoint: made.endpoint, client: made.client };
  expect(() => cancelCertificateDeletion(copy, { thumbprint })).toThrow(new TypeError('client must be a client from createBatchClient()'));
  expect(server.requests).toHaveLength(0);
});
