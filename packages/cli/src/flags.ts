/** The shapes of the command surface, and the flags several commands share. */

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
  /** A credential: its value is never echoed in a message (a repeated flag names the flag only). @default false */
  secret?: boolean;
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
export const CONNECTION_FLAGS: readonly FlagSpec[] = [
  { name: 'endpoint', value: '<url>', description: 'ARM or Cloud Partner Portal base URL; with wait, confirms a token\'s endpoint that is not a known Azure one (loopback included)', defaultText: 'the public cloud' },
  {
    name: 'access-token', value: '<token>', env: ['AZLRO_ACCESS_TOKEN'], secret: true,
    description: 'a bearer token instead of DefaultAzureCredential (prefer the variable: argv is visible to other users)',
  },
  { name: 'no-wait', boolean: true, description: 'return once the service accepted the request, with a resume token' },
  { name: 'timeout', value: '<seconds>', description: 'stop waiting after this long (exit 4), with a resume token', defaultText: 'no limit' },
];

export const BATCH_KEY_FLAGS: readonly FlagSpec[] = [
  { name: 'account-name', value: '<name>', env: ['AZ_BATCH_ACCOUNT'], description: 'Batch Shared Key account name' },
  { name: 'account-key', value: '<key>', env: ['AZ_BATCH_ACCESS_KEY'], secret: true, description: 'Batch Shared Key (base64); without name and key, Batch uses the token credential' },
];

export const CLUSTER_FLAGS: readonly FlagSpec[] = [
  {
    name: 'subscription', value: '<uuid>', env: ['AZURE_SUBSCRIPTION_ID'],
    description: 'subscription id, or the name of one of the Azure CLI\'s subscriptions',
    defaultText: "the Azure CLI's default subscription (azureProfile.json in AZURE_CONFIG_DIR or ~/.azure)",
  },
  { name: 'resource-group', short: 'g', value: '<name>', required: true, description: 'resource group of the cluster' },
  { name: 'name', short: 'n', value: '<cluster>', required: true, description: 'name of the managed cluster' },
];

/** A placeholder subscription for examples. */
export const SUB = '00000000-0000-0000-0000-000000000000';

export type Shell = 'bash' | 'zsh' | 'fish';
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];
