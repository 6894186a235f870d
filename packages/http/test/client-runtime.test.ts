import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { ApiError, CredentialOriginError, createPipeline } from '@azlro/http';
import { markResendable } from '@azlro/http/internal';
import { buildUrl, createClient } from '@azlro/http/internal';
import { bufferedBytesOf, bufferedResponse } from '../src/buffered-response.js';
import { fakeCredential, userAgent } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());

const template = '/subscriptions/{subscriptionId}/certificates(thumbprint={thumbprint})/canceldelete';

describe('buildUrl (path templates, queries)', () => {
  test('each path value is exactly one segment: / ? # and the OData delimiters ( ) \' ! * are encoded', () => {
    expect(buildUrl('https://h', template, { subscriptionId: 'a/b?c#d', thumbprint: "x)(',!*" }, { 'api-version': '2024-01-01' })).toBe(
      'https://h/subscriptions/a%2Fb%3Fc%23d/certificates(thumbprint=x%29%28%27%2C%21%2A)/canceldelete?api-version=2024-01-01',
    );
  });

  test('a value that URLs drop or cannot carry is refused, naming the parameter', () => {
    expect(() => buildUrl('', template, { subscriptionId: '..', thumbprint: 't' }, undefined)).toThrow(/subscriptionId must not be "\.\."/);
    expect(() => buildUrl('', template, { subscriptionId: 's', thumbprint: '' }, undefined)).toThrow(RangeError);
    expect(() => buildUrl('', template, { subscriptionId: 's' }, undefined)).toThrow(/thumbprint must be a string/);
    expect(() => buildUrl('', template, { subscriptionId: '\uD800', thumbprint: 't' }, undefined)).toThrow(/lone surrogate/);
  });

  test('queries: undefined left out, arrays repeated, objects as deepObject, values encoded', () => {
    expect(buildUrl('', '/x', undefined, { a: 'b c&d', skip: undefined, n: [1, 2], o: { k: 'v' } })).toBe('/x?a=b%20c%26d&n=1&n=2&o%5Bk%5D=v');
  });

  test('without `path` the URL is used as it is (a polling URL the service gave)', () => {
    expect(buildUrl('', 'https://h/ops/{not-a-template}?api-version=1', undefined, undefined)).toBe('https://h/ops/{not-a-template}?api-version=1');
  });
});

describe('createClient on a pipeline', () => {
  const pipeline = (credential = fakeCredential()) =>
    createPipeline({ endpoint: server.url, credential, scopes: 's/.default', userAgent, retryOptions: { retryDelayInMs: 5 } });

  test('sends method, URL, headers and a JSON body once per attempt; parses JSON; request is built lazily without the credential', async () => {
    server.reset();
    server.route('POST', '/things/a%2Fb', [{ status: 503 }, { status: 201, json: { id: 1 } }]);
    const client = createClient({ baseUrl: server.url, fetch: pipeline() });
    const result = await client.post({ url: '/things/{name}', path: { name: 'a/b' }, body: { name: 'a' }, headers: { 'content-type': 'application/json', 'x-extra': 'e', skipped: undefined } });
    expect(result.data).toEqual({ id: 1 });
    expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/things/a%2Fb', '{"name":"a"}'],
      ['POST', '/things/a%2Fb', '{"name":"a"}'],
    ]);
    expect(server.requests[1]!.headers).toMatchObject({ 'x-extra': 'e', 'content-type': 'application/json' });
    expect(server.requests[1]!.headers.skipped).toBeUndefined();
    expect(result.response).toBeInstanceOf(Response);
    expect(result.request.url).toBe(`${server.url}/things/a%2Fb`);
    expect(result.request.headers.get('authorization')).toBeNull();
  });

  test('no body: no Content-Type; the internal marks are never sent', async () => {
    server.reset();
    server.route('GET', '/plain', { status: 200, json: { ok: true } });
    const client = createClient({ baseUrl: server.url, fetch: pipeline() });
    await client.get({ url: '/plain', headers: { 'Content-Type': 'application/json', ...markResendable() } });
    expect(server.requests[0]!.headers['content-type']).toBeUndefined();
    expect(Object.keys(server.requests[0]!.headers).filter((name) => name.startsWith('x-azlro'))).toEqual([]);
  });

  test('parseAs text gives the body as it came; empty and 204 bodies give {} otherwise', async () => {
    server.reset();
    server.route('GET', '/text', { status: 200, body: 'not json', headers: { 'content-type': 'application/json' } });
    server.route('GET', '/empty', { status: 202 });
    server.route('GET', '/none', { status: 204 });
    const client = createClient({ baseUrl: server.url, fetch: pipeline() });
    expect((await client.get({ url: '/text', parseAs: 'text' })).data).toBe('not json');
    expect((await client.get({ url: '/empty' })).data).toEqual({});
    expect((await client.get({ url: '/none' })).data).toEqual({});
  });

  test('a non-2xx answer rejects with the pipeline\'s ApiError', async () => {
    server.reset();
    server.route('GET', '/missing', { status: 404, json: { error: { code: 'NotFound', message: 'gone' } } });
    const client = createClient({ baseUrl: server.url, fetch: pipeline() });
    await expect(client.get({ url: '/missing', throwOnError: true })).rejects.toMatchObject({ status: 404, code: 'NotFound' });
    await expect(client.get({ url: '/missing' })).rejects.toBeInstanceOf(ApiError);
  });

  test('a URL on another origin gets no credential; another spelling of the endpoint\'s origin is parsed and allowed', async () => {
    server.reset();
    server.route('GET', '/x', { status: 200, json: {} });
    const client = createClient({ baseUrl: server.url, fetch: pipeline() });
    const port = new URL(server.url).port;
    await expect(client.get({ url: `http://localhost:${port}/x`, baseUrl: '' })).rejects.toBeInstanceOf(CredentialOriginError);
    await expect(client.get({ url: 'http://127.0.0.2:1/x', baseUrl: '' })).rejects.toBeInstanceOf(CredentialOriginError);
    expect(server.requests).toHaveLength(0);
    // Not the normalized origin's prefix (upper-case scheme), so it takes the full check, which passes.
    await client.get({ url: `${server.url.replace('http://', 'HTTP://')}/x`, baseUrl: '' });
    expect(server.requests).toHaveLength(1);
  });

  test('on a plain fetch: one (url, init) call; a non-2xx body is the error (thrown with throwOnError)', async () => {
    server.reset();
    server.route('GET', '/bad', { status: 400, json: { message: 'no' } });
    const client = createClient({ baseUrl: server.url });
    const result = await client.get({ url: '/bad' });
    expect(result).toMatchObject({ data: undefined, error: { message: 'no' } });
    await expect(client.get({ url: '/bad', throwOnError: true })).rejects.toEqual({ message: 'no' });
  });
});

describe('BufferedResponse', () => {
  const make = () => bufferedResponse(new TextEncoder().encode('{"a":1}').buffer as ArrayBuffer, { status: 200, headers: { 'content-type': 'application/json' } });

  test('is a Response whose body reads once, as the Fetch standard says', async () => {
    const response = make();
    expect(response).toBeInstanceOf(Response);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ a: 1 });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
  });

  test('clone, body stream, blob and no-body responses', async () => {
    const response = make();
    const copy = response.clone();
    expect(await new Response(response.body).text()).toBe('{"a":1}');
    expect(await (await copy.blob()).text()).toBe('{"a":1}');
    const none = bufferedResponse(null, { status: 204 });
    expect(none.body).toBeNull();
    expect(await none.text()).toBe('');
  });

  test('bufferedBytesOf hands out the bytes unread, and nothing for any other Response', async () => {
    const bytes = new TextEncoder().encode('{"a":1}').buffer as ArrayBuffer;
    const response = bufferedResponse(bytes, { status: 200 });
    expect(bufferedBytesOf(response)).toBe(bytes);
    expect(response.bodyUsed).toBe(false);
    expect(bufferedBytesOf(new Response('{"a":1}'))).toBeUndefined();
  });
});
