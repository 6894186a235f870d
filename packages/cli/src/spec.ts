/**
 * The command surface, as one table: every command, its flags and examples. The parser, the help
 * pages, "did you mean" and the shell completion scripts are all read from here, so they cannot
 * drift apart. The surface is a contract: scripts call it.
 */

/** One flag. */
export interface FlagSpec {
  /** Long name without dashes: `resource-group`. */
  name: string;
  /** One-letter alias: `g`. */
  short?: string;
  /** Takes no value. @default false (takes a value) */
  boolean?: boolean;
  /** The value's placeholder in help: `<uuid>`. */
  value?: string;
  description: string;
  /** Shown in help as `default: …`. */
  defaultText?: string;
  /** Environment variables read when the flag is absent, in order. */
  env?: string[];
  /** Must be given (after the environment and defaults are applied). */
  required?: boolean;
  /** May be given more than once; otherwise a second occurrence is an error (exit 2). */
  repeatable?: boolean;
  /** Values offered by shell completion and checked by the parser. */
  choices?: readonly string[];
}

/** One command (`aks abort`) or a bare one (`wait`). */
export interface CommandSpec {
  name: string;
  summary: string;
  /** More words for the command's own help page. */
  description?: string;
  /** `<resume-token>`: positional arguments, for help. */
  positional?: string;
  flags: readonly FlagSpec[];
  /** Two or three ready-to-adapt command lines, each with what it does. */
  examples: readonly { comment: string; command: string }[];
  /** Takes none of the connection flags (--endpoint, credentials, --no-wait…): emulator, demo, completion. */
  local?: boolean;
}

/** A command group (`aks`). */
export interface GroupSpec {
  name: string;
  summary: string;
}

/** `yamlc` is az's coloured YAML; here it is plain YAML, so an AZURE_CORE_OUTPUT=yamlc still works. */
export const OUTPUT_FORMATS = ['text', 'json', 'jsonc', 'yaml', 'yamlc', 'table', 'tsv', 'none'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The flags every command takes (help, output, logging). */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  {
    name: 'output', short: 'o', value: '<format>', choices: OUTPUT_FORMATS, env: ['AZURE_CORE_OUTPUT'],
    description: 'how the result is printed: text for people, or one of az\'s formats (jsonc is coloured JSON)',
    defaultText: 'text (json when --query is given)',
  },
  { name: 'query', value: '<jmespath>', description: 'JMESPath query over the JSON result, as az --query (https://jmespath.org)' },
  { name: 'verbose', boolean: true, description: 'more on stderr: every HTTP exchange, where the subscription came from' },
  { name: 'debug', boolean: true, description: 'everything --verbose shows, plus each request and response with headers and bodies (secrets redacted)' },
  { name: 'only-show-errors', boolean: true, description: 'stderr shows errors only: no progress, warnings or hints' },
  { name: 'help', short: 'h', boolean: true, description: 'show help for the command' },
];

/** The version flag: on the top level only. */
export const VERSION_FLAG: FlagSpec = { name: 'version', boolean: true, description: 'show the version' };

/** What every command that talks to a service takes. */
const CONNECTION_FLAGS: readonly FlagSpec[] = [
  { name: 'endpoint', value: '<url>', description: 'ARM or Cloud Partner Portal base URL; with wait, confirms a token\'s endpoint that is not a known Azure one (loopback included)', defaultText: 'the public cloud' },
  {
    name: 'access-token', value: '<token>', env: ['AZLRO_ACCESS_TOKEN'],
    description: 'a bearer token instead of DefaultAzureCredential (prefer the variable: argv is visible to other users)',
  },
  { name: 'no-wait', boolean: true, description: 'return once the service accepted the request, with a resume token' },
  { name: 'timeout', value: '<seconds>', description: 'stop waiting after this long (exit 4), with a resume token', defaultText: 'no limit' },
];

const BATCH_KEY_FLAGS: readonly FlagSpec[] = [
  { name: 'account-name', value: '<name>', env: ['AZ_BATCH_ACCOUNT'], description: 'Batch Shared Key account name' },
  { name: 'account-key', value: '<key>', env: ['AZ_BATCH_ACCESS_KEY'], description: 'Batch Shared Key (base64); without name and key, Batch uses the token credential' },
];

const CLUSTER_FLAGS: readonly FlagSpec[] = [
  {
    name: 'subscription', value: '<uuid>', env: ['AZURE_SUBSCRIPTION_ID'],
    description: 'subscription id, or the name of one of the Azure CLI\'s subscriptions',
    defaultText: "the Azure CLI's default subscription (azureProfile.json in AZURE_CONFIG_DIR or ~/.azure)",
  },
  { name: 'resource-group', short: 'g', value: '<name>', required: true, description: 'resource group of the cluster' },
  { name: 'name', short: 'n', value: '<cluster>', required: true, description: 'name of the managed cluster' },
];

const SUB = '00000000-0000-0000-0000-000000000000';

export const GROUPS: readonly GroupSpec[] = [
  { name: 'aks', summary: 'Azure Kubernetes Service: abort the running operation, run a command, wait for a command result' },
  { name: 'aks nodepool', summary: 'AKS node pools: abort the operation running on one (az aks nodepool operation-abort)' },
  { name: 'aks command', summary: 'AKS run command: run a command in the cluster and wait for its exit code and logs' },
  { name: 'batch', summary: 'Azure Batch: cancel a certificate deletion (deprecated)' },
  { name: 'partner', summary: 'Cloud Partner Portal: cancel an offer operation' },
];

export const COMMAND_SPECS: readonly CommandSpec[] = [
  {
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
  {
    name: 'aks command-result',
    summary: 'wait for the result of an `az aks command invoke` run, past az\'s 5 minutes',
    description: 'GET …/commandResults/{id}, following Location while it answers 202. Exit 1 if the command ended failed.',
    flags: [...CLUSTER_FLAGS, { name: 'command-id', value: '<id>', required: true, description: 'the command id (from az aks command invoke --no-wait)' }, ...CONNECTION_FLAGS],
    examples: [
      { comment: 'wait for a command and print its logs', command: 'azlro aks command-result -g my-rg -n my-cluster --command-id 5f1e… -o tsv --query result.properties.logs' },
      { comment: 'give up after ten minutes (exit 4), keeping a resume token', command: 'azlro aks command-result -g my-rg -n my-cluster --command-id 5f1e… --timeout 600' },
    ],
  },
  {
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
  {
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
  {
    name: 'batch cancel-certificate-deletion',
    summary: 'cancel a failed certificate deletion (deprecated: the feature was retired in 2024)',
    description: 'POST {batchUrl}/certificates(…)/canceldelete, answered 204. Newer API versions answer 400 CertificateRetired (exit 3).',
    flags: [
      { name: 'account-endpoint', value: '<url>', required: true, description: 'the Batch account URL (https://<account>.<region>.batch.azure.com)' },
      { name: 'thumbprint', value: '<40 hex>', required: true, description: 'the certificate\'s SHA-1 thumbprint' },
      { name: 'thumbprint-algorithm', value: '<alg>', choices: ['sha1'], defaultText: 'sha1', description: 'the thumbprint algorithm' },
      ...BATCH_KEY_FLAGS,
      ...CONNECTION_FLAGS.filter((flag) => flag.name !== 'endpoint'),
    ],
    examples: [
      { comment: 'with Shared Key from the environment', command: 'AZ_BATCH_ACCOUNT=acct AZ_BATCH_ACCESS_KEY=… azlro batch cancel-certificate-deletion --account-endpoint https://acct.westeurope.batch.azure.com --thumbprint 0123…cdef' },
      { comment: 'with the az login credential', command: 'azlro batch cancel-certificate-deletion --account-endpoint https://acct.westeurope.batch.azure.com --thumbprint 0123…cdef' },
    ],
  },
  {
    name: 'partner cancel',
    summary: 'cancel the operation running on a Cloud Partner Portal offer and wait until it is canceled',
    description: 'POST /api/publishers/{p}/offers/{o}/cancel: 200 when canceled at once, else 202 followed at its Location.',
    flags: [
      { name: 'publisher', value: '<id>', required: true, description: 'publisher id' },
      { name: 'offer', value: '<id>', required: true, description: 'offer id' },
      { name: 'notification-emails', value: '<a@x,b@y>', repeatable: true, description: 'who the portal e-mails about the cancellation; comma-separated, repeatable' },
      ...CONNECTION_FLAGS,
    ],
    examples: [
      { comment: 'cancel and wait', command: 'azlro partner cancel --publisher contoso --offer my-offer' },
      { comment: 'tell two people, print only the final status', command: 'azlro partner cancel --publisher contoso --offer my-offer --notification-emails a@contoso.com --notification-emails b@contoso.com -o tsv --query status' },
    ],
  },
  {
    name: 'wait',
    positional: '<resume-token>',
    summary: 'continue a wait from a resume token (from --no-wait, --timeout or Ctrl-C), in any process',
    description: 'The token holds no secret: the credential is given again now. The endpoint comes from the token; ' +
      'one that is not a known Azure endpoint must be confirmed with --endpoint.',
    flags: [...CONNECTION_FLAGS],
    examples: [
      { comment: 'wait for an abort started with --no-wait', command: 'azlro wait "$(azlro aks abort -g my-rg -n my-cluster --no-wait -o tsv --query resumeToken)"' },
      { comment: 'poll once and return a fresh token', command: 'azlro wait "$TOKEN" --no-wait -o json' },
    ],
  },
  {
    name: 'emulator',
    summary: 'run the local emulator (all four operations on 127.0.0.1) until Ctrl-C',
    description: 'It prints its endpoints and ready-to-paste commands for every outcome, then logs each request on stderr. ' +
      'Ctrl-C (or SIGTERM) closes it cleanly and exits 0.',
    flags: [{ name: 'port', value: '<n>', description: 'the ARM endpoint\'s port', defaultText: 'any free port' }],
    local: true,
    examples: [
      { comment: 'start it and paste the commands it prints into another terminal', command: 'azlro emulator' },
      { comment: 'its endpoints as one JSON line', command: 'azlro emulator -o json' },
    ],
  },
  {
    name: 'demo',
    summary: 'run every operation against the emulator and print a summary (offline, ~20 s)',
    flags: [],
    local: true,
    examples: [{ comment: 'the whole tour', command: 'azlro demo' }, { comment: 'its summary as JSON', command: 'azlro demo -o json' }],
  },
  {
    name: 'completion',
    positional: 'bash|zsh|fish',
    summary: 'print a shell completion script',
    flags: [],
    local: true,
    examples: [
      { comment: 'bash, for this shell', command: 'source <(azlro completion bash)' },
      { comment: 'zsh: put this line in ~/.zshrc', command: 'eval "$(azlro completion zsh)"' },
      { comment: 'fish', command: 'azlro completion fish > ~/.config/fish/completions/azlro.fish' },
    ],
  },
];

export type CommandName = 'aks abort' | 'aks command-result' | 'aks nodepool abort' | 'aks command invoke' | 'batch cancel-certificate-deletion' | 'partner cancel' | 'wait' | 'emulator' | 'demo' | 'completion';

export function findCommand(name: string): CommandSpec | undefined {
  return COMMAND_SPECS.find((command) => command.name === name);
}

export function findGroup(name: string): GroupSpec | undefined {
  return GROUPS.find((group) => group.name === name);
}

/** Every flag a command takes: its own, then the global ones. */
export function flagsOf(command: CommandSpec): FlagSpec[] {
  return [...command.flags, ...GLOBAL_FLAGS];
}

/** Library parameter names as the flags that supply them, for messages about bad input. */
export const FLAG_OF_PARAMETER: Readonly<Record<string, string>> = {
  subscriptionId: '--subscription',
  resourceGroupName: '--resource-group',
  resourceName: '--name',
  commandId: '--command-id',
  agentPoolName: '--nodepool-name',
  thumbprint: '--thumbprint',
  thumbprintAlgorithm: '--thumbprint-algorithm',
  publisherId: '--publisher',
  offerId: '--offer',
  notificationEmails: '--notification-emails',
  endpoint: '--endpoint',
};
