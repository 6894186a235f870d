// Contract tests: the generated Cloud Partner Portal client, wired to the azlro pipeline, against
// Prism mocking specs/cloudpartner.yaml.
import { contractCoverage, contractCredential as token, expectApiError as apiError, prefer, violations } from '@azlro/prism';
import type { ApiError } from '@azlro/http';
import { describe, expect, inject, test } from 'vitest';
import { cancelOperation, createCloudPartnerClient } from '../src/index.js';
import * as generated from '../src/generated/sdk.gen.js';
import type { PartnerOperation } from '../src/index.js';

const prismUrl = inject('prismUrl');
const client = createCloudPartnerClient({ endpoint: prismUrl, credential: token, retryOptions: { maxRetries: 0 } });
const offer = { publisherId: 'contoso', offerId: 'contoso-offer' };
const operation = { ...offer, operationId: '56615b67-2185-49fe-80d2-c4ddf77bb2e8' };

const coverage = contractCoverage('cloudpartner');


describe('cancelOperation', () => {
  test('200: canceled synchronously', async () => {
    coverage.cover('cancelOperation', '200');
    const { response } = await cancelOperation(client, { ...offer, notificationEmails: ['jondoe@contoso.com'] }, prefer('code=200'));
    expect(response.status).toBe(200);
  });

  test('202: a relative Location names the operation to poll (migrated offer example)', async () => {
    coverage.cover('cancelOperation', '202');
    const { response } = await cancelOperation(client, offer, prefer('code=202'));
    expect(response.status).toBe(202);
    expect(response.headers.get('Location')).toBe(
      '/api/publishers/contoso/offers/contoso-offer/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8?api-version=2017-10-31',
    );
  });


  test.each([
    ['400', 'badRequest'],
    ['403', 'forbidden'],
    ['404', 'notFound'],
  ] as const)('%s is an ApiError of kind %s', async (code, kind) => {
    coverage.cover('cancelOperation', code);
    const error = await apiError(cancelOperation(client, offer, prefer(`code=${code}`)));
    expect(error.status).toBe(Number(code));
    expect(error.kind).toBe(kind);
  });
});

// The operation resources have no hand-written wrapper (lro GETs the Location as handed out): the generated functions.
const query = { 'api-version': '2017-10-31' } as const;
describe.each([
  ['getOperation', ({ headers }: { headers: Record<string, string> }) => generated.getOperation({ client: client.client, path: operation, query, headers, throwOnError: true })],
  [
    'getLegacyOperation',
    ({ headers }: { headers: Record<string, string> }) =>
      generated.getLegacyOperation({ client: client.client, path: { operationId: 'contoso$contoso-offer$2$preview' }, query, headers, throwOnError: true }),
  ],
] as const)('%s (polling resource)', (operationId, call) => {
  test.each(['running', 'completed', 'failed', 'canceled'])('200 with the %s example: the status is in the body', async (example) => {
    coverage.cover(operationId, '200', example);
    const { data, response } = await call(prefer(`code=200, example=${example}`));
    expect(response.status).toBe(200);
    expect((data as PartnerOperation).status).toBe(example);
  });

  test('200 with the asArray example: the operation inside an array (lro reads it out)', async () => {
    coverage.cover(operationId, '200', 'asArray');
    const { data, response } = await call(prefer('code=200, example=asArray'));
    expect(response.status).toBe(200);
    expect(data).toEqual([expect.objectContaining({ id: '56615b67-2185-49fe-80d2-c4ddf77bb2e8', status: 'completed' })]);
  });

  test('200 with the newStatusWord example: a word outside the known set is not a violation', async () => {
    coverage.cover(operationId, '200', 'newStatusWord');
    const { data } = await call(prefer('code=200, example=newStatusWord'));
    expect((data as PartnerOperation).status).toBe('waitingForPublisherReview');
  });

  test.each(['400', '403', '404'])('%s is an ApiError', async (code) => {
    coverage.cover(operationId, code);
    const error = await apiError(call(prefer(`code=${code}`)));
    expect(error.status).toBe(Number(code));
  });
});

describe('the spec constrains what Prism accepts', () => {
  test('no bearer token: 401, an ApiError of kind unauthorized', async () => {
    const anonymous = createCloudPartnerClient({ endpoint: prismUrl, retryOptions: { maxRetries: 0 } });
    const error = await apiError(cancelOperation(anonymous, offer));
    expect(error.status).toBe(401);
    expect(error.kind).toBe('unauthorized');
  });

  test('a missing api-version is refused (400 here: the page documents a 400, so Prism answers with it)', async () => {
    const error = await apiError(
      generated.cancelOperation({ client: client.client, path: offer, query: {} as { 'api-version': '2017-10-31' }, throwOnError: true }),
    );
    expect(error.status).toBe(400);
    expect(error.response?.headers.get('sl-violations')).toContain('api-version');
  });
});

test('every documented (operation, status) pair and every named example is covered', () => {
  const { covered, documented, coveredExamples, documentedExamples } = coverage.report();
  expect(covered).toEqual(documented);
  expect(coveredExamples).toEqual(documentedExamples);
});
