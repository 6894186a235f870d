// snippet:start
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createContainerServiceClient } from '@azlro/containerservice';
import { abortLatestOperation, parseResumeToken, restorePoller } from '@azlro/lro';
// snippet:end
import type { RecipeContext } from './context.js';

export async function resumeAfterRestart({ endpoint, credential, cluster, console }: RecipeContext) {
  // snippet:start
  const tokenFile = `${cluster.resourceName}.abort.token`;

  if (!existsSync(tokenFile)) {
    // First run: send the abort once, and write down where to follow it. The token holds no secret.
    const client = createContainerServiceClient({ endpoint, credential });
    await writeFile(tokenFile, await abortLatestOperation(client, cluster).serialize());
  }
  // This run or any run after a restart (a deploy, a crash, another machine): follow it from the file.
  const token = await readFile(tokenFile, 'utf8');
  const aks = createContainerServiceClient({ endpoint: parseResumeToken(token).endpoint, credential });
  await restorePoller(aks, token);
  await rm(tokenFile);
  console.log(`${cluster.resourceName}: abort finished`);
  // snippet:end
}
