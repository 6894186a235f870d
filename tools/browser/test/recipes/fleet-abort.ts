// snippet:start
import { createContainerServiceClient, type ManagedClusterParams } from '@azlro/containerservice';
import { abortConflictReason, abortLatestOperation } from '@azlro/lro';
// snippet:end
import type { RecipeContext } from './context.js';

export async function fleetAbort({ endpoint, credential, fleet, console }: RecipeContext) {
  // snippet:start
  /** Runs `task` on every item, at most `limit` at a time; one failure does not stop the others. */
  async function settleWithLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>) {
    const results: PromiseSettledResult<R>[] = [];
    let next = 0;
    async function worker() {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!).then(
          (value) => ({ status: 'fulfilled', value }) as const,
          (reason: unknown) => ({ status: 'rejected', reason }) as const,
        );
      }
    }
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
  }

  // One client for the whole fleet: one token cache, one pipeline.
  const aks = createContainerServiceClient({ endpoint, credential });
  const outcomes = await settleWithLimit(fleet, 4, async (cluster: ManagedClusterParams) => {
    try {
      const poller = abortLatestOperation(aks, cluster, { timeoutInMs: 30 * 60_000 });
      await poller;
      return poller.operationState.pollCount === 0 ? 'nothing was running' : 'aborted'; // 204, or 202 and polled
    } catch (error) {
      // A 409 is either "it finished first" or "another operation holds the cluster" (a failure here).
      if (abortConflictReason(error) === 'NothingToAbort') return 'finished before the abort';
      throw error;
    }
  });
  outcomes.forEach((outcome, i) => {
    console.log(`${fleet[i]!.resourceName}: ${outcome.status === 'fulfilled' ? outcome.value : `failed: ${outcome.reason}`}`);
  });
  // snippet:end
}
