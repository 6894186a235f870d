import { afterEach, describe, expect, inject, test } from 'vitest';
import { isApiError, isNotFoundError, StaticTokenCredential } from '@azlro/http';
import {
  cancelOperation,
  createCloudPartnerClient,
  type PartnerOperation,
} from '@azlro/cloudpartner';
import { createStrictFetch, getLegacyOperation, getOperation, POLLS_UNTIL_DONE, readTimes, unique } from './helpers.js';

const info = inject('emulator');
const portal = info.endpoints.cloudPartner;
const { publisherId } = info.cloudPartner;
const strict = createStrictFetch();
const client = createCloudPartnerClient({
  endpoint: portal,
  credential: new StaticTokenCredential('any-token-works'),
  fetch: strict.fetch,
  retryOptions: { maxRetries: 0 },
});
const bearer = { authorization: 'Bearer any-token-works' };

afterEach(() => {
  expect(strict.flagged).toEqual([]);
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => expect.fail('expected a rejection'), (error: unknown) => error);
}

describe.concurrent('cancel operation', () => {
  test('202 with a relative migrated-offer Location; the operation goes running -> completed', async () => {
    const offerId = unique('offer');
    const { response } = await cancelOperation(client, { publisherId, offerId, notificationEmails: ['jondoe@contoso.com'] });
    expect(response.status).toBe(202);
    const location = response.headers.get('location')!;
    const match = /^\/api\/publishers\/contoso\/offers\/([^/]+)\/operations\/([0-9a-f-]{36})\?api-version=2017-10-31$/.exec(location);
    expect(match?.[1]).toBe(offerId);
    const operationId = match![2]!;

    const first = await getOperation(client, { publisherId, offerId, operationId });
    expect(first.data).toMatchObject({ id: operationId, status: 'running' });
    expect(first.response.headers.get('retry-after')).toBe('1');
    const later = await readTimes(POLLS_UNTIL_DONE - 1, async () => (await getOperation(client, { publisherId, offerId, operationId })).data as PartnerOperation);
    expect(later.map((o) => o.status)).toEqual(['running', 'running', 'completed']); // done on the 4th poll
    expect(later[2]).toMatchObject({ id: operationId, createdDateTime: expect.any(String) });
  });

  test('plain fetch: the relative Location resolves against the portal origin', async () => {
    const offerId = unique('offer');
    const cancel = await fetch(`${portal}/api/publishers/${publisherId}/offers/${offerId}/cancel?api-version=2017-10-31`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ metadata: { 'notification-emails': 'jondoe@contoso.com' } }),
    });
    expect(cancel.status).toBe(202);
    const url = new URL(cancel.headers.get('location')!, portal).href;
    const first = await fetch(url, { headers: bearer });
    expect([first.status, first.headers.get('retry-after')]).toEqual([200, '1']);
    const later = await readTimes(POLLS_UNTIL_DONE - 1, async () => ((await (await fetch(url, { headers: bearer })).json()) as PartnerOperation).status);
    expect(later).toEqual(['running', 'running', 'completed']);
    const after = await fetch(url, { headers: bearer });
    expect(after.headers.get('retry-after')).toBeNull();
  });

  test('a cancel repeated while the first runs answers the same operation', async () => {
    const offerId = unique('offer');
    const first = await cancelOperation(client, { publisherId, offerId });
    const again = await cancelOperation(client, { publisherId, offerId });
    expect(again.response.headers.get('location')).toBe(first.response.headers.get('location'));
  });

  test(`an offer id starting with "sync": 200, canceled at once`, async () => {
    const { response } = await cancelOperation(client, { publisherId, offerId: info.cloudPartner.offers.synchronous });
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
  });

  test(`an offer id starting with "legacy": the non-migrated Location form, served by /api/operations/{id}`, async () => {
    const offerId = unique('legacy');
    const { response } = await cancelOperation(client, { publisherId, offerId });
    expect(response.status).toBe(202);
    const location = response.headers.get('location')!;
    expect(location).toBe(`/api/operations/${publisherId}$${offerId}$2$preview?api-version=2017-10-31`);
    const operationId = `${publisherId}$${offerId}$2$preview`;
    // The client percent-encodes `$`; following the Location verbatim sends it raw. Both work.
    const first = await getLegacyOperation(client, { operationId });
    expect(first.data).toMatchObject({ id: operationId, status: 'running' });
    const raw = await fetch(new URL(location, portal), { headers: bearer });
    expect(await raw.json()).toMatchObject({ id: operationId });
    const later = await readTimes(POLLS_UNTIL_DONE - 2, async () => ((await getLegacyOperation(client, { operationId })).data as PartnerOperation).status);
    expect(later).toEqual(['running', 'completed']); // the raw read above was a poll too
  });

  test(`an offer id starting with "list": the operation is answered wrapped in an array, as the Retrieve operations page shows`, async () => {
    const offerId = unique('list');
    const { response } = await cancelOperation(client, { publisherId, offerId });
    const operationId = /\/operations\/([0-9a-f-]{36})\?/.exec(response.headers.get('location')!)![1]!;
    const first = await getOperation(client, { publisherId, offerId, operationId });
    expect(first.data).toEqual([expect.objectContaining({ id: operationId, status: 'running' })]);
    const later = await readTimes(POLLS_UNTIL_DONE - 1, async () => ((await getOperation(client, { publisherId, offerId, operationId })).data as unknown as PartnerOperation[]));
    expect(later.map((list) => list.map((o) => o.status))).toEqual([['running'], ['running'], ['completed']]);
  });

  test(`an offer id starting with "missing": 404`, async () => {
    const error = await rejection(cancelOperation(client, { publisherId, offerId: info.cloudPartner.offers.notFound }));
    expect(isNotFoundError(error)).toBe(true);
  });

  test('an unknown operation: 404 on both operation resources', async () => {
    const unknown = { publisherId, offerId: 'contoso-offer', operationId: '56615b67-2185-49fe-80d2-c4ddf77bb2e8' };
    expect(isNotFoundError(await rejection(getOperation(client, unknown)))).toBe(true);
    expect(isNotFoundError(await rejection(getLegacyOperation(client, { operationId: 'contoso$nothing$2$preview' })))).toBe(true);
  });
});

describe('authentication', () => {
  test('no token: 401', async () => {
    const anonymous = createCloudPartnerClient({ endpoint: portal, fetch: strict.fetch, retryOptions: { maxRetries: 0 } });
    const error = await rejection(cancelOperation(anonymous, { publisherId, offerId: unique('offer') }));
    expect(isApiError(error) && error.kind).toBe('unauthorized');
    const response = await fetch(`${portal}/api/operations/x?api-version=2017-10-31`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('OAuth2'); // Prism names the spec's oauth2 scheme
  });
});
