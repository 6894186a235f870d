// Input checks and path safety, against a real loopback server that records what reaches it.
import { startTestServer, type TestServer } from '@azlro/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { cancelOperation, createCloudPartnerClient } from '../src/index.js';

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
