// Contract tests: every request the pollers make, against Prism mocking the specs (a request that
// broke the spec would get 422/400 instead of the documented answers). Prism's example polling URLs
// point at the real hosts, so the polling calls are reached by restoring a token on Prism's origin.
import { createCloudPartnerClient } from '@azlro/cloudpartner';
import { createContainerServiceClient } from '@azlro/containerservice';
import { isApiError } from '@azlro/http';
import { specPath, startPrism, TEST_PRISM_START_TIMEOUT_IN_MS, type RunningPrism } from '@azlro/prism';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  abortLatestOperation, cancelOfferOperation, isOperationFailedError, isPollingOriginError, restorePoller, waitForCommandResult,
  type OperationKind, type PollingTarget,
} from '../src/index.js';
import { cluster, command, COMMAND_PATH, credential, fast, offer, rejection } from './helpers.js';

let aksPrism: RunningPrism;
let partnerPrism: RunningPrism;
beforeAll(async () => {
  [aksPrism, partnerPrism] = await Promise.all([
    startPrism({ spec: specPath('containerservice'), mode: 'mock', startTimeoutInMs: TEST_PRISM_START_TIMEOUT_IN_MS }),
    startPrism({ spec: specPath('cloudpartner'), mode: 'mock', startTimeoutInMs: TEST_PRISM_START_TIMEOUT_IN_MS }),
  ]);
}, TEST_PRISM_START_TIMEOUT_IN_MS + 10_000);
afterAll(() => Promise.all([aksPrism?.close(), partnerPrism?.close()]));

const aks = () => createContainerServiceClient({ endpoint: aksPrism.url, credential, retryOptions: { maxRetries: 0 } });
const partner = () => createCloudPartnerClient({ endpoint: partnerPrism.url, credential, retryOptions: { maxRetries: 0 } });
// Waits on a fresh self-advancing ManualClock: whatever Retry-After Prism's examples carry costs no real time.
const prefer = (value: string) => ({ headers: { Prefer: value }, ...fast() });
const OPERATION = '/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.ContainerService/locations/eastus';

/** A running operation's resume token (the documented v1 format) whose polling URL is on Prism's origin. */
function tokenFor(kind: OperationKind, endpoint: string, polling: PollingTarget): string {
  const state = { status: 'running', requestIds: {}, pollCount: 0 };
  return Buffer.from(JSON.stringify({ version: 1, kind, endpoint, polling, state })).toString('base64url');
}

describe('containerservice: abortLatestOperation', () => {
  test('202: accepted, and its example polling URLs (on management.azure.com) are refused, not followed', async () => {
    const error = await rejection(abortLatestOperation(aks(), cluster, prefer('code=202')));
    expect(isPollingOriginError(error) && error.origin).toBe('https://management.azure.com');
  });

  test('204: done at once', async () => {
    const poller = abortLatestOperation(aks(), cluster, prefer('code=204'));
    await expect(poller).resolves.toBeUndefined();
    expect(poller.operationState.status).toBe('succeeded');
  });

  test('409: the ApiError of kind conflict', async () => {
    const error = await rejection(abortLatestOperation(aks(), cluster, prefer('code=409, example=operationAlreadyFinished')));
    expect(isApiError(error) && [error.kind, error.code]).toEqual(['conflict', 'OperationNotAllowed']);
  });

  // The service's own polling versions, and the Abort page's (the polling api-version is any string).
  describe.each(['2017-08-31', '2016-03-30', '2024-02-01'])('polling with api-version %s', (apiVersion) => {
    const status: PollingTarget = { url: '', via: 'asyncOperation' };
    const restore = (via: 'asyncOperation' | 'location', value: string, statusPath = 'operations') => {
      const path = via === 'asyncOperation' ? statusPath : 'operationresults';
      status.url = `${aksPrism.url}${OPERATION}/${path}/00000000-0000-0000-0000-000000000000?api-version=${apiVersion}`;
      return restorePoller(aks(), tokenFor('containerservice.abortLatestOperation', aksPrism.url, { ...status, via }), prefer(value));
    };

    test('getOperationStatus: inProgress, then succeeded', async () => {
      expect((await restore('asyncOperation', 'code=200, example=inProgress').poll()).serviceStatus).toBe('InProgress');
      await expect(restore('asyncOperation', 'code=200, example=succeeded')).resolves.toBeUndefined();
    });

    test('the Abort page\'s operationStatus form (an alias): inProgress, then succeeded', async () => {
      expect((await restore('asyncOperation', 'code=200, example=inProgress', 'operationStatus').poll()).serviceStatus).toBe('InProgress');
      await expect(restore('asyncOperation', 'code=200, example=succeeded', 'operationStatus')).resolves.toBeUndefined();
    });

    test.each([
      ['failed', 'failed', 'InternalOperationError'],
      ['canceled', 'canceled', undefined],
    ])('getOperationStatus: %s is an OperationFailedError', async (example, outcome, code) => {
      const error = await rejection(restore('asyncOperation', `code=200, example=${example}`));
      expect(isOperationFailedError(error) && [error.status, error.error?.code]).toEqual([outcome, code]);
    });

    test('getOperationResult: 204 and 200 done; the 202 example moves to management.azure.com, refused', async () => {
      expect(isPollingOriginError(await rejection(restore('location', 'code=202').poll()))).toBe(true);
      await expect(restore('location', 'code=204')).resolves.toBeUndefined();
      await expect(restore('location', 'code=200')).resolves.toBeUndefined();
    });
  });
});

describe('containerservice: waitForCommandResult', () => {
  test('200 commandSucceedResult: the example as the result', async () => {
    const result = await waitForCommandResult(aks(), command, prefer('code=200, example=commandSucceedResult'));
    expect(result).toMatchObject({ id: 'def7b3ea71bd4f7e9d226ddbc0f00ad9', properties: { provisioningState: 'succeeded', exitCode: 0 } });
  });

  test('200 commandFailedResult: OperationFailedError with the reason', async () => {
    const error = await rejection(waitForCommandResult(aks(), command, prefer('code=200, example=commandFailedResult')));
    expect(isOperationFailedError(error) && error.error?.toJSON()).toEqual({ message: 'ImagePullBackoff' });
  });

  test('202: its example Location (on management.azure.com) is refused', async () => {
    const error = await rejection(waitForCommandResult(aks(), command, prefer('code=202')));
    expect(isPollingOriginError(error)).toBe(true);
  });

  test('polling the commandResults URL (as handed out)', async () => {
    const token = tokenFor('containerservice.commandResult', aksPrism.url, { url: `${aksPrism.url}${COMMAND_PATH}?api-version=2024-09-01` });
    await expect(restorePoller(aks(), token, prefer('code=200, example=commandSucceedResult'))).resolves.toMatchObject({ properties: { logs: 'namespace dummy created' } });
  });
});

describe('cloudpartner: cancelOfferOperation', () => {
  test('200: canceled synchronously (with notification e-mails in the body)', async () => {
    await expect(cancelOfferOperation(partner(), { ...offer, notificationEmails: ['jondoe@contoso.com'] }, prefer('code=200'))).resolves.toBeUndefined();
  });

  test('202: the relative Location is polled on Prism (as handed out), the body status decides', async () => {
    const started = cancelOfferOperation(partner(), offer, prefer('code=202'));
    const token = await started.serialize();
    const running = restorePoller(partner(), token, prefer('code=200, example=running'));
    expect((await running.poll()).status).toBe('running');
    await expect(restorePoller(partner(), token, prefer('code=200, example=completed'))).resolves.toMatchObject({ status: 'completed' });
    await expect(restorePoller(partner(), token, prefer('code=200, example=canceled'))).resolves.toMatchObject({ status: 'canceled' });
    expect(isOperationFailedError(await rejection(restorePoller(partner(), token, prefer('code=200, example=failed'))))).toBe(true);
  });

  test.each([
    ['a plain id', 'op-legacy-1'],
    ['sent as-is ($ kept)', 'contoso$contoso-offer$2$preview'],
  ])('the non-migrated Location form: %s', async (_, id) => {
    const token = tokenFor('cloudpartner.cancelOperation', partnerPrism.url, { url: `${partnerPrism.url}/api/operations/${id}?api-version=2017-10-31` });
    await expect(restorePoller(partner(), token, prefer('code=200, example=completed'))).resolves.toMatchObject({ status: 'completed' });
  });

  test('404 on a poll: the ApiError', async () => {
    const token = tokenFor('cloudpartner.cancelOperation', partnerPrism.url, { url: `${partnerPrism.url}/api/operations/op-1?api-version=2017-10-31` });
    const error = await rejection(restorePoller(partner(), token, prefer('code=404')));
    expect(isApiError(error) && error.kind).toBe('notFound');
  });
});
