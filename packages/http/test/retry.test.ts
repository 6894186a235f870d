import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { ApiError, createPipeline, isApiError, NetworkError, RequestTimeoutError, type RetryOptions } from '@azlro/http';
import { arrivalGaps, closedPort, countingFetch, userAgent } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const pipeline = (retryOptions: RetryOptions = { retryDelayInMs: 10 }, extra: { tryTimeoutInMs?: number; fetch?: typeof fetch } = {}) =>
  createPipeline({ endpoint: server.url, userAgent, retryOptions, ...extra });

describe('which failures are retried', () => {
  test.each([408, 429, 500, 502, 503, 504])('GET is retried after %i', async (status) => {
    server.route('GET', '/r', [{ status }, { json: { ok: true } }]);
    const response = await pipeline()(`${server.url}/r`);
    expect(await response.json()).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  test.each([400, 401, 403, 404, 409, 501])('GET is not retried after %i', async (status) => {
    server.route('GET', '/r', [{ status }, { json: {} }]);
    await expect(pipeline()(`${server.url}/r`)).rejects.toMatchObject({ name: 'ApiError', status });
    expect(server.requests).toHaveLength(1);
  });

  test.each([429, 503])('POST is retried after %i (the service did not act)', async (status) => {
    server.route('POST', '/r', [{ status }, { status: 202 }]);
    expect((await pipeline()(`${server.url}/r`, { method: 'POST' })).status).toBe(202);
    expect(server.requests).toHaveLength(2);
  });

  test.each([408, 500, 502, 504])('POST is not retried after %i (it may have acted)', async (status) => {
    server.route('POST', '/r', [{ status }, { status: 202 }]);
    await expect(pipeline()(`${server.url}/r`, { method: 'POST' })).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  test('GET is retried after the connection drops before the response', async () => {
    server.route('GET', '/r', [{ drop: 'before-headers' }, { json: { ok: 1 } }]);
    expect(await (await pipeline()(`${server.url}/r`)).json()).toEqual({ ok: 1 });
    expect(server.requests).toHaveLength(2);
  });

  test('GET is retried when the body is cut short', async () => {
    server.route('GET', '/r', [{ json: { n: 'x'.repeat(200) }, drop: 'mid-body' }, { json: { ok: 2 } }]);
    expect(await (await pipeline()(`${server.url}/r`)).json()).toEqual({ ok: 2 });
    expect(server.requests).toHaveLength(2);
  });

  test('POST is not retried once the request was written: NetworkError with method, url and cause', async () => {
    server.route('POST', '/r', [{ drop: 'before-headers' }, { status: 202 }]);
    const error = await pipeline()(`${server.url}/r?sig=secret`, { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ name: 'NetworkError', method: 'POST', url: `${server.url}/r?sig=REDACTED` });
    expect((error as NetworkError).cause).toBeDefined();
    expect(server.requests).toHaveLength(1);
  });

  test('POST is retried when the connection was refused (nothing was sent)', async () => {
    const port = await closedPort();
    const transport = countingFetch();
    const error = await createPipeline({ endpoint: `http://127.0.0.1:${port}`, userAgent, fetch: transport, retryOptions: { maxRetries: 2, retryDelayInMs: 5 } })(
      `http://127.0.0.1:${port}/r`, { method: 'POST' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(transport.calls).toHaveLength(3);
  });

  test('maxRetries bounds the attempts, then the last response becomes the ApiError', async () => {
    server.route('GET', '/r', { status: 503, json: { error: { code: 'Busy', message: 'try later' } } });
    const error = await pipeline({ maxRetries: 2, retryDelayInMs: 5 })(`${server.url}/r`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'Busy', kind: 'server' });
    expect(server.requests).toHaveLength(3);
  });

  test('maxRetries: 0 sends exactly once', async () => {
    server.route('GET', '/r', { status: 503 });
    await expect(pipeline({ maxRetries: 0 })(`${server.url}/r`)).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  test('the body is read once and resent intact on every attempt', async () => {
    server.route('POST', '/r', [{ status: 503 }, { status: 429 }, { status: 200, json: {} }]);
    const body = JSON.stringify({ name: 'x', values: [1, 2, 3] });
    await pipeline()(new Request(`${server.url}/r`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
    expect(server.requests.map((r) => r.body)).toEqual([body, body, body]);
    expect(server.requests.map((r) => r.headers['content-type'])).toEqual(Array(3).fill('application/json'));
  });
});

describe('how long it waits', () => {
  test('exponential backoff with jitter: 3 retries at retryDelayInMs=100 wait ~100, ~200, ~400 ms', async () => {
    server.route('GET', '/r', [{ status: 503 }, { status: 503 }, { status: 503 }, { json: {} }]);
    const started = performance.now();
    await pipeline({ retryDelayInMs: 100 })(`${server.url}/r`);
    const total = performance.now() - started;
    const gaps = arrivalGaps(server);
    console.info(`[measured] 3 retries at retryDelayInMs=100: gaps ${gaps.map((g) => g.toFixed(0)).join(', ')} ms; total ${total.toFixed(0)} ms`);
    [100, 200, 400].forEach((base, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(base * 0.8 - 2);
      expect(gaps[i]).toBeLessThan(base * 1.2 + 150); // slack for a loaded CI machine
    });
  });

  test('the backoff is capped by maxRetryDelayInMs', async () => {
    server.route('GET', '/r', [{ status: 500 }, { status: 500 }, { json: {} }]);
    await pipeline({ retryDelayInMs: 10_000, maxRetryDelayInMs: 50 })(`${server.url}/r`);
    for (const gap of arrivalGaps(server)) expect(gap).toBeLessThan(400);
  });

  test('a 429 without any delay header still backs off exponentially', async () => {
    server.route('GET', '/r', [{ status: 429 }, { json: {} }]);
    await pipeline({ retryDelayInMs: 150 })(`${server.url}/r`);
    expect(arrivalGaps(server)[0]).toBeGreaterThanOrEqual(118);
  });

  test('retry-after-ms wins over x-ms-retry-after-ms and Retry-After', async () => {
    server.route('GET', '/r', [{ status: 503, headers: { 'retry-after-ms': '120', 'x-ms-retry-after-ms': '3000', 'retry-after': '5' } }, { json: {} }]);
    await pipeline({ retryDelayInMs: 5_000 })(`${server.url}/r`);
    const [gap] = arrivalGaps(server);
    expect(gap).toBeGreaterThanOrEqual(118);
    expect(gap).toBeLessThan(1000);
  });

  test('x-ms-retry-after-ms wins over Retry-After', async () => {
    server.route('GET', '/r', [{ status: 429, headers: { 'x-ms-retry-after-ms': '150', 'retry-after': '5' } }, { json: {} }]);
    await pipeline({ retryDelayInMs: 5_000 })(`${server.url}/r`);
    const [gap] = arrivalGaps(server);
    expect(gap).toBeGreaterThanOrEqual(148);
    expect(gap).toBeLessThan(1000);
  });

  test('Retry-After in seconds is honoured exactly (no jitter, not the backoff)', async () => {
    server.route('POST', '/r', [{ status: 429, headers: { 'retry-after': '1' } }, { status: 202 }]);
    await pipeline({ retryDelayInMs: 5 })(`${server.url}/r`, { method: 'POST' });
    const [gap] = arrivalGaps(server);
    expect(gap).toBeGreaterThanOrEqual(995);
    expect(gap).toBeLessThan(1300);
  });

  test('a server delay is honoured exactly even when longer than the backoff cap', async () => {
    server.route('GET', '/r', [{ status: 503, headers: { 'retry-after-ms': '300' } }, { json: {} }]);
    await pipeline({ retryDelayInMs: 5, maxRetryDelayInMs: 1_000 })(`${server.url}/r`);
    const [gap] = arrivalGaps(server);
    expect(gap).toBeGreaterThanOrEqual(298);
    expect(gap).toBeLessThan(600);
  });

  test('a server delay beyond maxRetryDelayInMs is not retried early: the 429 surfaces at once', async () => {
    server.route('GET', '/r', [{ status: 429, headers: { 'retry-after': '30' } }, { json: {} }]);
    const started = performance.now();
    const error = await pipeline({ retryDelayInMs: 5, maxRetryDelayInMs: 100 })(`${server.url}/r`).catch((e: unknown) => e);
    expect(isApiError(error) && error.kind).toBe('throttled');
    expect(server.requests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('timeouts and aborts', () => {
  test('tryTimeoutInMs ends a slow attempt and a GET is retried', async () => {
    server.route('GET', '/r', [{ delayInMs: 2_000, json: { slow: true } }, { json: { fast: true } }]);
    const started = performance.now();
    const response = await pipeline({ retryDelayInMs: 5 }, { tryTimeoutInMs: 150 })(`${server.url}/r`);
    expect(await response.json()).toEqual({ fast: true });
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  test('a timed-out POST is not retried and rejects with RequestTimeoutError', async () => {
    server.route('POST', '/r', [{ delayInMs: 2_000, status: 202 }, { status: 202 }]);
    const error = await pipeline({ retryDelayInMs: 5 }, { tryTimeoutInMs: 100 })(`${server.url}/r`, { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ method: 'POST', timeoutInMs: 100 });
    expect(server.requests).toHaveLength(1);
  });

  test('a caller abort during an attempt rejects with its reason and is not retried', async () => {
    server.route('GET', '/r', [{ delayInMs: 2_000, json: {} }, { json: {} }]);
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 100);
    await expect(pipeline()(`${server.url}/r`, { signal: controller.signal })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  test('a caller abort during the backoff wait rejects promptly with its reason', async () => {
    server.route('GET', '/r', { status: 503 });
    const controller = new AbortController();
    const reason = new Error('stop waiting');
    const started = performance.now();
    setTimeout(() => controller.abort(reason), 100);
    await expect(pipeline({ retryDelayInMs: 30_000 })(`${server.url}/r`, { signal: controller.signal })).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('retryOptions validation', () => {
  test.each([
    [{ maxRetries: -1 }, RangeError, /retryOptions\.maxRetries/],
    [{ maxRetries: 1.5 }, RangeError, /retryOptions\.maxRetries/],
    [{ retryDelayInMs: Number.NaN }, RangeError, /retryOptions\.retryDelayInMs/],
    [{ maxRetryDelayInMs: Infinity }, RangeError, /retryOptions\.maxRetryDelayInMs/],
    [{ maxRetries: '3' }, TypeError, /retryOptions\.maxRetries/],
  ])('%j is refused', (retryOptions, type, message) => {
    expect(() => pipeline(retryOptions as RetryOptions)).toThrow(type);
    expect(() => pipeline(retryOptions as RetryOptions)).toThrow(message);
  });

  test('tryTimeoutInMs must be positive', () => {
    expect(() => pipeline({}, { tryTimeoutInMs: 0 })).toThrow(/tryTimeoutInMs/);
  });
});
