// snippet:start
import { createContainerServiceClient } from '@azlro/containerservice';
import { isOperationFailedError, runCommand } from '@azlro/lro';
// snippet:end
import type { RecipeContext } from './context.js';

export async function runCommandInCi({ endpoint, credential, cluster, console }: RecipeContext, command: string): Promise<number> {
  // snippet:start
  // command: e.g. './migrate.sh' (20 minutes); no timeoutInMs, so no time limit.
  const aks = createContainerServiceClient({ endpoint, credential });
  let exitCode: number;
  try {
    const result = await runCommand(aks, cluster, { command });
    console.log(result.properties?.logs ?? '');
    exitCode = result.properties?.exitCode ?? 1;
  } catch (error) {
    if (!isOperationFailedError(error)) throw error;
    console.log(`the command could not run: ${error.error?.message}`); // the service's reason
    exitCode = 1;
  }
  console.log(`exit code ${exitCode}`);
  // snippet:end
  return exitCode;
}
