// snippet:start
import { createContainerServiceClient } from '@azlro/containerservice';
import { isOperationFailedError, isPollerTimeoutError, waitForCommandResult } from '@azlro/lro';
// snippet:end
import type { RecipeContext } from './context.js';

export async function collectCommandResult({ endpoint, credential, cluster, console }: RecipeContext, commandId: string) {
  // snippet:start
  // commandId: as `az aks command invoke … --no-wait` printed it ("command id: …").
  const aks = createContainerServiceClient({ endpoint, credential });
  try {
    const result = await waitForCommandResult(aks, { ...cluster, commandId }, { timeoutInMs: 2 * 60 * 60_000 });
    const { exitCode, startedAt, finishedAt, logs } = result.properties ?? {};
    console.log(`exit code ${exitCode}, ran ${startedAt} → ${finishedAt}`);
    console.log(logs);
  } catch (error) {
    if (isOperationFailedError(error)) console.log(`command failed: ${error.error?.message}`); // the service's reason
    else if (isPollerTimeoutError(error)) console.log(`still running after 2 h; resume with: ${error.resumeToken}`);
    else throw error;
  }
  // snippet:end
}
