import type { AgentPoolParams, ContainerServiceClient } from '@azlro/containerservice';
import { startOperation } from '../../operation.js';
import type { PollerOptions } from '../../options.js';
import type { Poller } from '../../poller.js';
import { abortAgentPoolLatest } from './descriptor.js';

/** Options for {@link abortAgentPoolLatestOperation}. */
export interface AbortAgentPoolLatestOperationOptions extends PollerOptions {}

/**
 * Aborts the operation running on an AKS agent (node) pool, e.g. a stuck node-image upgrade
 * (`az aks nodepool operation-abort`), and follows the abort until it is done:
 * `POST …/managedclusters/{resourceName}/agentPools/{agentPoolName}/abort` (official Swagger
 * `AgentPools_AbortLatestOperation`, api-version 2024-09-01), then its `Azure-AsyncOperation`
 * status, else its `location`. `params` is `{ subscriptionId, resourceGroupName, resourceName,
 * agentPoolName }` (`agentPoolName` `^[a-z][a-z0-9]{0,11}$`). The request is sent at once; the
 * poller resolves with nothing when the abort succeeded, at once for a 204 (nothing running).
 * A 409 (the operation finished first, or another one is in progress) rejects with an `ApiError`
 * of kind `conflict` (`abortConflictReason` tells them apart); a failed or canceled abort rejects
 * with an `OperationFailedError`. Bad parameters or options throw a TypeError/RangeError naming
 * them, before anything is sent. Resume with `restorePoller` like the cluster's abort.
 */
export function abortAgentPoolLatestOperation(
  client: ContainerServiceClient,
  params: AgentPoolParams,
  options?: AbortAgentPoolLatestOperationOptions,
): Poller<void> {
  return startOperation(abortAgentPoolLatest, client, [params], options);
}
