import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { createPipeline, getRequestIds } from '@azlro/http';
import { userAgent } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('client request id', () => {
  test('one UUID per call, the same on every retry, a new one for the next call', async () => {
    server.route('GET', '/r', [{ status: 503 }, { status: 503 }, { json: {} }], { afterLast: 'repeat' });
    const pipeline = createPipeline({ endpoint: server.url, userAgent, retryOptions: { retryDelayInMs: 5 } });
    await pipeline(`${server.url}/r`);
    await pipeline(`${server.url}/r`);
    const ids = server.requests.map((r) => r.headers['x-ms-client-request-id']);
    expect(ids).toHaveLength(4);
    expect(ids[0]).toMatch(UUID);
    expect(new Set(ids.slice(0, 3)).size).toBe(1);
    expect(ids[3]).not.toBe(ids[0]);
  });

  test("a caller's own id is kept", async () => {
    server.route('GET', '/r', { json: {} });
    await createPipeline({ endpoint: server.url, userAgent })(`${server.url}/r`, { headers: { 'x-ms-client-request-id': 'mine' } });
    expect(server.requests[0]?.headers['x-ms-client-request-id']).toBe('mine');
  });

  test('Batch: client-request-id plus return-client-request-id: true', async () => {
    server.route('GET', '/r', { json: {} });
    await createPipeline({ endpoint: server.url, userAgent, requestIdHeaderName: 'client-request-id', returnClientRequestId: true })(`${server.url}/r`);
    const { headers } = server.requests[0]!;
    expect(headers['client-request-id']).toMatch(UUID);
    expect(headers['return-client-request-id']).toBe('true');
    expect(headers['x-ms-client-request-id']).toBeUndefined();
  });

  test('requestIdHeaderName must be a header name', () => {
    expect(() => createPipeline({ endpoint: server.url, userAgent, requestIdHeaderName: 'bad name' })).toThrow(/requestIdHeaderName/);
  });
});

describe('getRequestIds', () => {
  test('reads ARM ids', () => {
    const headers = new Headers({ 'x-ms-request-id': 'r1', 'x-ms-correlation-request-id': 'c1', 'x-ms-client-request-id': 'k1' });
    expect(getRequestIds({ headers })).toEqual({ requestId: 'r1', correlationId: 'c1', clientRequestId: 'k1' });
  });

  test('reads Batch ids and leaves absent ones out', () => {
    expect(getRequestIds(new Response(null, { headers: { 'request-id': 'r2', 'client-request-id': 'k2' } }))).toEqual({ requestId: 'r2', clientRequestId: 'k2' });
    expect(getRequestIds(new Response(null))).toEqual({});
  });
});

describe('user agent', () => {
  test('sends azlro-<package>/<version> Node/<version>, with the prefix first', async () => {
    server.route('GET', '/r', { json: {} });
    await createPipeline({ endpoint: server.url, userAgent: { packageName: 'batch', packageVersion: '1.2.3', prefix: 'my-app/9' } })(`${server.url}/r`);
    expect(server.requests[0]?.headers['user-agent']).toBe(`my-app/9 azlro-batch/1.2.3 Node/${process.version}`);
    expect(server.requests[0]?.headers['x-ms-useragent']).toBeUndefined();
  });

  test('userAgent fields are checked', () => {
    expect(() => createPipeline({ endpoint: server.url, userAgent: { packageName: '', packageVersion: '1' } })).toThrow(/userAgent\.packageName/);
    expect(() => createPipeline({ endpoint: server.url, userAgent: { packageName: 'a', packageVersion: '1 2' } })).toThrow(/userAgent\.packageVersion/);
    expect(() => createPipeline({ endpoint: server.url } as never)).toThrow(/userAgent/);
  });
});
