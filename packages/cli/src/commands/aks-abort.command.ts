import { clusterOf, type CliCommand, type CommandModule } from '../cli-command.js';
import { CLUSTER_FLAGS, CONNECTION_FLAGS, SUB } from '../flags.js';

/** `azlro aks abort`. */
export const aksAbort = {
  spec: {
    name: 'aks abort',
    summary: 'abort the operation running on a managed cluster and wait until it is aborted',
    description: 'POST …/managedclusters/{name}/abort, then follows Azure-AsyncOperation (or location). ' +
      'A 204 means nothing was running; a 409 that the operation finished first (exit 3).',
    flags: [
      ...CLUSTER_FLAGS,
      {
        name: 'nothing-to-abort-ok', boolean: true,
        description: 'exit 0 when the 409 says the operation finished first ("another operation is in progress" stays exit 3)',
      },
      ...CONNECTION_FLAGS,
    ],
    examples: [
      { comment: 'abort what runs on a cluster, in the az login default subscription', command: 'azlro aks abort -g my-rg -n my-cluster' },
      { comment: 'start the abort, return at once, and wait for it later', command: 'azlro aks abort -g my-rg -n my-cluster --no-wait -o tsv --query resumeToken' },
      { comment: 'in another subscription, as JSON', command: `azlro aks abort --subscription ${SUB} -g my-rg -n my-cluster -o json` },
    ],
  },
  parse: (input): {
    name: 'aks abort'; subscriptionId: string; resourceGroupName: string; resourceName: string; nothingToAbortOk?: boolean;
  } => ({
    name: 'aks abort',
    ...clusterOf(input),
    nothingToAbortOk: input.values.boolean('nothing-to-abort-ok'),
  }),
  load: (): Promise<CommandModule> => import('./aks-abort.js'),
  operation: true,
  resumes: 'containerservice.abortLatestOperation',
} as const satisfies CliCommand<{ name: 'aks abort' } & Record<string, unknown>>;
