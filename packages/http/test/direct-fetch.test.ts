// directFetch: the pipeline's own sender in fetch's shape (what the CLI's traffic recorder wraps).
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { createPipeline } from '@azlro/http';
import { directFetch } from '@azlro/http/internal';
import { userAgent } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

test('sends method, headers and body as given and answers with status, headers and the body already read', async () => {
  server.route('PUT', '/r', { status: 201, headers: { 'x-ms-request-id': 'id-1' }, json: { ok: true } });
  const response = await directFetch()(`${server.url}/r?a=1`, {
    method: 'PUT', headers: new Headers({ 'content-type': 'application/json', 'x-custom': 'v' }), body: new TextEncoder().encode('{"a":1}').buffer,
  });
  expect([response.status, response.headers.get('x-ms-request-id'), await response.json()]).toEqual([201, 'id-1', { ok: true }]);
  const [request] = server.requests;
  expect([request?.method, request?.url, request?.body, request?.headers['x-custom']]).toEqual(['PUT', '/r?a=1', '{"a":1}', 'v']);
});

test("is undici's request, not Node's fetch: none of the headers fetch adds (accept-encoding, sec-fetch-mode)", async () => {
  server.route('GET', '/r', { status: 204 });
  const viaFetch = await fetch(`${server.url}/r`);
  const direct = await directFetch()(`${server.url}/r`);
  expect([viaFetch.status, direct.status]).toEqual([204, 204]);
  const [fetched, sent] = server.requests;
  // The control: Node's fetch does add them, so the assertion below can fail.
  expect(fetched?.headers['sec-fetch-mode']).toBe('cors');
  expect(fetched?.headers['accept-encoding']).toBeDefined();
  expect([sent?.headers['sec-fetch-mode'], sent?.headers['accept-encoding']]).toEqual([undefined, undefined]);
});

test('as a pipeline transport: redirects are not followed and a refused connection rejects as fetch does', async () => {
  server.route('GET', '/moved', { status: 302, headers: { location: '/elsewhere' } });
  const send = createPipeline({ endpoint: server.url, userAgent, fetch: directFetch(), retryOptions: { maxRetries: 0 } });
  await expect(send(new Request(`${server.url}/moved`))).rejects.toThrow(/302: redirect to .* refused/);
  expect(server.requests.map((r) => r.url)).toEqual(['/moved']);
  const refused = directFetch()('http://127.0.0.1:1/');
  await expect(refused).rejects.toThrow(TypeError);
  await expect(refused).rejects.toMatchObject({ message: 'fetch failed', cause: expect.anything() });
});
