import { readFileSync } from 'node:fs';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cancelOperation, createCloudPartnerClient } from '../src/index.js';

/** The README's example, verbatim between the markers: the last test keeps the two identical. */
async function readmeExample(endpoint: string, credential: TokenCredential, print: (...values: unknown[]) => void) {
  const console = { log: print };
  // snippet:start
  const partner = createCloudPartnerClient({ endpoint, credential });
  const offer = { publisherId: 'contoso', offerId: 'contoso-offer' };

  const { response } = await cancelOperation(partner, { ...offer, notificationEmails: ['jondoe@contoso.com'] });
  if (response.status === 200) {
    console.log('canceled at once');
  } else {
    // 202: the relative Location (/api/publishers/contoso/offers/contoso-offer/operations/{id}?api-version=…)
    // names the operation; cancelOfferOperation from @azlro/lro sends this cancel and follows it to the end.
    console.log(`cancellation accepted: ${response.headers.get('location')}`);
  }
  // snippet:end
}

const credential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({ token: 'cpp-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
const offerPath = '/api/publishers/contoso/offers/contoso-offer';
const operationId = '56615b67-2185-49fe-80d2-c4ddf77bb2e8';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());

test('the README example runs: 202 names the operation; 200 is canceled at once', async () => {
  server.route('POST', `${offerPath}/cancel`, [
    { status: 202, headers: { location: `${offerPath}/operations/${operationId}?api-version=2017-10-31` } },
    { status: 200 },
  ]);
  const printed: unknown[][] = [];
  await readmeExample(server.url, credential, (...values) => printed.push(values));
  await readmeExample(server.url, credential, (...values) => printed.push(values));
  expect(printed).toEqual([[`cancellation accepted: ${offerPath}/operations/${operationId}?api-version=2017-10-31`], ['canceled at once']]);
  expect(JSON.parse(server.requests[0]!.body)).toEqual({ metadata: { 'notification-emails': 'jondoe@contoso.com' } });
});

test('README.md shows exactly this example', () => {
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  const snippet = /\/\/ snippet:start\n([\s\S]*?)\n\s*\/\/ snippet:end/.exec(source)![1]!.replace(/^ {2}/gm, '');
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme).toContain(snippet);
});
