import type { ContainerServiceClient, ManagedClusterParams } from '@azlro/containerservice';
import { startOperation } from '../../operation.js';
import type { PollerOptions } from '../../options.js';
import type { Poller } from '../../poller.js';
import { abortLatest } from './descriptor.js';

/** Options for {@link abortLatestOperation}. */
export interface AbortLatestOperationOptions extends PollerOptions {}

/**
 * Aborts the operation running on an AKS managed cluster and follows the abort until it is done
 * (POST .../abort, then its `Azure-AsyncOperation` status, else its `location`). The request is
 * sent at once; the poller resolves with nothing when the abort succeeded. A 409 (the operation
 * finished before it could be aborted) rejects with an `ApiError` of kind `conflict`; a 204
 * (nothing to abort) is done at once. Bad parameters or options throw here, before sending.
 */
export function abortLatestOperation(
  client: ContainerServiceClient,
  params: ManagedClusterParams,
  options?: AbortLatestOperationOptions,
): Poller<void> {
  return startOperation(abortLatest, client, [params], options);
}
