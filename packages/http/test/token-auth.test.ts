import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { createPipeline, isApiError, type ApiError } from '@azlro/http';
import { ManualClock } from '@azlro/http/testing';
import { base64Json, fakeCredential, userAgent } from './helpers.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const SCOPE = 'https://management.azure.com/.default';
// Where time matters, the credential and the pipeline share a ManualClock: token lifetimes and the
// credential's latency pass only when a test moves time, so no test here waits for real time.
const pipelineFor = (credential: ReturnType<typeof fakeCredential>, clock?: ManualClock) =>
  createPipeline({ endpoint: server.url, credential, scopes: SCOPE, userAgent, retryOptions: { maxRetries: 0 }, clock });
/** Lets pending promise and I/O callbacks run until `ready` holds (real requests to a loopback server take a few turns). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((r) => setImmediate(r));
}
const auth = (i: number) => server.requests[i]?.headers.authorization;

describe('bearer token', () => {
  test('sends Bearer <token> for the requested scopes, fetching the token once for many calls', async () => {
    server.route('GET', '/r', { json: {} });
    const credential = fakeCredential();
    const pipeline = pipelineFor(credential);
    for (let i = 0; i < 3; i++) await pipeline(`${server.url}/r`);
    expect(credential.calls).toHaveLength(1);
    expect(credential.calls[0]?.scopes).toEqual([SCOPE]);
    expect(credential.calls[0]?.options?.abortSignal).toBeInstanceOf(AbortSignal);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(Array(3).fill(`Bearer ${credential.issued[0]}`));
  });

  test('concurrent calls share one in-flight token request', async () => {
    server.route('GET', '/r', { json: {} });
    const clock = new ManualClock();
    const credential = fakeCredential({ latencyInMs: 50, clock });
    const pipeline = pipelineFor(credential, clock);
    const calls = Array.from({ length: 5 }, () => pipeline(`${server.url}/r`));
    await until(() => clock.pendingCount === 1);
    expect(server.requests).toHaveLength(0); // all five wait for the one token
    await clock.advance(50);
    await Promise.all(calls);
    expect(credential.calls).toHaveLength(1);
    expect(server.requests).toHaveLength(5);
    expect(new Set(server.requests.map((r) => r.headers.authorization)).size).toBe(1);
  });

  test('a caller aborting the shared refresh it started does not fail the others', async () => {
    server.route('GET', '/r', { json: {} });
    const clock = new ManualClock();
    const credential = fakeCredential({ latencyInMs: 100, clock });
    const pipeline = pipelineFor(credential, clock);
    const reason = new Error('first caller gave up');
    const controller = new AbortController();
    const first = pipeline(`${server.url}/r`, { signal: controller.signal });
    const second = pipeline(`${server.url}/r`);
    await until(() => clock.pendingCount === 1); // the refresh the first caller started is under way
    controller.abort(reason);
    await expect(first).rejects.toBe(reason);
    await until(() => credential.calls.length === 2); // the second caller asks again, for itself
    await clock.advance(100);
    expect((await second).status).toBe(200);
    expect(server.requests).toHaveLength(1);
  });

  test('refreshes a token within 2 minutes of expiry, and not before', async () => {
    server.route('GET', '/r', { json: {} });
    const clock = new ManualClock();
    const credential = fakeCredential({ lifetimeInMs: 10 * 60_000, clock });
    const pipeline = pipelineFor(credential, clock);
    await pipeline(`${server.url}/r`);
    await clock.advance(8 * 60_000 - 1); // 2 min + 1 ms before expiry: still fresh
    await pipeline(`${server.url}/r`);
    expect(credential.calls).toHaveLength(1);
    await clock.advance(1); // exactly 2 min before expiry
    await pipeline(`${server.url}/r`);
    expect(credential.calls).toHaveLength(2);
    expect(auth(2)).toBe(`Bearer ${credential.issued[1]}`);
  });

  test('refreshes once refreshAfterTimestamp has passed, even long before expiry', async () => {
    server.route('GET', '/r', { json: {} });
    const clock = new ManualClock();
    const credential = fakeCredential({ refreshAfterInMs: 30, clock });
    const pipeline = pipelineFor(credential, clock);
    await pipeline(`${server.url}/r`);
    await clock.advance(29);
    await pipeline(`${server.url}/r`);
    expect(credential.calls).toHaveLength(1);
    await clock.advance(1);
    await pipeline(`${server.url}/r`);
    expect(credential.calls).toHaveLength(2);
    expect(auth(2)).toBe(`Bearer ${credential.issued[1]}`);
  });

  test('keeps using a still-valid token when an early refresh fails', async () => {
    server.route('GET', '/r', { json: {} });
    let failing = false;
    const credential = fakeCredential({ refreshAfterInMs: 0, fail: () => failing });
    const pipeline = pipelineFor(credential);
    await pipeline(`${server.url}/r`);
    failing = true;
    await pipeline(`${server.url}/r`);
    expect(credential.calls).toHaveLength(2);
    expect(auth(1)).toBe(`Bearer ${credential.issued[0]}`);
  });

  test('a CAE claims challenge on 401 gets one refresh with the decoded claims and one resend', async () => {
    const claims = { access_token: { nbf: { essential: true, value: '1700000000' } } };
    server.route('GET', '/r', [
      { status: 401, headers: { 'www-authenticate': `Bearer authorization_uri="https://login.example/", error="insufficient_claims", claims="${base64Json(claims)}"` } },
      { json: { ok: true } },
    ]);
    const credential = fakeCredential();
    const response = await pipelineFor(credential)(`${server.url}/r`);
    expect(await response.json()).toEqual({ ok: true });
    expect(credential.calls).toHaveLength(2);
    expect(credential.calls[1]?.options?.claims).toBe(JSON.stringify(claims));
    expect(auth(0)).toBe(`Bearer ${credential.issued[0]}`);
    expect(auth(1)).toBe(`Bearer ${credential.issued[1]}`);
  });

  test('a second claims challenge is not answered again: the 401 surfaces as an ApiError', async () => {
    server.route('GET', '/r', { status: 401, headers: { 'www-authenticate': `Bearer claims="${base64Json({ a: 1 })}"` } });
    const credential = fakeCredential();
    const error = await pipelineFor(credential)(`${server.url}/r`).catch((e: unknown) => e);
    expect(isApiError(error) && error.kind).toBe('unauthorized');
    expect(server.requests).toHaveLength(2);
    expect(credential.calls).toHaveLength(2);
  });

  test('a 401 without claims is not retried and the token is not refetched', async () => {
    server.route('GET', '/r', { status: 401, headers: { 'www-authenticate': 'Bearer authorization_uri="https://login.example/"' } });
    const credential = fakeCredential();
    const error = (await pipelineFor(credential)(`${server.url}/r`).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(server.requests).toHaveLength(1);
    expect(credential.calls).toHaveLength(1);
  });

  // Headers.set refuses a value with a line break or NUL with a TypeError that quotes it: "Bearer <token>".
  test.each([
    ['a line break', 'eyJhbGciOiJub25lIn0.SECRET-first-line\nSECRET-second-line'],
    ['a NUL', 'eyJhbGciOiJub25lIn0.SECRET-part\0SECRET-rest'],
    ['a non-Latin-1 character', 'eyJhbGciOiJub25lIn0.SECRET-part€'],
  ])('a token with %s is refused without quoting it, and nothing is sent', async (_, token) => {
    const credential = { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const error = (await createPipeline({ endpoint: server.url, credential, scopes: SCOPE, userAgent })(`${server.url}/r`).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/^The credential returned an access token that cannot be sent in a header/);
    expect(error.message).not.toContain('SECRET');
    expect(server.requests).toHaveLength(0);
  });

  test('a TokenCredential without scopes is refused when the pipeline is created', () => {
    expect(() => createPipeline({ endpoint: server.url, credential: fakeCredential(), userAgent })).toThrow(
      expect.objectContaining({ name: 'TypeError', message: expect.stringContaining('scopes') }),
    );
  });

  test('a credential that is neither kind is refused', () => {
    const credential = {} as unknown as ReturnType<typeof fakeCredential>;
    expect(() => createPipeline({ endpoint: server.url, credential, scopes: SCOPE, userAgent })).toThrow(/credential must be/);
  });
});
