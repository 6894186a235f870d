import { clusterOf, type CliCommand, type CommandModule } from '../cli-command.js';
import { CLUSTER_FLAGS, CONNECTION_FLAGS } from '../flags.js';

/** `azlro aks command-result`. */
export const aksCommandResult = {
  spec: {
    name: 'aks command-result',
    summary: 'wait for the result of an `az aks command invoke` run, past az\'s 5 minutes',
    description: 'GET …/commandResults/{id}, following Location while it answers 202. Exit 1 if the command ended failed.',
    flags: [...CLUSTER_FLAGS, { name: 'command-id', value: '<id>', required: true, description: 'the command id (from az aks command invoke --no-wait)' }, ...CONNECTION_FLAGS],
    examples: [
      { comment: 'wait for a command and print its logs', command: 'azlro aks command-result -g my-rg -n my-cluster --command-id 5f1e… -o tsv --query result.properties.logs' },
      { comment: 'give up after ten minutes (exit 4), keeping a resume token', command: 'azlro aks command-result -g my-rg -n my-cluster --command-id 5f1e… --timeout 600' },
    ],
  },
  parse: (input) => ({
    name: 'aks command-result',
    ...clusterOf(input),
    commandId: input.values.required('command-id'),
  }),
  load: (): Promise<CommandModule> => import('./aks-command-result.js'),
  operation: true,
  resumes: 'containerservice.commandResult',
} as const satisfies CliCommand<{ name: 'aks command-result' } & Record<string, unknown>>;
