import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('startTestServer', () => {
  test('listens on 127.0.0.1 with an ephemeral port and reports url/origin/port', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.origin).toBe(server.url);
  });

  test('answers a route with status, headers and JSON', async () => {
    server.route('POST', '/things', { status: 201, headers: { 'x-extra': 'yes' }, json: { id: 7 } });
    const response = await fetch(`${server.url}/things`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-extra')).toBe('yes');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ id: 7 });
  });

  test('sends a string or binary body as-is', async () => {
    server.route('GET', '/text', { body: 'plain words', headers: { 'content-type': 'text/plain' } });
    server.route('GET', '/bytes', { body: Buffer.from([0, 1, 2, 255]) });
    expect(await (await fetch(`${server.url}/text`)).text()).toBe('plain words');
    expect([...new Uint8Array(await (await fetch(`${server.url}/bytes`)).arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  test('walks a sequence in order and repeats the last step', async () => {
    server.route('GET', '/op', [{ status: 202 }, { status: 203 }, { status: 200 }]);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${server.url}/op`)).status);
    expect(statuses).toEqual([202, 203, 200, 200, 200]);
  });

  test("afterLast: 'not-found' answers 404 once the sequence is used up", async () => {
    server.route('GET', '/once', [{ status: 204 }], { afterLast: 'not-found' });
    expect((await fetch(`${server.url}/once`)).status).toBe(204);
    expect((await fetch(`${server.url}/once`)).status).toBe(404);
  });

  test('matches on the pathname, ignores the query and the method case', async () => {
    server.route('get', '/q', { status: 200, json: 'hit' });
    const response = await fetch(`${server.url}/q?api-version=1&x=2`);
    expect(await response.json()).toBe('hit');
    expect(server.requests[0]).toMatchObject({ path: '/q', url: '/q?api-version=1&x=2' });
  });

  test('matches the raw (percent-encoded) path, so parentheses and commas match literally', async () => {
    const path = '/certificates(thumbprintAlgorithm=sha1,thumbprint=ab)/canceldelete';
    server.route('POST', path, { status: 204 });
    expect((await fetch(`${server.url}${path}?api-version=x`, { method: 'POST' })).status).toBe(204);
    expect((await fetch(`${server.url}/a%2Fb`)).status).toBe(404);
    expect(server.requests[1]?.path).toBe('/a%2Fb');
  });

  test("the path '*' catches every path of its method that has no route of its own", async () => {
    server.route('GET', '*', { status: 202 });
    server.route('GET', '/exact', { status: 200 });
    expect((await fetch(`${server.url}/any/where%2F?x=1`)).status).toBe(202);
    expect((await fetch(`${server.url}/exact`)).status).toBe(200);
    expect((await fetch(`${server.url}/any`, { method: 'POST' })).status).toBe(404);
  });

  test('an unmatched request gets a 404 JSON error naming it', async () => {
    const response = await fetch(`${server.url}/nowhere`, { method: 'DELETE' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NoRoute', message: 'No route for DELETE /nowhere' } });
  });

  test('records method, url, lower-cased headers, body and a monotonic arrival time', async () => {
    server.route('PUT', '/r', { status: 200 });
    const before = performance.now();
    await fetch(`${server.url}/r?a=1`, { method: 'PUT', headers: { 'X-Custom': 'v' }, body: 'héllo' });
    await fetch(`${server.url}/r`, { method: 'PUT' });
    const [first, second] = server.requests;
    expect(first).toMatchObject({ method: 'PUT', url: '/r?a=1', body: 'héllo' });
    expect(first?.headers['x-custom']).toBe('v');
    expect(second?.body).toBe('');
    expect(first!.arrivedAt).toBeGreaterThanOrEqual(before);
    expect(second!.arrivedAt).toBeGreaterThanOrEqual(first!.arrivedAt);
  });

  test('arrivedAt reads the clock a test gives, at start or per reset, until the next reset', async () => {
    let now = 1_000;
    const clock = { now: () => now };
    server.route('GET', '/t', { status: 204 });
    server.reset({ clock });
    server.route('GET', '/t', { status: 204 });
    await fetch(`${server.url}/t`);
    now = 1_250;
    await fetch(`${server.url}/t`);
    expect(server.requests.map((r) => r.arrivedAt)).toEqual([1_000, 1_250]);
    server.reset(); // back to the start clock (performance): real, far from 1_250
    server.route('GET', '/t', { status: 204 });
    const before = performance.now();
    await fetch(`${server.url}/t`);
    expect(server.requests[0]!.arrivedAt).toBeGreaterThanOrEqual(before);

    const own = await startTestServer({ clock: { now: () => 42 } });
    try {
      await fetch(`${own.url}/t`);
      expect(own.requests[0]!.arrivedAt).toBe(42);
    } finally {
      await own.close();
    }
  });

  test('a function step computes the answer from the recorded request', async () => {
    server.route('POST', '/echo', (req) => ({ json: { got: req.body, h: req.headers['x-n'] } }));
    const response = await fetch(`${server.url}/echo`, { method: 'POST', body: 'abc', headers: { 'x-n': '3' } });
    expect(await response.json()).toEqual({ got: 'abc', h: '3' });
  });

  test('delayInMs holds the answer back', async () => {
    server.route('GET', '/slow', { delayInMs: 60, json: 1 });
    const started = performance.now();
    await (await fetch(`${server.url}/slow`)).json();
    expect(performance.now() - started).toBeGreaterThanOrEqual(58); // real timers: the lower bound is the point
  });

  test("drop: 'before-headers' breaks the connection before any response", async () => {
    server.route('GET', '/drop', { drop: 'before-headers' });
    const error = await fetch(`${server.url}/drop`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(1);
  });

  test("drop: 'mid-body' sends the head, then breaks the body", async () => {
    server.route('GET', '/half', { json: { long: 'x'.repeat(100) }, drop: 'mid-body' });
    const response = await fetch(`${server.url}/half`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  test('malformedJson sends truncated JSON labelled application/json', async () => {
    server.route('GET', '/bad', { json: { a: 1 }, malformedJson: true });
    const response = await fetch(`${server.url}/bad`);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(text).toBe('{"a":1');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  test('a later route for the same method and path replaces the earlier one', async () => {
    server.route('GET', '/x', { status: 201 });
    server.route('GET', '/x', { status: 202 });
    expect((await fetch(`${server.url}/x`)).status).toBe(202);
  });

  test('reset forgets routes and recorded requests', async () => {
    server.route('GET', '/x', { status: 200 });
    await fetch(`${server.url}/x`);
    server.reset();
    expect(server.requests).toHaveLength(0);
    expect((await fetch(`${server.url}/x`)).status).toBe(404);
  });

  test('route refuses an empty sequence', () => {
    expect(() => server.route('GET', '/x', [])).toThrow(RangeError);
  });
});

describe('close', () => {
  test('destroys keep-alive connections and returns promptly', async () => {
    server.route('GET', '/k', { json: 1 });
    await (await fetch(`${server.url}/k`)).json(); // leaves a keep-alive socket in fetch's pool
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000); // Node's keep-alive timeout alone is 5 s
    await expect(fetch(`${server.url}/k`)).rejects.toThrow();
    server = await startTestServer(); // afterEach closes this one
  });

  test('a pending delayed answer does not hold close up', async () => {
    server.route('GET', '/forever', { delayInMs: 60_000 });
    const pending = new Promise<string>((resolve) => {
      const req = httpRequest(`${server.url}/forever`, (res) => resolve(`answered ${res.statusCode}`));
      req.on('error', () => resolve('connection closed'));
      req.end();
    });
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    await server.close();
    expect(await pending).toBe('connection closed');
    expect(performance.now() - started).toBeLessThan(1000);
    server = await startTestServer();
  });
});
