import { afterEach, describe, expect, inject, test } from 'vitest';
import { isApiError, isAuthError, isCertificateRetiredError, isConflictError, isNotFoundError, SharedKeyCredential, StaticTokenCredential } from '@azlro/http';
import { computeSharedKeySignature, stringToSign } from '@azlro/http/internal';
import { sendCancelCertificateDeletion, createBatchClient } from '@azlro/batch';
import { createStrictFetch } from './helpers.js';

const info = inject('emulator');
const batch = info.endpoints.batch;
const { thumbprints } = info.batch;
const strict = createStrictFetch();
const clientWith = (credential?: ConstructorParameters<typeof SharedKeyCredential> | string) =>
  createBatchClient({
    endpoint: batch,
    credential: typeof credential === 'string' ? new StaticTokenCredential(credential)
      : credential ? new SharedKeyCredential(...credential) : undefined,
    fetch: strict.fetch,
    retryOptions: { maxRetries: 0 },
  });

afterEach(() => {
  expect(strict.flagged).toEqual([]);
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => expect.fail('expected a rejection'), (error: unknown) => error);
}

describe('certificate cancel deletion', () => {
  test('Shared Key with the emulator account: 204 with the documented headers', async () => {
    const client = clientWith([info.batch.accountName, info.batch.accountKey]);
    const { response } = await sendCancelCertificateDeletion(client, { thumbprint: thumbprints.canceled });
    expect(response.status).toBe(204);
    const sent = strict.lastRequest()!.headers;
    expect(sent.get('authorization')).toMatch(/^SharedKey azlroemulator:/);
    expect(sent.get('return-client-request-id')).toBe('true');
    expect(response.headers.get('client-request-id')).toBe(sent.get('client-request-id'));
    expect(response.headers.get('client-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('etag')).toMatch(/^0x[0-9A-F]{15}$/);
    expect(new Date(response.headers.get('last-modified')!).toUTCString()).toBe(response.headers.get('last-modified'));
    expect(response.headers.get('dataserviceid')).toBe(
      `${batch}/certificates(thumbprintAlgorithm=sha1,thumbprint=${thumbprints.canceled})/canceldelete`,
    );
  });

  test('with the timeout query parameter, which Shared Key signs too', async () => {
    const client = clientWith([info.batch.accountName, info.batch.accountKey]);
    const { response } = await sendCancelCertificateDeletion(client, { thumbprint: thumbprints.canceled }, { serverTimeoutInSeconds: 30 });
    expect(response.status).toBe(204);
  });

  test('a bearer token (any non-empty one): 204', async () => {
    const { response } = await sendCancelCertificateDeletion(clientWith('any-token-works'), { thumbprint: thumbprints.canceled });
    expect(response.status).toBe(204);
  });

  test('plain fetch, signed by hand: 204, and client-request-id echoed only when asked', async () => {
    const path = `/certificates(thumbprintAlgorithm=sha1,thumbprint=${thumbprints.canceled})/canceldelete?api-version=2023-11-01.18.0`;
    const send = async (extra: Record<string, string>) => {
      const headers = new Headers({ 'ocp-date': new Date().toUTCString(), 'content-length': '0', ...extra });
      const signature = await computeSharedKeySignature(info.batch.accountKey, stringToSign({ method: 'POST', url: path, headers }, info.batch.accountName));
      headers.set('authorization', `SharedKey ${info.batch.accountName}:${signature}`);
      return fetch(`${batch}${path}`, { method: 'POST', headers });
    };
    const id = '9c4d50ee-2d56-4cd3-8152-34347dc9f2b0';
    const echoed = await send({ 'client-request-id': id, 'return-client-request-id': 'true' });
    expect([echoed.status, echoed.headers.get('client-request-id')]).toEqual([204, id]);
    const silent = await send({ 'client-request-id': id });
    expect([silent.status, silent.headers.get('client-request-id')]).toEqual([204, null]);
  });

  test('what real clients send beyond the page: SHA1, True, api-version 2022-10-01.16.0, percent-encoded parentheses (Shared Key over the form sent)', async () => {
    const id = '9c4d50ee-2d56-4cd3-8152-34347dc9f2b0';
    for (const path of [
      `/certificates(thumbprintAlgorithm=SHA1,thumbprint=${thumbprints.canceled})/canceldelete?api-version=2022-10-01.16.0`,
      `/certificates%28thumbprintAlgorithm%3Dsha1%2Cthumbprint%3D${thumbprints.canceled}%29/canceldelete?api-version=2023-11-01.18.0`,
    ]) {
      const headers = new Headers({ 'ocp-date': new Date().toUTCString(), 'content-length': '0', 'client-request-id': id, 'return-client-request-id': 'True' });
      const signature = await computeSharedKeySignature(info.batch.accountKey, stringToSign({ method: 'POST', url: path, headers }, info.batch.accountName));
      headers.set('authorization', `SharedKey ${info.batch.accountName}:${signature}`);
      const response = await fetch(`${batch}${path}`, { method: 'POST', headers });
      expect([response.status, response.headers.get('client-request-id')], path).toEqual([204, id]);
    }
  });

  test(`a thumbprint starting with "dead": 400 CertificateRetired, as the real service answers now`, async () => {
    const error = await rejection(sendCancelCertificateDeletion(clientWith('t'), { thumbprint: thumbprints.retired }));
    expect(isCertificateRetiredError(error)).toBe(true);
    expect(isApiError(error) && [error.status, error.code, error.requestId]).toEqual([400, 'CertificateRetired', expect.any(String)]);
  });
});

describe('certificates not in deleteFailed, as the service answers them', () => {
  // Codes and texts from Batch's own BatchErrorCodeStrings; the Python SDK's live test expects
  // CertificateStateActive from cancel_deletion on an active certificate.
  test('a thumbprint starting with "409": the certificate is active, 409 CertificateStateActive (an ApiError of kind conflict)', async () => {
    const error = await rejection(sendCancelCertificateDeletion(clientWith('t'), { thumbprint: thumbprints.active }));
    expect(isConflictError(error)).toBe(true);
    expect(isApiError(error) && [error.status, error.code, error.requestId]).toEqual([409, 'CertificateStateActive', expect.any(String)]);
    expect(isApiError(error) && error.message).toContain('not permitted when the certificate is active');
  });

  test('a thumbprint starting with "404": no such certificate, 404 CertificateNotFound', async () => {
    const error = await rejection(sendCancelCertificateDeletion(clientWith('t'), { thumbprint: thumbprints.notFound }));
    expect(isNotFoundError(error)).toBe(true);
    expect(isApiError(error) && [error.status, error.code]).toEqual([404, 'CertificateNotFound']);
  });
});

describe('authentication', () => {
  test('Shared Key with a wrong key: 403 AuthenticationFailed', async () => {
    const wrongKey = Buffer.from('not the emulator key, but valid base64 all the same').toString('base64');
    const error = await rejection(sendCancelCertificateDeletion(clientWith([info.batch.accountName, wrongKey]), { thumbprint: thumbprints.canceled }));
    expect(isAuthError(error)).toBe(true);
    expect(isApiError(error) && [error.status, error.code]).toEqual([403, 'AuthenticationFailed']);
    expect(JSON.stringify(error)).not.toContain(wrongKey);
  });

  test('Shared Key for an unknown account: 403', async () => {
    const error = await rejection(sendCancelCertificateDeletion(clientWith(['someoneelse', info.batch.accountKey]), { thumbprint: thumbprints.canceled }));
    expect(isApiError(error) && error.status).toBe(403);
  });

  test('authentication is checked before the certificate: a wrong key on a retired thumbprint is 403, not 400', async () => {
    const wrongKey = Buffer.from('another wrong key').toString('base64');
    const error = await rejection(sendCancelCertificateDeletion(clientWith([info.batch.accountName, wrongKey]), { thumbprint: thumbprints.retired }));
    expect(isApiError(error) && error.status).toBe(403);
  });

  test('no Authorization at all: 401', async () => {
    const error = await rejection(sendCancelCertificateDeletion(clientWith(), { thumbprint: thumbprints.canceled }));
    expect(isApiError(error) && error.kind).toBe('unauthorized');
  });

  test('Shared Key with neither ocp-date nor Date: 403, as the "Authenticate requests" page requires one of them', async () => {
    const path = `/certificates(thumbprintAlgorithm=sha1,thumbprint=${thumbprints.canceled})/canceldelete?api-version=2023-11-01.18.0`;
    const headers = new Headers({ 'content-length': '0' });
    const signature = await computeSharedKeySignature(info.batch.accountKey, stringToSign({ method: 'POST', url: path, headers }, info.batch.accountName));
    headers.set('authorization', `SharedKey ${info.batch.accountName}:${signature}`);
    const response = await fetch(`${batch}${path}`, { method: 'POST', headers });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'AuthenticationFailed', values: [{ key: 'AuthenticationErrorDetail', value: expect.stringContaining('ocp-date') }] });
    // The standard Date header is the other documented way, signed in its own slot.
    const dated = new Headers({ 'content-length': '0', date: new Date().toUTCString() });
    const datedSignature = await computeSharedKeySignature(info.batch.accountKey, stringToSign({ method: 'POST', url: path, headers: dated }, info.batch.accountName));
    dated.set('authorization', `SharedKey ${info.batch.accountName}:${datedSignature}`);
    expect((await fetch(`${batch}${path}`, { method: 'POST', headers: dated })).status).toBe(204);
  });

  test('a tampered request (signature over another thumbprint): 403', async () => {
    const signedPath = `/certificates(thumbprintAlgorithm=sha1,thumbprint=${thumbprints.canceled})/canceldelete?api-version=2023-11-01.18.0`;
    const sentPath = signedPath.replace(thumbprints.canceled, 'abcdef0123456789abcdef0123456789abcdef01');
    const headers = new Headers({ 'ocp-date': new Date().toUTCString(), 'content-length': '0' });
    const signature = await computeSharedKeySignature(info.batch.accountKey, stringToSign({ method: 'POST', url: signedPath, headers }, info.batch.accountName));
    headers.set('authorization', `SharedKey ${info.batch.accountName}:${signature}`);
    const response = await fetch(`${batch}${sentPath}`, { method: 'POST', headers });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'AuthenticationFailed' });
  });
});
