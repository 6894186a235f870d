// snippet:start
import { createContainerServiceClient } from '@azlro/containerservice';
import { startEmulator } from '@azlro/emulator';
import { StaticTokenCredential } from '@azlro/http';
import { abortLatestOperation } from '@azlro/lro';
// snippet:end

export async function useItFromCode(console: { log: (...values: unknown[]) => void }) {
  // snippet:start
  const emulator = await startEmulator(); // AKS, Batch and Cloud Partner on 127.0.0.1: no Azure account
  try {
    const { endpoints, subscriptionId, resourceGroupName, clusters } = emulator.info;
    // In Azure: createContainerServiceClient({ credential: new DefaultAzureCredential() })
    const aks = createContainerServiceClient({ endpoint: endpoints.arm, credential: new StaticTokenCredential('any') });
    const poller = abortLatestOperation(aks, { subscriptionId, resourceGroupName, resourceName: clusters.abortAccepted });
    poller.onProgress((state) => console.log(state.status, state.percentComplete ?? ''));
    await poller; // follows Azure-AsyncOperation, waiting out each Retry-After
    console.log('aborted');
  } finally {
    await emulator.close();
  }
  // snippet:end
}
