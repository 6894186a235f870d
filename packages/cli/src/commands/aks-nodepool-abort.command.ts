import type { CliCommand, CommandModule } from '../cli-command.js';
import { CLUSTER_FLAGS, CONNECTION_FLAGS } from '../flags.js';

/** `azlro aks nodepool abort`. */
export const aksNodepoolAbort = {
  spec: {
    name: 'aks nodepool abort',
    summary: 'abort the operation running on a node pool (a stuck upgrade) and wait until it is aborted',
    description: 'az aks nodepool operation-abort: POST …/managedclusters/{cluster}/agentPools/{pool}/abort, then follows ' +
      'Azure-AsyncOperation (or location). A 204 means nothing was running; a 409 that the operation finished first (exit 3).',
    flags: [
      CLUSTER_FLAGS[0]!,
      CLUSTER_FLAGS[1]!,
      { name: 'cluster-name', value: '<cluster>', required: true, description: 'name of the managed cluster' },
      { name: 'nodepool-name', value: '<pool>', required: true, description: 'name of the node pool (1-12 lower-case letters and digits, starting with a letter)' },
      ...CONNECTION_FLAGS,
    ],
    examples: [
      { comment: 'abort a stuck node-pool upgrade and wait', command: 'azlro aks nodepool abort -g my-rg --cluster-name my-cluster --nodepool-name nodepool1' },
      { comment: 'start the abort and return at once with a resume token', command: 'azlro aks nodepool abort -g my-rg --cluster-name my-cluster --nodepool-name nodepool1 --no-wait -o tsv --query resumeToken' },
    ],
  },
  parse: ({ values, subscription }) => ({
    name: 'aks nodepool abort',
    subscriptionId: subscription(),
    resourceGroupName: values.required('resource-group'),
    resourceName: values.required('cluster-name'),
    agentPoolName: values.required('nodepool-name'),
  }),
  load: (): Promise<CommandModule> => import('./aks-nodepool-abort.js'),
  operation: true,
  resumes: 'containerservice.abortAgentPoolLatestOperation',
} as const satisfies CliCommand<{ name: 'aks nodepool abort' } & Record<string, unknown>>;
