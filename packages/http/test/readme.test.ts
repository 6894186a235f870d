import { readFileSync } from 'node:fs';
import type { TokenCredential } from '@azure/core-auth';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { createPipeline, getRequestIds, isNotFoundError } from '@azlro/http';
import { fakeCredential } from './helpers.js';

/** The README's example, verbatim between the markers: the README test below keeps the two identical. */
async function readmeExample(endpoint: string, credential: TokenCredential, print: (...values: unknown[]) => void) {
  const console = { log: print };
  const subscriptionId = '00000000-0000-0000-0000-000000000000';
  const resourceGroupName = 'rg-prod';
  // snippet:start
  const pipeline = createPipeline({
    endpoint,
    credential,
    scopes: 'https://management.azure.com/.default',
    userAgent: { packageName: 'containerservice', packageVersion: '0.1.0' },
  });

  const url = `${endpoint}/subscriptions/${subscriptionId}/resourcegroups/${encodeURIComponent(resourceGroupName)}?api-version=2021-04-01`;
  try {
    const response = await pipeline(url); // retried, authenticated, logged; non-2xx throws ApiError
    const group = (await response.json()) as { location: string };
    console.log(group.location, getRequestIds(response).requestId);
  } catch (error) {
    if (!isNotFoundError(error)) throw error;
    console.log(`no such group (request ${error.requestId})`);
  }
  // snippet:end
}

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());

const path = '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-prod';

describe('README example', () => {
  test('runs: found, then not found', async () => {
    server.route('GET', path, [
      { json: { location: 'westeurope' }, headers: { 'x-ms-request-id': 'r-1' } },
      { status: 404, json: { error: { code: 'ResourceGroupNotFound', message: "Resource group 'rg-prod' could not be found." } }, headers: { 'x-ms-request-id': 'r-2' } },
    ]);
    const printed: unknown[][] = [];
    await readmeExample(server.url, fakeCredential(), (...values) => printed.push(values));
    await readmeExample(server.url, fakeCredential(), (...values) => printed.push(values));
    expect(printed).toEqual([['westeurope', 'r-1'], ['no such group (request r-2)']]);
    expect(server.requests[0]?.headers.authorization).toMatch(/^Bearer /);
  });

  test('README.md shows exactly this snippet', () => {
    const source = readFileSync(new URL(import.meta.url), 'utf8');
    const snippet = /\/\/ snippet:start\n([\s\S]*?)\n\s*\/\/ snippet:end/.exec(source)![1]!.replace(/^ {2}/gm, '');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(snippet);
  });
});
