import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { ApiError, createPipeline, isApiError, NetworkError, RequestTimeoutError, type RetryOptions } from '@azlro/http';
import { ManualClock } from '@azlro/http/testing';
import { arrivalGaps, closedPort, countingFetch, userAgent } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Waits run on a ManualClock that moves itself forward: no test here sleeps through a backoff. */
const pipeline = (retryOptions: RetryOptions = { retryDelayInMs: 10 }, extra: { tryTimeoutInMs?: number; fetch?: typeof fetch; clock?: ManualClock } = {}) =>
  createPipeline({ endpoint: server.url, userAgent, retryOptions, clock: new ManualClock({ autoAdvance: true }), ...extra });

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
    const clock = new ManualClock({ autoAdvance: true });
    const error = await createPipeline({ endpoint: `http://127.0.0.1:${port}`, userAgent, fetch: transport, clock, retryOptions: { maxRetries: 2, retryDelayInMs: 5 } })(
      `http://127.0.0.1:${port}/r`, { method: 'POST' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(transport.calls).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
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

// Every wait is on a ManualClock that moves itself forward whenever the policy sleeps: the tests
// read the delays the policy asked for (clock.sleeps) and the arrivals on that same clock, exactly,
// and take no real time however long the waits are.
describe('how long it waits', () => {
  /** A clock for one test, the server's arrival times read from it. */
  function virtualTime(): ManualClock {
    const clock = new ManualClock({ autoAdvance: true });
    server.reset({ clock });
    return clock;
  }

  test('exponential backoff with jitter: 3 retries at retryDelayInMs=100 wait 100, 200, 400 ms, each ±20%', async () => {
    const clock = virtualTime();
    server.route('GET', '/r', [{ status: 503 }, { status: 503 }, { status: 503 }, { json: {} }]);
    await pipeline({ retryDelayInMs: 100 }, { clock })(`${server.url}/r`);
    expect(clock.sleeps).toHaveLength(3);
    [100, 200, 400].forEach((base, i) => {
      expect(clock.sleeps[i]).toBeGreaterThanOrEqual(base * 0.8);
      expect(clock.sleeps[i]).toBeLessThanOrEqual(base * 1.2);
    });
    expect(arrivalGaps(server)).toEqual(clock.sleeps); // each retry went out when its wait ended, not before
  });

  test('the jitter varies: not every retry of many waits the same', async () => {
    const clock = virtualTime();
    server.route('GET', '/r', { status: 503 });
    for (let i = 0; i < 5; i++) await pipeline({ maxRetries: 1, retryDelayInMs: 1_000 }, { clock })(`${server.url}/r`).catch(() => {});
    expect(clock.sleeps).toHaveLength(5);
    expect(new Set(clock.sleeps).size).toBeGreaterThan(1);
  });

  test('the backoff is capped by maxRetryDelayInMs', async () => {
    const clock = virtualTime();
    server.route('GET', '/r', [{ status: 500 }, { status: 500 }, { json: {} }]);
    await pipeline({ retryDelayInMs: 10_000, maxRetryDelayInMs: 50 }, { clock })(`${server.url}/r`);
    expect(clock.sleeps).toHaveLength(2);
    for (const wait of clock.sleeps) expect(wait).toBeLessThanOrEqual(50);
  });

  test('a 429 without any delay header still backs off exponentially', async () => {
    const clock = virtualTime();
    server.route('GET', '/r', [{ status: 429 }, { json: {} }]);
    await pipeline({ retryDelayInMs: 150 }, { clock })(`${server.url}/r`);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(120);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(180);
  });

  test('retry-after-ms wins over x-ms-retry-after-ms and Retry-After', async () => {
    const clock = virtualTime();
    server.route('GET', '/r', [{ status: 503, headers: { 'retry-after-ms': '120', 'x-ms-retry-after-ms': '3000', 'retry-after': '5' } }, { json: {} }]);
    await pipeline({ retryDelayInMs: 5_000 }, { clock })(`${server.url}/r`);
    expect(clock.sleeps).toEqual([120]);
    expect(arrivalGaps(server)).toEqual([120]);
  });

  test('x-ms-retry-after-ms wins over Retry-After', async () => {
    const clock = virtualTime();
    server.route('GET', '/r', [{ status: 429, headers: { 'x-ms-retry-after-ms': '150', 'retry-after': '5' } }, { json: {} }]);
    await pipeline({ retryDelayInMs: 5_000 }, { clock })(`${server.url}/r`);
    expect(clock.sleeps).toEqual([150]);
  });

  test('Retry-After in seconds is honoured exactly (no jitter, not the backoff)', async () => {
    const clock = virtualTime();
    server.route('POST', '/r', [{ status: 429, headers: { 'retry-after': '1' } }, { status: 202 }]);
    await pipeline({ retryDelayInMs: 5 }, { clock })(`${server.url}/r`, { method: 'POST' });
    expect(clock.sleeps).toEqual([1_000]);
    expect(arrivalGaps(server)).toEqual([1_000]);
  });

  test('Retry-After as an HTTP-date waits until that date on the clock', async () => {
    const clock = new ManualClock({ autoAdvance: true, epochAtStart: Date.UTC(2026, 0, 1, 12, 0, 0) });
    server.reset({ clock });
    server.route('GET', '/r', [{ status: 503, headers: { 'retry-after': 'Thu, 01 Jan 2026 12:00:07 GMT' } }, { json: {} }]);
    await pipeline({ retryDelayInMs: 5 }, { clock })(`${server.url}/r`);
    expect(clock.sleeps).toEqual([7_000]);
  });

  test('a server delay is honoured exactly even when longer than the backoff cap', async () => {
    const clock = virtualTime();
    server.route('GET', '/r', [{ status: 503, headers: { 'retry-after-ms': '300' } }, { json: {} }]);
    await pipeline({ retryDelayInMs: 5, maxRetryDelayInMs: 1_000 }, { clock })(`${server.url}/r`);
    expect(clock.sleeps).toEqual([300]);
  });

  test('a server delay beyond maxRetryDelayInMs is not retried early: the 429 surfaces at once', async () => {
    const clock = virtualTime();
    server.route('GET', '/r', [{ status: 429, headers: { 'retry-after': '30' } }, { json: {} }]);
    const error = await pipeline({ retryDelayInMs: 5, maxRetryDelayInMs: 100 }, { clock })(`${server.url}/r`).catch((e: unknown) => e);
    expect(isApiError(error) && error.kind).toBe('throttled');
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]); // not a moment waited
  });
});

describe('timeouts and aborts', () => {
  // tryTimeoutInMs bounds a real network attempt, so it runs on real timers (a listed exception to
  // "no real waits"): 1 s where the retry must then succeed (a loaded machine never needs that long
  // for a loopback answer), 50 ms where no attempt is meant to succeed; generous bounds on purpose.
  test('tryTimeoutInMs ends a slow attempt and a GET is retried', async () => {
    server.route('GET', '/r', [{ delayInMs: 30_000, json: { slow: true } }, { json: { fast: true } }]);
    const started = performance.now();
    const response = await pipeline({ retryDelayInMs: 5 }, { tryTimeoutInMs: 1_000 })(`${server.url}/r`);
    expect(await response.json()).toEqual({ fast: true });
    expect(server.requests).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(15_000); // well before the 30 s answer
  });

  test('a timed-out POST is not retried and rejects with RequestTimeoutError', async () => {
    server.route('POST', '/r', [{ delayInMs: 2_000, status: 202 }, { status: 202 }]);
    const error = await pipeline({ retryDelayInMs: 5 }, { tryTimeoutInMs: 50 })(`${server.url}/r`, { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ method: 'POST', timeoutInMs: 50 });
    expect(server.requests).toHaveLength(1);
  });

  test('a caller abort during an attempt rejects with its reason and is not retried', async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    // The caller gives up once the request has reached the server, which holds its answer.
    server.route('GET', '/r', [() => (controller.abort(reason), { delayInMs: 2_000, json: {} }), { json: {} }]);
    await expect(pipeline()(`${server.url}/r`, { signal: controller.signal })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  test('a caller abort during the backoff wait rejects at once with its reason', async () => {
    const clock = new ManualClock(); // time stands still: the 30 s wait never ends by itself
    server.route('GET', '/r', { status: 503 });
    const controller = new AbortController();
    const reason = new Error('stop waiting');
    const waiting = pipeline({ retryDelayInMs: 30_000 }, { clock })(`${server.url}/r`, { signal: controller.signal }).catch((e: unknown) => e);
    while (clock.pendingCount === 0) await new Promise((r) => setImmediate(r));
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(24_000);
    controller.abort(reason);
    expect(await waiting).toBe(reason);
    expect(clock.pendingCount).toBe(0); // the wait's timer is gone
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

  // Each was taken as it was: a logger without methods failed mid-request ("target(...)[level] is not a
  // function"), a string of origins or a null retryOptions failed with the engine's words, a number
  // for retryOptions or a string for returnClientRequestId was silently read as something else.
  test.each([
    [{ logger: {} }, TypeError, /^logger must have verbose, info, warning and error functions/],
    [{ logger: 'debug' }, TypeError, /^logger must have/],
    [{ allowedCredentialOrigins: 'https://login.example' }, TypeError, /^allowedCredentialOrigins must be an array/],
    [{ retryOptions: null }, TypeError, /^retryOptions must be an object/],
    [{ retryOptions: 5 }, TypeError, /^retryOptions must be an object/],
    [{ returnClientRequestId: 'yes' }, TypeError, /^returnClientRequestId must be a boolean/],
  ])('%j is refused, naming the option, before anything is sent', (options, type, message) => {
    const create = () => createPipeline({ endpoint: server.url, userAgent, ...(options as object) });
    expect(create).toThrow(type);
    expect(create).toThrow(message);
    expect(server.requests).toHaveLength(0);
  });

  test('tryTimeoutInMs must be positive', () => {
    expect(() => pipeline({}, { tryTimeoutInMs: 0 })).toThrow(/tryTimeoutInMs/);
  });
});
