import { COMMAND_SPECS, findCommand, findGroup, GLOBAL_FLAGS, GROUPS, VERSION_FLAG, type CommandSpec, type FlagSpec } from './spec.js';

const EXIT_CODES_TEXT = `Exit codes:
  0 succeeded (or accepted, with --no-wait)   1 the operation ended failed or canceled
  2 invalid usage or input, nothing sent      3 service or network error after retries
  4 --timeout reached                         5 the command run on the cluster exited non-zero
  130 interrupted (prints how to resume; SIGTERM: 143)`;

const ENVIRONMENT_TEXT = `Environment:
  AZURE_SUBSCRIPTION_ID     the subscription when --subscription is absent
  AZURE_CONFIG_DIR          the Azure CLI's folder (default ~/.azure): its azureProfile.json names the default subscription
  AZLRO_ACCESS_TOKEN        a bearer token instead of DefaultAzureCredential
  AZLRO_TRY_TIMEOUT_MS      the time limit of each request try, headers and body (default 60000)
  AZ_BATCH_ACCOUNT, AZ_BATCH_ACCESS_KEY   Batch Shared Key
  AZURE_CORE_OUTPUT         the default --output, as for az
  AZLRO_LOG_LEVEL           verbose, info, warning or error: the HTTP layer's log lines on stderr
  NO_COLOR                  no colour, even on a terminal (TERM=dumb: no colour and no live line either)`;

/** `  -g, --resource-group <name>   description` rows, aligned, with defaults and variables underneath. */
function flagRows(flags: readonly FlagSpec[]): string[] {
  const left = flags.map((f) => `${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.value ? ` ${f.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length));
  return flags.flatMap((flag, i) => {
    const notes = [
      flag.required ? 'required' : undefined,
      flag.env?.length ? `env: ${flag.env.join(', ')}` : undefined,
      flag.defaultText ? `default: ${flag.defaultText}` : undefined,
      flag.choices && flag.choices.length > 1 ? `one of: ${flag.choices.join(', ')}` : undefined,
    ].filter(Boolean);
    const rows = [`  ${left[i]!.padEnd(width)}  ${flag.description}`];
    if (notes.length) rows.push(`  ${' '.repeat(width)}  (${notes.join('; ')})`);
    return rows;
  });
}

function exampleRows(examples: CommandSpec['examples']): string[] {
  return examples.flatMap(({ comment, command }) => [`  # ${comment}`, `  ${command}`]);
}

/** `aks abort -g <name> -n <cluster>`: the required flags, as a synopsis. */
function synopsis(command: CommandSpec): string {
  const required = command.flags.filter((f) => f.required && !f.env?.length).map((f) => `${f.short ? `-${f.short}` : `--${f.name}`} ${f.value ?? ''}`.trim());
  return ['azlro', command.name, command.positional, ...required, '[flags]'].filter(Boolean).join(' ');
}

function commandRows(commands: readonly CommandSpec[]): string[] {
  const names = commands.map((c) => `${c.name}${c.positional ? ` ${c.positional}` : ''}`);
  const width = Math.max(...names.map((n) => n.length));
  return commands.map((c, i) => `  ${names[i]!.padEnd(width)}  ${c.summary}`);
}

function globalPage(): string {
  const groupWidth = Math.max(...GROUPS.map((g) => g.name.length));
  return [
    'azlro: stop and follow Azure long-running operations',
    '',
    'Usage: azlro <group> <command> [flags]',
    '       azlro <command> --help, azlro help <command>: one command, with its flags and examples',
    '',
    'Groups:',
    ...GROUPS.map((g) => `  ${g.name.padEnd(groupWidth)}  ${g.summary}`),
    '',
    'Commands:',
    ...commandRows(COMMAND_SPECS),
    '',
    'Global flags:',
    ...flagRows([...GLOBAL_FLAGS, VERSION_FLAG]),
    '',
    ENVIRONMENT_TEXT,
    '',
    EXIT_CODES_TEXT,
    '',
    'Examples:',
    ...exampleRows([
      { comment: 'try everything offline against the local emulator', command: 'azlro demo' },
      { comment: 'abort what runs on a cluster (subscription from az login)', command: 'azlro aks abort -g my-rg -n my-cluster' },
      { comment: 'print only the outcome', command: 'azlro aks abort -g my-rg -n my-cluster -o tsv --query status' },
    ]),
    '',
  ].join('\n');
}

function groupPage(name: string, summary: string): string {
  const commands = COMMAND_SPECS.filter((c) => c.name.startsWith(`${name} `));
  return [
    `azlro ${name}: ${summary}`,
    '',
    `Usage: azlro ${name} <command> [flags]`,
    '',
    'Commands:',
    ...commandRows(commands),
    '',
    'Examples:',
    ...exampleRows(commands.flatMap((c) => c.examples.slice(0, commands.length > 1 ? 1 : 3))),
    '',
    `Run \`azlro ${name} <command> --help\` for a command's flags.`,
    '',
  ].join('\n');
}

function commandPage(command: CommandSpec): string {
  const local = command.local === true;
  return [
    `azlro ${command.name}: ${command.summary}`,
    ...(command.description ? ['', command.description] : []),
    '',
    `Usage: ${synopsis(command)}`,
    ...(command.flags.length ? ['', 'Flags:', ...flagRows(command.flags)] : []),
    '',
    'Global flags:',
    ...flagRows(GLOBAL_FLAGS),
    '',
    'Examples:',
    ...exampleRows(command.examples),
    ...(local ? [] : ['', EXIT_CODES_TEXT]),
    '',
  ].join('\n');
}

/** The help page for a topic: `''` (everything), a group (`aks`) or a command (`aks abort`). */
export function helpPage(topic = ''): string {
  const command = findCommand(topic);
  if (command) return commandPage(command);
  const group = findGroup(topic);
  if (group) return groupPage(group.name, group.summary);
  return globalPage();
}
