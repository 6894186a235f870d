// Input checks and path safety, against a real loopback server that records what reaches it.
import fc from 'fast-check';
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { cancelOperation, createCloudPartnerClient, getLegacyOperation, getOperation } from '../src/index.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = () => createCloudPartnerClient({ endpoint: server.url, retryOptions: { maxRetries: 0 } });
const offer = { publisherId: 'contoso', offerId: 'contoso-offer' };

describe('bad input is refused before anything is sent, naming the parameter', () => {
  test.each([
    ['publisherId', { ...offer, publisherId: '' }],
    ['offerId', { ...offer, offerId: '..' }],
    ['offerId', { ...offer, offerId: undefined }],
    ['notificationEmails', { ...offer, notificationEmails: ['not an address'] }],
    ['notificationEmails', { ...offer, notificationEmails: [42] }],
  ])('%s: %j', (name, params) => {
    expect(() => cancelOperation(client(), params as typeof offer)).toThrow(name);
    expect(server.requests).toHaveLength(0);
  });

  test('operationId of a legacy operation', () => {
    expect(() => getLegacyOperation(client(), { operationId: '.' })).toThrow(/operationId/);
    expect(server.requests).toHaveLength(0);
  });
});

test('the cancel sends the documented body: notification e-mails comma-separated', async () => {
  server.route('POST', '/api/publishers/contoso/offers/contoso-offer/cancel', { status: 200 });
  await cancelOperation(client(), { ...offer, notificationEmails: ['a@contoso.com', ' b@contoso.com'] });
  const [received] = server.requests;
  expect(received!.url).toBe('/api/publishers/contoso/offers/contoso-offer/cancel?api-version=2017-10-31');
  expect(JSON.parse(received!.body)).toEqual({ metadata: { 'notification-emails': 'a@contoso.com,b@contoso.com' } });
  expect(received!.headers['content-type']).toMatch(/^application\/json/);
});

test('without e-mails the cancel sends no body', async () => {
  server.route('POST', '/api/publishers/contoso/offers/contoso-offer/cancel', { status: 200 });
  await cancelOperation(client(), offer);
  expect(server.requests[0]!.body).toBe('');
});

test('a legacy operation id with `$` reaches /api/operations/{id} as one segment', async () => {
  server.route('GET', '*', { status: 200, json: { status: 'running' } });
  const { data } = await getLegacyOperation(client(), { operationId: 'contoso$contoso-offer$2$preview' });
  expect(data?.status).toBe('running');
  expect(decodeURIComponent(server.requests[0]!.path)).toBe('/api/operations/contoso$contoso-offer$2$preview');
});

test('no publisherId, offerId or operationId can change which resource a request reaches', async () => {
  const c = client();
  const id = fc.string({ unit: 'binary', maxLength: 10 });
  await fc.assert(
    fc.asyncProperty(id, id, id, async (publisherId, offerId, operationId) => {
      server.reset();
      server.route('GET', '*', { status: 200, json: { status: 'running' } });
      try {
        await getOperation(c, { publisherId, offerId, operationId });
      } catch (error) {
        expect(String(error)).toMatch(/publisherId|offerId|operationId/);
        expect(server.requests).toHaveLength(0);
        return;
      }
      const segments = server.requests[0]!.path.split('/');
      expect(segments).toHaveLength(8);
      expect(segments.slice(0, 2)).toEqual(['', 'api']);
      expect([segments[3], segments[5], segments[7]].map((s) => decodeURIComponent(s!))).toEqual([publisherId, offerId, operationId]);
    }),
    { numRuns: 200 },
  );
}, 120_000); // 200 real requests: ~1.5 s alone, past vitest's 15 s on a loaded 2-core CI machine; what is proven is where they land, not speed
