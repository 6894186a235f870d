import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import {
  ApiError, createPipeline, isApiError, isAuthError, isCertificateRetiredError, isConflictError, isNotFoundError,
} from '@azlro/http';
import { userAgent } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const call = async (method: string, path: string): Promise<ApiError> => {
  const pipeline = createPipeline({ endpoint: server.url, userAgent, retryOptions: { maxRetries: 0 } });
  const error = await pipeline(`${server.url}${path}`, { method }).then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
};

describe('ApiError from service bodies', () => {
  test('ARM CloudError: code, message, target, details, request id, kind notFound', async () => {
    const cloudError = { error: { code: 'ResourceNotFound', message: 'The Resource was not found.', target: 'name', details: [{ code: 'Inner' }] } };
    server.route('GET', '/sub/rg', { status: 404, json: cloudError, headers: { 'x-ms-request-id': 'req-1', 'x-ms-client-request-id': 'cli-1' } });
    const error = await call('GET', '/sub/rg?api-version=2024-01-01');
    expect(error.message).toBe(`GET ${server.url}/sub/rg?api-version=2024-01-01: 404 ResourceNotFound: The Resource was not found.`);
    expect(error).toMatchObject({
      name: 'ApiError', status: 404, kind: 'notFound', code: 'ResourceNotFound', target: 'name', details: [{ code: 'Inner' }],
      requestId: 'req-1', clientRequestId: 'cli-1', method: 'GET', body: cloudError,
    });
    expect(isNotFoundError(error)).toBe(true);
    expect(isConflictError(error)).toBe(false);
  });

  test('Batch CertificateRetired: message.value, values as details, request-id, kind certificateRetired', async () => {
    const batchError = {
      'odata.metadata': 'https://acct.region.batch.azure.com/$metadata#Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element',
      code: 'CertificateRetired',
      message: { lang: 'en-US', value: 'The Batch certificate feature has been retired.' },
      values: [{ key: 'Reason', value: 'Retired on 2024-02-29' }],
    };
    server.route('POST', '/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)/canceldelete', { status: 400, json: batchError, headers: { 'request-id': 'b-1' } });
    const error = await call('POST', '/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)/canceldelete');
    expect(error.message).toBe(
      `POST ${server.url}/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)/canceldelete: 400 CertificateRetired: The Batch certificate feature has been retired.`,
    );
    expect(error).toMatchObject({ kind: 'certificateRetired', code: 'CertificateRetired', requestId: 'b-1', details: batchError.values });
    expect(isCertificateRetiredError(error)).toBe(true);
  });

  test('a 401 is an auth failure even when its body says CertificateRetired', async () => {
    server.route('POST', '/canceldelete', { status: 401, json: { code: 'CertificateRetired', message: { value: 'retired' } } });
    const error = await call('POST', '/canceldelete');
    expect(error.kind).toBe('unauthorized');
    expect(isAuthError(error)).toBe(true);
    expect(isCertificateRetiredError(error)).toBe(false);
  });

  test('partner portal {code, message} 409 -> conflict', async () => {
    server.route('POST', '/submissions/1/cancel', { status: 409, json: { code: 'Conflict', message: 'A submission is already in progress.' } });
    const error = await call('POST', '/submissions/1/cancel');
    expect(error.message).toBe(`POST ${server.url}/submissions/1/cancel: 409 Conflict: A submission is already in progress.`);
    expect(isConflictError(error)).toBe(true);
  });

  test('a plain-text (or JSON string) body is the message; 403 is an auth error', async () => {
    server.route('GET', '/a', { status: 403, body: 'You do not have access to this namespace.', headers: { 'content-type': 'text/plain' } });
    server.route('GET', '/b', { status: 401, json: 'Token expired' });
    const a = await call('GET', '/a');
    expect(a.message).toBe(`GET ${server.url}/a: 403: You do not have access to this namespace.`);
    expect([a.kind, isAuthError(a), a.body]).toEqual(['forbidden', true, 'You do not have access to this namespace.']);
    const b = await call('GET', '/b');
    expect([b.kind, isAuthError(b), b.message.endsWith(': 401: Token expired')]).toEqual(['unauthorized', true, true]);
  });

  test('malformed JSON is kept as text; an empty body falls back to the status text', async () => {
    server.route('GET', '/m', { status: 502, json: { error: { code: 'X' } }, malformedJson: true });
    server.route('GET', '/e', { status: 500 });
    const m = await call('GET', '/m');
    expect(m.body).toBe('{"error":{"code":"X"}');
    expect(m.kind).toBe('server');
    expect((await call('GET', '/e')).message).toBe(`GET ${server.url}/e: 500: Internal Server Error`);
  });

  test('a huge text body (a gateway error page) is shortened in the message but kept whole in body', async () => {
    const page = `<html>${'x'.repeat(5000)}</html>`;
    server.route('GET', '/g', { status: 502, body: page, headers: { 'content-type': 'text/html' } });
    const error = await call('GET', '/g');
    expect(error.message.length).toBeLessThan(700);
    expect(error.body).toBe(page);
  });

  // The service message was escaped, the code beside it in the same message was not: ESC [ 2 J cleared the terminal that printed it.
  test('control characters in the code are escaped in the message, as in the service message', async () => {
    server.route('GET', '/c', { status: 400, json: { error: { code: 'Bad\u001b[2J\nForged: line', message: 'm\u001b]0;title\u0007' } } });
    const error = await call('GET', '/c');
    expect(error.message).toBe(`GET ${server.url}/c: 400 Bad\\x1b[2J\\x0aForged: line: m\\x1b]0;title\\x07`);
  });

  test('x-ms-error-code supplies the code when the body has none; 429 is throttled', async () => {
    server.route('GET', '/t', { status: 429, headers: { 'x-ms-error-code': 'TooManyRequests' } });
    const error = await call('GET', '/t');
    expect([error.code, error.kind]).toEqual(['TooManyRequests', 'throttled']);
  });

  test('secret-like query values are redacted in url and message', async () => {
    server.route('GET', '/blob', { status: 404 });
    const error = await call('GET', '/blob?sv=2022&sig=c2VjcmV0LXNpZw%3D%3D&api-version=1');
    expect(error.url).toBe(`${server.url}/blob?sv=2022&sig=REDACTED&api-version=1`);
    expect(error.message).not.toContain('c2VjcmV0');
  });

  // The body is redacted before it is read; what comes from headers and the status line went into the
  // message, toJSON and inspect as it was. A gateway may echo what it was sent anywhere.
  test('a code, reason phrase or request id from headers is redacted too', async () => {
    const jwt = 'eyJhbGciOiJub25lIn0.eyJzZWNyZXQiOjF9.c2lnbmF0dXJl';
    const transport = (async () => new Response(null, {
      status: 400, statusText: `Bearer ${jwt}`, headers: { 'x-ms-error-code': `Basic dXNlcjpwYXNz`, 'x-ms-request-id': `https://h/?sig=c2Vj`, 'x-ms-client-request-id': jwt },
    })) as typeof fetch;
    const error = (await createPipeline({ endpoint: server.url, userAgent, fetch: transport })(`${server.url}/x`).catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ name: 'ApiError', status: 400, code: 'Basic REDACTED', requestId: 'https://h/?sig=REDACTED', clientRequestId: 'REDACTED' });
    expect(error.message).toBe(`GET ${server.url}/x: 400 Basic REDACTED: Bearer REDACTED`);
    expect(`${inspect(error)} ${JSON.stringify(error)}`).not.toMatch(/eyJ|dXNlcjpwYXNz|c2Vj/);
  });

  test('toJSON carries the fields but no response object or headers', async () => {
    server.route('GET', '/j', { status: 404, json: { error: { code: 'NotFound', message: 'gone' } }, headers: { 'set-cookie': 'session=s3cr3t' } });
    const json = JSON.parse(JSON.stringify(await call('GET', '/j'))) as Record<string, unknown>;
    const allowed = ['body', 'clientRequestId', 'code', 'details', 'kind', 'message', 'method', 'name', 'requestId', 'status', 'target', 'url'];
    expect(Object.keys(json).filter((k) => !allowed.includes(k))).toEqual([]);
    expect(json).not.toHaveProperty('response');
    expect(json).toMatchObject({ name: 'ApiError', status: 404, code: 'NotFound', kind: 'notFound' });
    expect(JSON.stringify(json)).not.toContain('s3cr3t');
  });

  test('the response stays available (not enumerable) for callers that need headers', async () => {
    server.route('GET', '/h', { status: 429, headers: { 'retry-after': '7' } });
    const error = await call('GET', '/h');
    expect(error.response?.headers.get('retry-after')).toBe('7');
    expect(Object.keys(error)).not.toContain('response');
  });
});

describe('isApiError', () => {
  test('recognises an ApiError from another copy of the package by name and shape', () => {
    const foreign = Object.assign(new Error('GET x: 404'), { name: 'ApiError', status: 404, kind: 'notFound' });
    expect(isApiError(foreign)).toBe(true);
    expect(isNotFoundError(foreign)).toBe(true);
  });

  test.each([new Error('x'), Object.assign(new Error('x'), { name: 'ApiError' }), { name: 'ApiError', status: '404', kind: 'x', message: '' }, null, 'ApiError'])(
    'rejects %j',
    (value) => expect(isApiError(value)).toBe(false),
  );
});
