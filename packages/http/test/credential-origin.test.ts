import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { createPipeline, CredentialOriginError, isApiError, SharedKeyCredential } from '@azlro/http';
import { countingFetch, fakeCredential, userAgent } from './helpers.js';

let home: TestServer;
let elsewhere: TestServer;
beforeAll(async () => {
  home = await startTestServer();
  elsewhere = await startTestServer();
});
afterAll(async () => {
  await home.close();
  await elsewhere.close();
});
beforeEach(() => {
  home.reset();
  elsewhere.reset();
});

const SCOPE = 'https://management.azure.com/.default';

describe('where a credential may go', () => {
  test('a credentialed request to another origin is refused before anything is sent', async () => {
    elsewhere.route('GET', '/x', { json: {} });
    const credential = fakeCredential();
    const pipeline = createPipeline({ endpoint: home.url, credential, scopes: SCOPE, userAgent });
    const error = await pipeline(`${elsewhere.url}/x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialOriginError);
    expect((error as CredentialOriginError).origin).toBe(elsewhere.origin);
    expect(elsewhere.requests).toHaveLength(0);
    expect(credential.calls).toHaveLength(0); // not even a token was fetched
  });

  test('localhost and 127.0.0.1 are different origins', async () => {
    const pipeline = createPipeline({ endpoint: home.url, credential: fakeCredential(), scopes: SCOPE, userAgent });
    await expect(pipeline(`http://localhost:${home.port}/x`)).rejects.toBeInstanceOf(CredentialOriginError);
    expect(home.requests).toHaveLength(0);
  });

  test('an origin in allowedCredentialOrigins receives the credential', async () => {
    elsewhere.route('GET', '/x', { json: {} });
    const credential = fakeCredential();
    const pipeline = createPipeline({ endpoint: home.url, credential, scopes: SCOPE, userAgent, allowedCredentialOrigins: [`${elsewhere.url}/ignored-path`] });
    await pipeline(`${elsewhere.url}/x`);
    expect(elsewhere.requests[0]?.headers.authorization).toBe(`Bearer ${credential.issued[0]}`);
  });

  test('Shared Key is held to the same rule', async () => {
    const pipeline = createPipeline({ endpoint: home.url, credential: new SharedKeyCredential('acct', 'a2V5'), userAgent });
    await expect(pipeline(`${elsewhere.url}/x`, { method: 'POST' })).rejects.toBeInstanceOf(CredentialOriginError);
    expect(elsewhere.requests).toHaveLength(0);
  });

  test("a caller's own Authorization header is held to the rule even without a pipeline credential", async () => {
    const pipeline = createPipeline({ endpoint: home.url, userAgent });
    await expect(pipeline(`${elsewhere.url}/x`, { headers: { authorization: 'Bearer handmade' } })).rejects.toBeInstanceOf(CredentialOriginError);
    expect(elsewhere.requests).toHaveLength(0);
  });

  test('without any credential, other origins are fine', async () => {
    elsewhere.route('GET', '/x', { json: {} });
    const response = await createPipeline({ endpoint: home.url, userAgent })(`${elsewhere.url}/x`);
    expect(response.status).toBe(200);
    expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
  });

  test('a redirect is never followed: it surfaces as an ApiError and the target sees nothing', async () => {
    home.route('GET', '/moved', { status: 307, headers: { location: `${elsewhere.url}/steal` } });
    elsewhere.route('GET', '/steal', { json: {} });
    const pipeline = createPipeline({ endpoint: home.url, credential: fakeCredential(), scopes: SCOPE, userAgent });
    const error = await pipeline(`${home.url}/moved`).catch((e: unknown) => e);
    expect(isApiError(error) && [error.status, error.kind]).toEqual([307, 'redirect']);
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe('plain http', () => {
  test('a credential over http to a non-loopback host is refused when the pipeline is created', () => {
    const transport = countingFetch();
    for (const endpoint of ['http://example.com', 'http://10.0.0.1:8080', 'http://127.example.com']) {
      expect(() => createPipeline({ endpoint, credential: fakeCredential(), scopes: SCOPE, userAgent, fetch: transport })).toThrow(
        expect.objectContaining({ name: 'RangeError', message: expect.stringMatching(/^endpoint must use https/) }),
      );
    }
    expect(() => createPipeline({ endpoint: 'https://ok.example', credential: fakeCredential(), scopes: SCOPE, userAgent, allowedCredentialOrigins: ['http://login.example'] }))
      .toThrow(/allowedCredentialOrigins\[0\] must use https/);
    expect(transport.calls).toHaveLength(0);
  });

  test('loopback hosts over http are allowed (127.0.0.0/8, [::1], localhost) and https anywhere', () => {
    for (const endpoint of ['http://127.0.0.1:1', 'http://127.1.2.3', 'http://[::1]:8080', 'http://localhost:3000', 'https://example.com']) {
      expect(() => createPipeline({ endpoint, credential: fakeCredential(), scopes: SCOPE, userAgent })).not.toThrow();
    }
  });

  test('without a credential, http anywhere is allowed', () => {
    expect(() => createPipeline({ endpoint: 'http://example.com', userAgent })).not.toThrow();
  });
});

describe('endpoint validation', () => {
  test.each(['not a url', '/relative', 'ftp://example.com', 'file:///etc/passwd', ''])('%j is a TypeError naming endpoint', (endpoint) => {
    expect(() => createPipeline({ endpoint, userAgent })).toThrow(expect.objectContaining({ name: 'TypeError', message: expect.stringMatching(/^endpoint /) }));
  });

  // Operation paths are appended to the endpoint: https://acct/?x=1 would send …/?x=1/certificates(…)/canceldelete.
  test.each(['https://acct.example/?x=1', 'https://acct.example#frag', 'https://acct.example/?'])('%j (a query or fragment) is a RangeError naming endpoint, before anything is sent', (endpoint) => {
    let sent = 0;
    expect(() => createPipeline({ endpoint, userAgent, fetch: async () => (sent++, new Response()) })).toThrow(
      expect.objectContaining({ name: 'RangeError', message: expect.stringMatching(/^endpoint must have no query or fragment/) }),
    );
    expect(sent).toBe(0);
  });

  // The value is echoed so the caller sees the typo, but a mistyped SAS URL or userinfo must not put its secret in the message.
  test.each([
    ['endpoint', { endpoint: 'htps://acct.example/?sig=SECRETSIG' }],
    ['endpoint', { endpoint: 'https//user:SECRETPW@host.example' }],
    ['endpoint', { endpoint: 'Bearer eyJhbGciOiJub25lIn0.eyJTRUNSRVQiOjF9.c2ln' }],
    ['allowedCredentialOrigins[0]', { endpoint: 'https://host.example', allowedCredentialOrigins: ['login.example?code=SECRETCODE'] }],
  ])('a mistyped %s names it without its secrets', (name, options) => {
    const error = (() => {
      try {
        createPipeline({ userAgent, ...options });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toMatchObject({ name: 'TypeError', message: expect.stringMatching(new RegExp(`^${name.replace(/[[\]]/g, '\\$&')} `)) });
    expect(error!.message).toContain('REDACTED');
    expect(error!.message).not.toMatch(/SECRET|eyJ/);
  });

  test('a non-string endpoint is a TypeError naming endpoint', () => {
    expect(() => createPipeline({ endpoint: 42 as unknown as string, userAgent })).toThrow(/^endpoint must be a string/);
  });
});
