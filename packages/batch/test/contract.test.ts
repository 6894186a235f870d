// Contract tests: the generated Batch client, wired to the azlro pipeline, against Prism mocking
// specs/batch.yaml.
import { contractCoverage, contractCredential as token, expectApiError as apiError, prefer, violations } from '@azlro/prism';
import { SharedKeyCredential } from '@azlro/http';
import { describe, expect, inject, test } from 'vitest';
import { sendCancelCertificateDeletion, createBatchClient } from '../src/index.js';
import * as generated from '../src/generated/sdk.gen.js';

const prismUrl = inject('prismUrl');
const client = createBatchClient({ endpoint: prismUrl, credential: token, retryOptions: { maxRetries: 0 } });
const certificate = { thumbprint: '0123456789abcdef0123456789abcdef01234567' };

const coverage = contractCoverage('batch');


describe('sendCancelCertificateDeletion', () => {
  test('204 with the documented response headers (token auth)', async () => {
    coverage.cover('cancelCertificateDeletion', '204');
    const { response } = await sendCancelCertificateDeletion(client, certificate, prefer('code=204'));
    expect(response.status).toBe(204);
    for (const header of ['client-request-id', 'request-id', 'ETag', 'Last-Modified', 'DataServiceId']) {
      expect(response.headers.get(header), header).not.toBeNull();
    }
  });

  test('204 with Shared Key auth (the apiKey Authorization scheme)', async () => {
    const sharedKey = createBatchClient({
      endpoint: prismUrl,
      credential: new SharedKeyCredential('account', Buffer.from('not-a-real-key').toString('base64')),
      retryOptions: { maxRetries: 0 },
    });
    const { response } = await sendCancelCertificateDeletion(sharedKey, certificate, prefer('code=204'));
    expect(response.status).toBe(204);
  });

  test('the server timeout is sent as the documented `timeout` query parameter', async () => {
    const { request } = await sendCancelCertificateDeletion(client, certificate, { ...prefer('code=204'), serverTimeoutInSeconds: 45 });
    expect(new URL(request.url).searchParams.get('timeout')).toBe('45');
  });

  test('default: CertificateRetired is an ApiError of kind certificateRetired with the BatchError message', async () => {
    coverage.cover('cancelCertificateDeletion', 'default', 'certificateRetired');
    const error = await apiError(sendCancelCertificateDeletion(client, certificate, prefer('code=400, example=certificateRetired')));
    expect(error.status).toBe(400);
    expect(error.code).toBe('CertificateRetired');
    expect(error.kind).toBe('certificateRetired');
    expect(error.message).toContain('The Batch certificate feature has been retired');
  });
});

describe('the spec constrains what Prism accepts', () => {
  test('no credential: 401, an ApiError of kind unauthorized', async () => {
    const anonymous = createBatchClient({ endpoint: prismUrl, retryOptions: { maxRetries: 0 } });
    const error = await apiError(sendCancelCertificateDeletion(anonymous, certificate));
    expect(error.status).toBe(401);
    expect(error.kind).toBe('unauthorized');
  });

  // Straight through the generated function: the wrapper refuses these before sending.
  const call = (path: Record<string, string>, query: Record<string, unknown> = { 'api-version': '2023-11-01.18.0' }) =>
    apiError(
      generated.cancelCertificateDeletion({
        client: client.client,
        path: path as { thumbprintAlgorithm: string; thumbprint: string },
        query: query as { 'api-version': string },
        throwOnError: true,
      }),
    );
  /** Sends what the official SDK and other real clients send, where the page's one example differs. */
  // No `Prefer` header: Prism answers a preferred code even to an invalid request.
  const accepted = (path: Record<string, string>, query: Record<string, string>, headers: Record<string, string> = {}) =>
    generated.cancelCertificateDeletion({
      client: client.client,
      path: path as { thumbprintAlgorithm: string; thumbprint: string },
      query: query as { 'api-version': string },
      headers,
      throwOnError: true,
    });

  test('422 for a thumbprintAlgorithm other than sha1', async () => {
    const error = await call({ thumbprintAlgorithm: 'md5', thumbprint: certificate.thumbprint });
    expect(error.status).toBe(422);
    expect(violations(error)).toEqual(['path/thumbprintalgorithm pattern']);
  });

  test('SHA1, api-version 2022-10-01.16.0 (@azure/batch 10.2) and return-client-request-id: True are accepted', async () => {
    const { response } = await accepted(
      { thumbprintAlgorithm: 'SHA1', thumbprint: certificate.thumbprint },
      { 'api-version': '2022-10-01.16.0' },
      { 'client-request-id': '9c4d50ee-2d56-4cd3-8152-34347dc9f2b0', 'return-client-request-id': 'True' },
    );
    expect(response.status).toBe(204);
  });

  test('422 for a return-client-request-id that is not true or false', async () => {
    // Plain fetch: the client's pipeline sets this header itself.
    const url = `${prismUrl}/certificates(thumbprintAlgorithm=sha1,thumbprint=${certificate.thumbprint})/canceldelete?api-version=2023-11-01.18.0`;
    const response = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer x', 'return-client-request-id': 'yes' } });
    expect(response.status).toBe(422);
    expect(response.headers.get('sl-violations')).toContain('return-client-request-id');
  });

  test('422 for a thumbprint that is not 40 hex digits', async () => {
    const error = await call({ thumbprintAlgorithm: 'sha1', thumbprint: 'xyz' });
    expect(error.status).toBe(422);
    expect(violations(error)).toEqual(['path/thumbprint pattern']);
  });

  test('422 without api-version', async () => {
    const error = await call({ thumbprintAlgorithm: 'sha1', thumbprint: certificate.thumbprint }, {});
    expect(error.status).toBe(422);
    expect(violations(error)).toEqual(['query required']);
  });

  test('422 for a timeout that is not an integer', async () => {
    const error = await call({ thumbprintAlgorithm: 'sha1', thumbprint: certificate.thumbprint }, { 'api-version': '2023-11-01.18.0', timeout: 'soon' });
    expect(error.status).toBe(422);
    expect(violations(error)).toEqual(['query/timeout type']);
  });
});

test('every documented (operation, status) pair and every named example is covered', () => {
  const { covered, documented, coveredExamples, documentedExamples } = coverage.report();
  expect(covered).toEqual(documented);
  expect(coveredExamples).toEqual(documentedExamples);
});
