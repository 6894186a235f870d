import { createBatchClient } from '@azlro/batch';
import { createCloudPartnerClient, type PartnerOperation } from '@azlro/cloudpartner';
import { createContainerServiceClient, type RunCommandResult } from '@azlro/containerservice';
import { assertType, expectTypeOf, test } from 'vitest';
import {
  abortLatestOperation, cancelCertificateDeletion, cancelOfferOperation, restorePoller, waitForCommandResult,
  type OperationState, type OperationStatus, type Poller,
} from '../src/index.js';

const aks = createContainerServiceClient();
const partner = createCloudPartnerClient();
const batch = createBatchClient({ endpoint: 'https://acct.westeurope.batch.azure.com' });
const cluster = { subscriptionId: 's', resourceGroupName: 'rg', resourceName: 'n' };

test('each operation returns a poller of its result, awaitable as that result', () => {
  expectTypeOf(abortLatestOperation(aks, cluster)).toEqualTypeOf<Poller<void>>();
  expectTypeOf(waitForCommandResult(aks, { ...cluster, commandId: 'c' })).toEqualTypeOf<Poller<RunCommandResult>>();
  expectTypeOf(cancelOfferOperation(partner, { publisherId: 'p', offerId: 'o' })).toEqualTypeOf<Poller<PartnerOperation | undefined>>();
  expectTypeOf(cancelCertificateDeletion(batch, { thumbprint: 't' })).resolves.toHaveProperty('status').toEqualTypeOf<204>();
  expectTypeOf<Awaited<Poller<RunCommandResult>>>().toEqualTypeOf<RunCommandResult>();
});

test('restorePoller is typed by the client it gets', () => {
  expectTypeOf(restorePoller(aks, 't')).toEqualTypeOf<Poller<RunCommandResult | undefined>>();
  expectTypeOf(restorePoller(partner, 't')).toEqualTypeOf<Poller<PartnerOperation | undefined>>();
  // @ts-expect-error Batch has no long-running operation to restore
  restorePoller(batch, 't');
});

test('status is a closed union; the wrong client does not compile', () => {
  expectTypeOf<OperationState<void>['status']>().toEqualTypeOf<OperationStatus>();
  assertType<OperationStatus>('canceled');
  // @ts-expect-error not a status
  assertType<OperationStatus>('InProgress');
  // @ts-expect-error a Cloud Partner client cannot abort an AKS operation
  abortLatestOperation(partner, cluster);
  // @ts-expect-error durations are numbers of milliseconds
  abortLatestOperation(aks, cluster, { timeoutInMs: '5m' });
});
