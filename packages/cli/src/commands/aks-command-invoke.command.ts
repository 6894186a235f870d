import { clusterOf, type CliCommand, type CommandModule } from '../cli-command.js';
import { CLUSTER_FLAGS, CONNECTION_FLAGS } from '../flags.js';

/** `azlro aks command invoke`. */
export const aksCommandInvoke = {
  spec: {
    name: 'aks command invoke',
    summary: 'run a command in the cluster (private ones too) and wait for its exit code and logs, with no time limit',
    description: 'POST …/managedClusters/{name}/runCommand with the --file files zipped into its context, then follows the ' +
      "command's result until it ends (az gives up after about five minutes; azlro waits unless --timeout). Prints the logs. " +
      'Exit 5 when the command exited non-zero (commandExitCode), 1 when it could not run. --no-wait prints the command id ' +
      'and a resume token; the token never holds the command, its files or their output.',
    flags: [
      ...CLUSTER_FLAGS,
      { name: 'command', short: 'c', value: '<command>', required: true, description: 'the command to run, e.g. "kubectl get pods -A"' },
      { name: 'file', short: 'f', value: '<path>', repeatable: true, description: 'a file or folder the command uses, zipped into its context; . attaches the current folder' },
      ...CONNECTION_FLAGS,
    ],
    examples: [
      { comment: 'list the pods of a private cluster', command: 'azlro aks command invoke -g my-rg -n my-cluster --command "kubectl get pods -A"' },
      { comment: 'apply a manifest from this folder and exit with the command\'s outcome', command: 'azlro aks command invoke -g my-rg -n my-cluster -c "kubectl apply -f deploy.yaml" --file deploy.yaml' },
      { comment: 'start a long job, keep its command id and token, wait later', command: 'azlro aks command invoke -g my-rg -n my-cluster -c "./migrate.sh" -f . --no-wait -o json' },
    ],
  },
  parse: (input) => ({
    name: 'aks command invoke',
    ...clusterOf(input),
    command: input.values.required('command'),
    files: input.values.all('file'),
  }),
  load: (): Promise<CommandModule> => import('./aks-command-invoke.js'),
  operation: true,
  resumes: 'containerservice.runCommand',
} as const satisfies CliCommand<{ name: 'aks command invoke' } & Record<string, unknown>>;
