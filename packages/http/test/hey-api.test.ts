import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { ApiError, createPipeline } from '@azlro/http';
import { fakeCredential, userAgent } from './helpers.js';

/** The fetch client runtime that @hey-api/openapi-ts copies into every generated client. */
interface HeyApiClient {
  get(options: { url: string; query?: Record<string, unknown> }): Promise<{ data: unknown; response: Response }>;
  post(options: { url: string; body?: unknown; headers?: Record<string, string> }): Promise<{ data: unknown; response: Response }>;
}
async function createHeyApiClient(config: { baseUrl: string; fetch: typeof fetch; throwOnError: boolean }): Promise<HeyApiClient> {
  const runtime = new URL('../../../node_modules/@hey-api/openapi-ts/dist/clients/fetch/index.ts', import.meta.url).href;
  const module = (await import(/* @vite-ignore */ runtime)) as { createClient(c: typeof config): HeyApiClient };
  return module.createClient(config);
}

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());

describe('as the fetch of a hey-api client', () => {
  test('requests carry auth and ids, JSON bodies survive retries, errors arrive as ApiError', async () => {
    server.route('POST', '/things', [{ status: 503 }, { status: 201, json: { id: 1 } }]);
    server.route('GET', '/things/2', { status: 404, json: { error: { code: 'NotFound', message: 'no thing 2' } } });
    const credential = fakeCredential();
    const pipeline = createPipeline({ endpoint: server.url, credential, scopes: 's/.default', userAgent, retryOptions: { retryDelayInMs: 5 } });
    const client = await createHeyApiClient({ baseUrl: server.url, fetch: pipeline, throwOnError: true });

    const created = await client.post({ url: '/things', body: { name: 'a' }, headers: { 'content-type': 'application/json' } });
    expect(created.data).toEqual({ id: 1 });
    expect(server.requests.map((r) => r.body)).toEqual(['{"name":"a"}', '{"name":"a"}']);
    expect(server.requests[1]?.headers.authorization).toBe(`Bearer ${credential.issued[0]}`);

    const error = await client.get({ url: '/things/2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'NotFound', kind: 'notFound' });
  });
});
