// snippet:start
import { createContainerServiceClient } from '@azlro/containerservice';
import { abortConflictReason, abortLatestOperation, isPollerTimeoutError } from '@azlro/lro';
// snippet:end
import type { RecipeContext } from './context.js';

export async function abortStuckUpgrade({ endpoint, credential, cluster, console }: RecipeContext) {
  // snippet:start
  const aks = createContainerServiceClient({ endpoint, credential });

  // Ctrl-C stops waiting; it never cancels the abort, which goes on at Azure.
  const stopWaiting = new AbortController();
  const onInterrupt = () => stopWaiting.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const poller = abortLatestOperation(aks, cluster, { timeoutInMs: 30 * 60_000, abortSignal: stopWaiting.signal });
    poller.onProgress((state) => console.log(`${state.status} ${state.serviceStatus ?? ''} ${state.percentComplete ?? ''}`.trim()));
    await poller;
    console.log('upgrade aborted');
  } catch (error) {
    if (abortConflictReason(error) === 'NothingToAbort') console.log('nothing to abort: the operation had already finished');
    else if (isPollerTimeoutError(error)) console.log(`still aborting after 30 min; resume with: ${error.resumeToken}`);
    else throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  // snippet:end
}
