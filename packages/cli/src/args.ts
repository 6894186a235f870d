import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad usage or input: exit 2, nothing sent. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Options every command accepts. */
export interface CommonOptions {
  endpoint?: string;
  accessToken?: string;
  accountName?: string;
  accountKey?: string;
  noWait: boolean;
  timeoutInMs?: number;
  output: 'json' | 'text';
  verbose: boolean;
}

export type Command =
  | { name: 'help' }
  | { name: 'version' }
  | { name: 'aks abort'; subscriptionId: string; resourceGroupName: string; resourceName: string; nothingToAbortOk?: boolean }
  | { name: 'aks command-result'; subscriptionId: string; resourceGroupName: string; resourceName: string; commandId: string }
  | { name: 'batch cancel-certificate-deletion'; accountEndpoint: string; thumbprint: string; thumbprintAlgorithm: 'sha1' }
  | { name: 'partner cancel'; publisherId: string; offerId: string; notificationEmails?: string[] }
  | { name: 'wait'; resumeToken: string }
  | { name: 'emulator'; port: number }
  | { name: 'demo' };

export type ParsedCommand = Command & { options: CommonOptions };

const common = {
  endpoint: { type: 'string' },
  'access-token': { type: 'string' },
  'account-name': { type: 'string' },
  'account-key': { type: 'string' },
  'no-wait': { type: 'boolean' },
  timeout: { type: 'string' },
  output: { type: 'string', short: 'o' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

const cluster = {
  subscription: { type: 'string' },
  'resource-group': { type: 'string', short: 'g' },
  name: { type: 'string', short: 'n' },
} as const satisfies ParseArgsConfig['options'];

/** Each command's own options, on top of the common ones. */
const COMMANDS = {
  'aks abort': { ...cluster, 'nothing-to-abort-ok': { type: 'boolean' } },
  'aks command-result': { ...cluster, 'command-id': { type: 'string' } },
  'batch cancel-certificate-deletion': {
    'account-endpoint': { type: 'string' },
    thumbprint: { type: 'string' },
    'thumbprint-algorithm': { type: 'string' },
  },
  'partner cancel': { publisher: { type: 'string' }, offer: { type: 'string' }, 'notification-emails': { type: 'string' } },
  wait: {},
  emulator: { port: { type: 'string' } },
  demo: {},
} as const satisfies Record<string, ParseArgsConfig['options']>;

type CommandName = keyof typeof COMMANDS;
const GROUPS = new Set(['aks', 'batch', 'partner']);

function required(values: Record<string, unknown>, option: string): string {
  const value = values[option];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${option} is required`);
  return value;
}

function commonOptions(values: Record<string, unknown>, env: NodeJS.ProcessEnv): CommonOptions {
  const output = (values.output as string | undefined) ?? 'text';
  if (output !== 'json' && output !== 'text') throw new UsageError(`--output must be json or text; got ${JSON.stringify(output)}`);
  let timeoutInMs: number | undefined;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!(seconds > 0) || !Number.isFinite(seconds)) throw new UsageError(`--timeout must be a positive number of seconds; got ${JSON.stringify(values.timeout)}`);
    timeoutInMs = Math.round(seconds * 1000);
  }
  const pick = (flag: unknown, variable: string | undefined) => (typeof flag === 'string' ? flag : variable || undefined);
  return {
    endpoint: values.endpoint as string | undefined,
    accessToken: pick(values['access-token'], env.AZLRO_ACCESS_TOKEN),
    accountName: pick(values['account-name'], env.AZ_BATCH_ACCOUNT),
    accountKey: pick(values['account-key'], env.AZ_BATCH_ACCESS_KEY),
    noWait: values['no-wait'] === true,
    timeoutInMs,
    output,
    verbose: values.verbose === true,
  };
}

/** Every option any command knows, so that a scan for the command words skips option values. */
const ALL_OPTIONS = Object.assign({}, common, ...Object.values(COMMANDS)) as ParseArgsConfig['options'];

/**
 * Finds the command words (`aks abort`, `wait`) wherever they are (options may come first, as in
 * `azlro -o json aks abort …`) and returns the arguments without them.
 */
function splitCommand(argv: readonly string[]): { name: string; rest: string[] } {
  const { tokens = [] } = parseArgs({ args: [...argv], options: ALL_OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const words = tokens.filter((token) => token.kind === 'positional');
  const [first, second] = words;
  if (!first) return { name: '', rest: [...argv] };
  const used = GROUPS.has(first.value) && second ? [first, second] : [first];
  const name = used.map((token) => token.value).join(' ');
  return { name, rest: argv.filter((_, index) => !used.some((token) => token.index === index)) };
}

/** Parses argv (without `node` and the script) into a command; throws UsageError naming the problem. */
export function parseCommand(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedCommand {
  const { name, rest } = splitCommand(argv);
  if (!(name in COMMANDS)) {
    const bare = parseArgs({ args: [...argv], options: common, strict: false, allowPositionals: true });
    const options = commonOptions({}, env);
    if (bare.values.version === true) return { name: 'version', options };
    if (name === '' || bare.values.help === true) return { name: 'help', options };
    throw new UsageError(`unknown command ${JSON.stringify(name)}; run azlro --help`);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...common, ...COMMANDS[name as CommandName] },
      strict: true,
      allowPositionals: name === 'wait',
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  const values = parsed.values as Record<string, unknown>;
  const options = commonOptions(values, env);
  if (values.help === true) return { name: 'help', options };
  if (values.version === true) return { name: 'version', options };
  switch (name as CommandName) {
    case 'aks abort':
    case 'aks command-result': {
      const target = {
        subscriptionId: required(values, 'subscription'),
        resourceGroupName: required(values, 'resource-group'),
        resourceName: required(values, 'name'),
      };
      return name === 'aks abort'
        ? { name, ...target, nothingToAbortOk: values['nothing-to-abort-ok'] === true, options }
        : { name: 'aks command-result', ...target, commandId: required(values, 'command-id'), options };
    }
    case 'batch cancel-certificate-deletion': {
      const algorithm = (values['thumbprint-algorithm'] as string | undefined) ?? 'sha1';
      if (algorithm !== 'sha1') throw new UsageError(`--thumbprint-algorithm must be sha1; got ${JSON.stringify(algorithm)}`);
      return {
        name: 'batch cancel-certificate-deletion',
        accountEndpoint: required(values, 'account-endpoint'),
        thumbprint: required(values, 'thumbprint'),
        thumbprintAlgorithm: 'sha1',
        options,
      };
    }
    case 'partner cancel': {
      const emails = values['notification-emails'] as string | undefined;
      return {
        name: 'partner cancel',
        publisherId: required(values, 'publisher'),
        offerId: required(values, 'offer'),
        ...(emails === undefined ? {} : { notificationEmails: emails.split(',').map((e) => e.trim()).filter(Boolean) }),
        options,
      };
    }
    case 'wait': {
      if (parsed.positionals.length !== 1) throw new UsageError('wait takes exactly one argument: the resume token');
      return { name: 'wait', resumeToken: parsed.positionals[0]!, options };
    }
    case 'emulator': {
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be 0-65535; got ${JSON.stringify(values.port)}`);
      return { name: 'emulator', port, options };
    }
    case 'demo':
      return { name: 'demo', options };
  }
}
