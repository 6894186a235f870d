import * as containerservice from '@azlro/containerservice';
import type { AgentPoolParams, ContainerServiceClient } from '@azlro/containerservice';
import { checkClient } from '../check-client.js';
import { resolvePollerOptions } from '../check-options.js';
import { LroPoller } from '../lro-poller.js';
import type { PollerOptions } from '../options.js';
import type { Poller } from '../poller.js';
import { agentPoolAbort } from '../strategies/agent-pool-abort.js';
import { readArmInitial } from '../strategies/arm-operation.js';

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
  checkClient(client, 'containerservice', 'createContainerServiceClient');
  const resolved = resolvePollerOptions(options, client.endpoint);
  const sent = containerservice.sendAbortAgentPoolLatestOperation(client, params, { abortSignal: resolved.abortSignal, headers: resolved.headers });
  return new LroPoller(client, agentPoolAbort, resolved, {
    initial: async (context) => readArmInitial((await sent).response, context, agentPoolAbort.kind),
  });
}
