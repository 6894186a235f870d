// Issue 10 at the HTTP layer: delay hints that are zero, negative, past or garbage (item 1), a
// stalled attempt (item 5), resendable operations on 5xx (item 10), what an error message says
// about an HTML page, a redirect and control characters (items 9-11). Real loopback servers; time
// through a ManualClock, so every delay asserted is the one the policy asked for.
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { createPipeline, type AzlroLogger, type RetryOptions } from '@azlro/http';
import { escapeControl, markResendable } from '@azlro/http/internal';
import { ManualClock } from '@azlro/http/testing';
import { apiErrorFromResponse } from '../src/errors/from-response.js';
import { userAgent } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

function recordingLogger(): AzlroLogger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (m: string) => void lines.push(`${level} ${m}`);
  return { lines, verbose: at('verbose'), info: at('info'), warning: at('warning'), error: at('error') };
}

function pipeline(clock: ManualClock, retryOptions: RetryOptions = {}, extra: { tryTimeoutInMs?: number; logger?: AzlroLogger } = {}) {
  return createPipeline({ endpoint: server.url, userAgent, clock, retryOptions: { retryDelayInMs: 800, ...retryOptions }, ...extra });
}

describe('a delay hint that is zero, in the past or not valid never means "resend now"', () => {
  test.each([
    ['0'],
    ['-5'],
    ['Wed, 21 Oct 2015 07:28:00 GMT'],
    ['soon'],
    ['1e3'],
  ])('429 with Retry-After: %s waits the backoff (640-960 ms for the first retry), not 0', async (value) => {
    server.route('GET', '/r', [{ status: 429, headers: { 'retry-after': value } }, { json: {} }]);
    const clock = new ManualClock({ autoAdvance: true });
    const log = recordingLogger();
    await pipeline(clock, {}, { logger: log })(`${server.url}/r`);
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(640);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(960);
    if (!/^(0|Wed.*)$/.test(value)) expect(log.lines.join('\n')).toContain(`ignoring invalid delay header retry-after: ${value}`);
  });

  test.each([
    ['retry-after-ms', '0.001'],
    ['retry-after-ms', '0.999'],
    ['x-ms-retry-after-ms', '0.5'],
  ])('503 with %s: %s (under a timer tick: a resend at once) waits the backoff too', async (header, value) => {
    server.route('POST', '/r', [{ status: 503, headers: { [header]: value } }, { status: 202 }]);
    const clock = new ManualClock({ autoAdvance: true });
    await pipeline(clock)(`${server.url}/r`, { method: 'POST' });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(640);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(960);
  });

  test('retry-after-ms: 1 is a real delay, honoured exactly', async () => {
    server.route('GET', '/r', [{ status: 503, headers: { 'retry-after-ms': '1' } }, { json: {} }]);
    const clock = new ManualClock({ autoAdvance: true });
    await pipeline(clock)(`${server.url}/r`);
    expect(clock.sleeps).toEqual([1]);
  });

  test('a valid hint is honoured exactly; a repeated one (fetch joins it as "20, 20") waits the largest and is logged', async () => {
    server.route('GET', '/r', [{ status: 503, headers: { 'retry-after': ['2', '7'] } as Record<string, string | string[]> }, { status: 503, headers: { 'retry-after': '3' } }, { json: {} }]);
    const clock = new ManualClock({ autoAdvance: true });
    const log = recordingLogger();
    await pipeline(clock, {}, { logger: log })(`${server.url}/r`);
    expect(clock.sleeps).toEqual([7000, 3000]);
    expect(log.lines.filter((l) => l.includes('sent more than once'))).toHaveLength(1);
  });

  test('a hint past maxRetryDelayInMs is not waited for: the 503 surfaces at once', async () => {
    server.route('GET', '/r', [{ status: 503, headers: { 'retry-after': '3000000' } }, { json: {} }]);
    const clock = new ManualClock({ autoAdvance: true });
    await expect(pipeline(clock)(`${server.url}/r`)).rejects.toMatchObject({ status: 503 });
    expect(clock.sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  // The ApiError is a plain 503: without a line saying why it was not retried, a verbose log showed
  // one attempt and an error, nothing about the 50-minute delay that stopped the retry.
  test('a hint past maxRetryDelayInMs is reported: a warning names the delay and the cap', async () => {
    server.route('GET', '/r', [{ status: 503, headers: { 'retry-after': '3000' } }, { json: {} }]);
    const log = recordingLogger();
    await expect(pipeline(new ManualClock({ autoAdvance: true }), {}, { logger: log })(`${server.url}/r?sig=s3cr3t`)).rejects.toMatchObject({ status: 503 });
    expect(log.lines.filter((l) => l.startsWith('warning'))).toEqual([
      `warning not retrying GET ${server.url}/r?sig=REDACTED after status 503: the server asked for 3000000ms (retry-after), more than maxRetryDelayInMs 60000`,
    ]);
  });
});

describe('resendable operations (markResendable) are resent like a GET', () => {
  test.each([500, 502, 504])('POST marked resendable: %i, then 202 -> 202 after 2 requests', async (status) => {
    server.route('POST', '/abort', [{ status }, { status: 202 }]);
    const clock = new ManualClock({ autoAdvance: true });
    const response = await pipeline(clock)(`${server.url}/abort`, { method: 'POST', headers: markResendable() });
    expect(response.status).toBe(202);
    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((r) => r.headers['x-azlro-resendable'])).toEqual([undefined, undefined]); // the mark never goes on the wire
  });

  test('an unmarked POST keeps the conservative rule: a 500 ends it after one request', async () => {
    server.route('POST', '/other', [{ status: 500 }, { status: 202 }]);
    await expect(pipeline(new ManualClock({ autoAdvance: true }))(`${server.url}/other`, { method: 'POST' })).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(1);
  });

  test('a stalled attempt is cut at tryTimeoutInMs and resent (GET, and a resendable POST)', async () => {
    server.route('GET', '/stall', [{ delayInMs: 5_000, json: {} }, { json: { ok: true } }]);
    server.route('POST', '/abort', [{ delayInMs: 5_000, status: 202 }, { status: 202 }]);
    const clock = new ManualClock({ autoAdvance: true });
    const send = pipeline(clock, {}, { tryTimeoutInMs: 150 });
    expect(await (await send(`${server.url}/stall`)).json()).toEqual({ ok: true });
    expect((await send(`${server.url}/abort`, { method: 'POST', headers: markResendable() })).status).toBe(202);
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST', 'POST']);
  });
});

describe('error messages name the request and summarise what came back', () => {
  const html = `<!DOCTYPE html><html><head><title>404 - File or directory not found.</title><style>body{}</style></head>
    <body><h1>Server Error</h1><p>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</p>${'<p>filler</p>'.repeat(500)}</body></html>`;

  test('a 404 HTML page becomes its title and a few words, not the page', async () => {
    server.route('GET', '/gone', { status: 404, headers: { 'content-type': 'text/html', 'x-ms-request-id': 'rid-404' }, body: html });
    const error = await pipeline(new ManualClock())(`${server.url}/gone`).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ApiError', status: 404, requestId: 'rid-404' });
    const message = (error as Error).message;
    expect(message).toBe(`GET ${server.url}/gone: 404: HTML page "404 - File or directory not found.": Server Error The resource you are looking for might have been removed, …`);
  });

  test('a refused redirect says where it pointed (origin only), not just "Found"', async () => {
    server.route('GET', '/r', { status: 302, headers: { location: 'https://elsewhere.example/path?sig=secret' } });
    const error = await pipeline(new ManualClock())(`${server.url}/r`).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`GET ${server.url}/r: 302: redirect to https://elsewhere.example refused (redirects are never followed, so a credential cannot leave its origin)`);
  });

  test('a non-string error code becomes a string', async () => {
    server.route('GET', '/r', { status: 400, json: { error: { code: 500, message: 'odd' } } });
    const error = await pipeline(new ManualClock())(`${server.url}/r`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '500', message: `GET ${server.url}/r: 400 500: odd` });
  });

  test('property: a service message never reaches the ApiError message with a control character', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 80 }), fc.boolean(), async (text, asHtml) => {
        const body = asHtml ? `<html><title>${text}</title><body>${text}</body></html>` : JSON.stringify({ error: { code: 'X', message: text } });
        const response = new Response(body, { status: 500, headers: { 'content-type': asHtml ? 'text/html' : 'application/json' } });
        const error = await apiErrorFromResponse('GET', 'https://h.example/p', response);
        expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      }),
      { numRuns: 100 },
    );
  });

  test('escapeControl shows what it escaped', () => {
    expect(escapeControl('a\u001b]0;pwned\u0007b\nc\u2028')).toBe('a\\x1b]0;pwned\\x07b\\x0ac\\u2028');
  });
});

describe('a plain 401 invalid_token mid-wait (item 11)', () => {
  function rotatingCredential() {
    let n = 0;
    return { calls: () => n, getToken: async () => ({ token: `token-${++n}-abcdefgh`, expiresOnTimestamp: Date.now() + 3_600_000 }) };
  }

  test('is resent once with a fresh token when the credential can refresh', async () => {
    server.route('GET', '/r', [{ status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="revoked"' } }, { json: { ok: true } }]);
    const credential = rotatingCredential();
    const send = createPipeline({ endpoint: server.url, userAgent, credential, scopes: 's/.default' });
    expect((await send(`${server.url}/r`)).status).toBe(200);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1-abcdefgh', 'Bearer token-2-abcdefgh']);
  });

  test('is returned as is when the credential hands out the same token, or without invalid_token', async () => {
    server.route('GET', '/r', { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });
    const same = { getToken: async () => ({ token: 'static-token-abcdefgh', expiresOnTimestamp: Date.now() + 3_600_000 }) };
    await expect(createPipeline({ endpoint: server.url, userAgent, credential: same, scopes: 's/.default' })(`${server.url}/r`)).rejects.toMatchObject({ status: 401 });
    expect(server.requests).toHaveLength(1);
    server.reset();
    server.route('GET', '/r', { status: 401 });
    await expect(createPipeline({ endpoint: server.url, userAgent, credential: rotatingCredential(), scopes: 's/.default' })(`${server.url}/r`)).rejects.toMatchObject({ status: 401 });
    expect(server.requests).toHaveLength(1);
  });
});
