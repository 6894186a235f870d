// Input checks and path safety, against a real loopback server that records what reaches it.
import fc from 'fast-check';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { sendAbortLatestOperation, createContainerServiceClient, getCommandResult } from '../src/index.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = () => createContainerServiceClient({ endpoint: server.url, retryOptions: { maxRetries: 0 } });
const cluster = { subscriptionId: '00000000-0000-0000-0000-000000000000', resourceGroupName: 'rg1', resourceName: 'clustername1' };

describe('bad input is refused before anything is sent, naming the parameter', () => {
  test.each([
    ['subscriptionId', { ...cluster, subscriptionId: 'not-a-uuid' }, RangeError],
    ['subscriptionId', { ...cluster, subscriptionId: 42 }, TypeError],
    ['resourceGroupName', { ...cluster, resourceGroupName: '' }, RangeError],
    ['resourceGroupName', { ...cluster, resourceGroupName: 'x'.repeat(91) }, RangeError],
    ['resourceGroupName', { ...cluster, resourceGroupName: 'ends-with.' }, RangeError],
    ['resourceName', { ...cluster, resourceName: '-dash-first' }, RangeError],
    ['resourceName', { ...cluster, resourceName: 'a'.repeat(64) }, RangeError],
  ])('%s: %j', async (name, params, errorType) => {
    const call = () => sendAbortLatestOperation(client(), params as typeof cluster);
    expect(call).toThrow(errorType);
    expect(call).toThrow(name);
    expect(server.requests).toHaveLength(0);
  });

  test('params must be an object', () => {
    expect(() => sendAbortLatestOperation(client(), undefined as never)).toThrow(/params must be an object/);
  });

  test.each(['', '.', '..'])('commandId %j', async (commandId) => {
    await expect(getCommandResult(client(), { ...cluster, commandId })).rejects.toThrow(/commandId/);
    expect(server.requests).toHaveLength(0);
  });
});

// 200 real requests to a loopback server: ~1.5 s alone, but past vitest's 15 s on a loaded 2-core CI
// machine; what these prove is where each request lands, not how fast, so they get a generous limit.
const PROPERTY_TEST_TIMEOUT_IN_MS = 120_000;

describe('no input can change which resource a request reaches', () => {
  const prefix = `/subscriptions/${cluster.subscriptionId}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1/commandResults/`;

  test('commandId: any accepted string lands, encoded, in exactly its own path segment', async () => {
    const c = client();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 0, maxLength: 20 }), async (commandId) => {
        server.reset();
        server.route('GET', '*', { status: 202 });
        let accepted = true;
        try {
          await getCommandResult(c, { ...cluster, commandId });
        } catch (error) {
          accepted = false;
          expect(error).toSatisfy((e: unknown) => e instanceof TypeError || e instanceof RangeError);
          expect(String(error)).toContain('commandId');
        }
        if (!accepted) {
          expect(server.requests).toHaveLength(0);
          return;
        }
        expect(server.requests).toHaveLength(1);
        const { path, url } = server.requests[0]!;
        expect(path.startsWith(prefix)).toBe(true);
        const segment = path.slice(prefix.length);
        expect(segment).not.toContain('/');
        expect(decodeURIComponent(segment)).toBe(commandId);
        expect(new URL(url, server.url).searchParams.get('api-version')).toBe('2024-09-01');
      }),
      { numRuns: 200 },
    );
  }, PROPERTY_TEST_TIMEOUT_IN_MS);
});
