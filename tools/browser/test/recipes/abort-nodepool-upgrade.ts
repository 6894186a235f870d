// snippet:start
import { createContainerServiceClient } from '@azlro/containerservice';
import { isConflictError } from '@azlro/http';
import { abortAgentPoolLatestOperation, abortConflictReason } from '@azlro/lro';
// snippet:end
import type { RecipeContext } from './context.js';

export async function abortNodepoolUpgrade({ endpoint, credential, cluster, console }: RecipeContext, agentPoolName: string) {
  // snippet:start
  // agentPoolName: the node pool whose upgrade hangs, e.g. 'nodepool1' (az aks nodepool list).
  const aks = createContainerServiceClient({ endpoint, credential });
  try {
    const poller = abortAgentPoolLatestOperation(aks, { ...cluster, agentPoolName }, { timeoutInMs: 30 * 60_000 });
    poller.onProgress((state) => console.log(`${state.status} ${state.serviceStatus ?? ''}`.trim()));
    await poller;
    console.log(`${agentPoolName}: upgrade aborted`);
  } catch (error) {
    if (isConflictError(error) && abortConflictReason(error) === 'NothingToAbort') console.log(`${agentPoolName}: nothing to abort`);
    else throw error;
  }
  // snippet:end
}
