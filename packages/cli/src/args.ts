import { parseArgs, type ParseArgsConfig } from 'node:util';
import { quoted, shown } from './sanitize.js';
import type { FlagValues } from './cli-command.js';
import { commandNamed, type RegisteredCommand } from './commands/registry.js';
import {
  COMMAND_SPECS, findCommand, findGroup, flagsOf, GLOBAL_FLAGS, GROUPS, OUTPUT_FORMATS, VERSION_FLAG,
  type CommandSpec, type FlagSpec, type OutputFormat,
} from './spec.js';
import { checkEnvKnobs } from './env-knobs.js';
import { resolveSubscription } from './subscription.js';
import { UsageError, type Unrecognised } from './usage-error.js';

export { UsageError, type Unrecognised } from './usage-error.js';

/** Options every command accepts. */
export interface CommonOptions {
  endpoint?: string;
  accessToken?: string;
  accountName?: string;
  accountKey?: string;
  noWait: boolean;
  timeoutInMs?: number;
  /** How the result is printed. @default 'text' ('json' with --query) */
  output: OutputFormat;
  /** JMESPath over the JSON result. */
  query?: string;
  verbose: boolean;
  /** Every exchange with headers and bodies, redacted. */
  debug?: boolean;
  /** stderr carries errors only. */
  onlyShowErrors?: boolean;
}

export { SHELLS, type Shell } from './flags.js';

/** A parsed command line: help, the version, or one of the registered commands' input (see `commands/registry.ts`). */
export type Command = { name: 'help'; topic?: string } | { name: 'version' } | RegisteredCommand;

export type ParsedCommand = Command & {
  options: CommonOptions;
  /**
   * How each input was given, by flag name: the flag as typed (`-n`), or the environment variable
   * or file it came from; so messages about a value name what the user actually wrote.
   */
  givenAs?: Readonly<Record<string, string>>;
};

const toParseArgs = (flags: readonly FlagSpec[]): NonNullable<ParseArgsConfig['options']> =>
  Object.fromEntries(flags.map((f) => [f.name, { type: f.boolean ? 'boolean' : 'string', multiple: true, ...(f.short ? { short: f.short } : {}) }]));

/** Every flag of every command, so a first pass can find the command words among the options. */
const ALL_FLAGS: FlagSpec[] = [...new Map([...COMMAND_SPECS.flatMap(flagsOf), VERSION_FLAG].map((f) => [f.name, f])).values()];
const TOP_LEVEL = COMMAND_SPECS.filter((c) => !c.name.includes(' ')).map((c) => c.name);

const label = (flag: FlagSpec) => `--${flag.name}`;

/** The output format argv or the environment asks for, without failing: usage errors are printed in it too. */
export function requestedOutput(argv: readonly string[], env: NodeJS.ProcessEnv): OutputFormat {
  let asked: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '-o' || arg === '--output') asked = argv[i + 1];
    else if (arg.startsWith('--output=')) asked = arg.slice('--output='.length);
    else if (/^-o[^-]/.test(arg)) asked = arg.slice(2);
  });
  asked ??= env.AZURE_CORE_OUTPUT?.trim() || undefined;
  if (asked === undefined && argv.some((arg) => arg === '--query' || arg.startsWith('--query='))) return 'json';
  return OUTPUT_FORMATS.find((f) => f === asked) ?? 'text';
}

/** The --query argv gives (the last one), without failing: usage errors are printed through it too. */
export function requestedQuery(argv: readonly string[]): string | undefined {
  let asked: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--query') asked = argv[i + 1];
    else if (arg.startsWith('--query=')) asked = arg.slice('--query='.length);
  });
  return asked;
}

interface Words {
  /** Positional tokens that are command words or arguments, with their argv index. */
  positionals: { value: string; index: number }[];
  /** The option tokens, in order. */
  options: { name: string; rawName: string; index: number }[];
}

/** A first, lenient pass over argv: the words and the option names, whatever command it is. */
function scan(argv: readonly string[]): Words {
  const { tokens = [] } = parseArgs({ args: [...argv], options: toParseArgs(ALL_FLAGS), strict: false, allowPositionals: true, tokens: true });
  const words: Words = { positionals: [], options: [] };
  let afterUnknown = false;
  for (const token of tokens) {
    if (token.kind === 'option') {
      words.options.push({ name: token.name, rawName: token.rawName, index: token.index });
      // `--nmae c1`: c1 is the unknown option's value, not a command word.
      afterUnknown = !ALL_FLAGS.some((f) => f.name === token.name) && token.inlineValue !== true;
    } else if (token.kind === 'positional') {
      const commandWord = findGroup(token.value) !== undefined || TOP_LEVEL.includes(token.value);
      if (!afterUnknown || commandWord) words.positionals.push({ value: token.value, index: token.index });
      afterUnknown = false;
    }
  }
  return words;
}

/** The command (or help page) that the words name. */
function commandOf(words: Words['positionals']): { spec?: CommandSpec; topic: string; used: number } {
  const values = words.map((w) => w.value);
  const [first, second] = values;
  if (first === undefined) return { topic: '', used: 0 };
  if (findGroup(first)) {
    // Groups nest (`aks nodepool`): the longest group the words name, then one command word.
    let group = first;
    while (values[group.split(' ').length] !== undefined && findGroup(`${group} ${values[group.split(' ').length]}`)) group += ` ${values[group.split(' ').length]}`;
    const depth = group.split(' ').length;
    const next = values[depth];
    if (next === undefined) return { topic: group, used: depth };
    const spec = findCommand(`${group} ${next}`);
    if (!spec) {
      throw new UsageError(`unknown command ${quoted(`${group} ${next}`)}`, {
        topic: group,
        unrecognised: [{ typed: next, prefix: `${group} `, candidates: COMMAND_SPECS.filter((c) => c.name.startsWith(`${group} `)).map((c) => c.name.slice(group.length + 1)) }],
      });
    }
    return { spec, topic: spec.name, used: depth + 1 };
  }
  const spec = TOP_LEVEL.includes(first) ? findCommand(first) : undefined;
  if (!spec) {
    const unrecognised: Unrecognised[] = [{ typed: first, candidates: [...GROUPS.map((g) => g.name), ...TOP_LEVEL] }];
    if (second !== undefined) unrecognised.push({ typed: `${first} ${second}`, candidates: COMMAND_SPECS.map((c) => c.name) });
    throw new UsageError(`unknown command ${quoted(first)}`, { unrecognised });
  }
  return { spec, topic: spec.name, used: 1 };
}

/** `Option '-n, --name <value>' argument missing` and the like, in the words of this CLI. */
function parseArgsMessage(error: Error & { code?: string }): string {
  const message = error.message.replace(/\. To specify a positional.*$/s, '').replace(/\. Did you forget.*$/s, '');
  const flag = /'(?:-\w, )?(--[\w-]+)/.exec(message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/argument missing/.test(message) && flag) return `${flag} needs a value`;
      if (/ambiguous/.test(message) && flag) return `${flag} needs a value; for one that starts with "-", write ${flag}=-…`;
      if (/does not take an argument/.test(message) && flag) return `${flag} takes no value`;
      return shown(message);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted(/'(.*)'/s.exec(message)?.[1] ?? '')}`;
    default:
      return shown(message);
  }
}

/** Reads each flag's value: the flag (once, unless repeatable), else its environment variables. */
class Values implements FlagValues {
  readonly givenAs: Record<string, string> = {};
  readonly #values: Record<string, (string | boolean)[] | undefined>;
  readonly #flags: readonly FlagSpec[];
  readonly #env: NodeJS.ProcessEnv;

  constructor(values: Record<string, unknown>, typed: Words['options'], flags: readonly FlagSpec[], env: NodeJS.ProcessEnv, topic: string) {
    this.#values = values as Record<string, (string | boolean)[] | undefined>;
    this.#flags = flags;
    this.#env = env;
    for (const flag of flags) {
      const given = this.#values[flag.name];
      if (given && given.length > 1 && !flag.repeatable) {
        const shownValues = flag.boolean || flag.secret ? '' : ` (${given.map((v) => quoted(String(v))).join(', ')})`;
        throw new UsageError(`${label(flag)} was given ${given.length} times${shownValues}; it takes one value`, { topic });
      }
      const rawName = typed.find((t) => t.name === flag.name)?.rawName;
      if (rawName) this.givenAs[flag.name] = rawName;
    }
  }

  #flag(name: string): FlagSpec {
    const flag = this.#flags.find((f) => f.name === name);
    if (!flag) throw new Error(`no flag ${name}`);
    return flag;
  }

  /** The flag's value, else the first environment variable set; records where it came from. */
  string(name: string): string | undefined {
    const flag = this.#flag(name);
    const given = this.#values[name];
    if (given?.length) return String(given.at(-1));
    for (const variable of flag.env ?? []) {
      const value = this.#env[variable];
      if (value !== undefined && value.trim() !== '') {
        this.givenAs[name] = variable;
        return value;
      }
    }
    return undefined;
  }

  all(name: string): string[] {
    return (this.#values[name] ?? []).map(String);
  }

  boolean(name: string): boolean {
    return this.#values[name]?.at(-1) === true;
  }

  required(name: string): string {
    const value = this.string(name);
    if (value === undefined || value.trim() === '') throw new UsageError(`${label(this.#flag(name))} is required`);
    return value;
  }

  /** How a flag was given, for messages: `-n`, `--name`, `AZURE_SUBSCRIPTION_ID`. */
  as(name: string): string {
    return this.givenAs[name] ?? `--${name}`;
  }

  /** A URL flag must not carry user-info: it would be printed and logged, and is never how Azure authenticates. */
  url(name: string): string | undefined {
    const value = this.string(name);
    if (value !== undefined && value.includes('@')) {
      throw new UsageError(`${this.as(name)} must not contain a user name or password (user:password@); give credentials with --access-token or the environment`);
    }
    return value;
  }
}

function commonOptions(values: Values, spec: CommandSpec | undefined, env: NodeJS.ProcessEnv): CommonOptions {
  const has = (name: string) => spec === undefined ? GLOBAL_FLAGS.some((f) => f.name === name) : flagsOf(spec).some((f) => f.name === name);
  const query = values.string('query');
  let output = values.string('output');
  output ??= query === undefined ? 'text' : 'json';
  if (!OUTPUT_FORMATS.includes(output as OutputFormat)) {
    throw new UsageError(`${values.as('output')} must be one of ${OUTPUT_FORMATS.join(', ')}; got ${quoted(output)}`, {
      topic: spec?.name, unrecognised: [{ typed: output, candidates: OUTPUT_FORMATS }],
    });
  }
  if (query !== undefined && query.trim() === '') throw new UsageError('--query must not be empty');
  let timeoutInMs: number | undefined;
  const timeout = has('timeout') ? values.string('timeout') : undefined;
  if (timeout !== undefined) {
    const seconds = Number(timeout);
    if (!(seconds > 0) || !Number.isFinite(seconds)) throw new UsageError(`--timeout must be a positive number of seconds; got ${quoted(timeout)}`);
    timeoutInMs = Math.round(seconds * 1000);
  }
  const debug = values.boolean('debug');
  const options: CommonOptions = {
    endpoint: has('endpoint') ? values.url('endpoint') : undefined,
    accessToken: has('access-token') ? values.string('access-token') : env.AZLRO_ACCESS_TOKEN || undefined,
    accountName: has('account-name') ? values.string('account-name') : undefined,
    accountKey: has('account-key') ? values.string('account-key') : undefined,
    noWait: has('no-wait') && values.boolean('no-wait'),
    timeoutInMs,
    output: output as OutputFormat,
    verbose: values.boolean('verbose') || debug,
  };
  if (query !== undefined) options.query = query;
  if (debug) options.debug = true;
  if (values.boolean('only-show-errors')) options.onlyShowErrors = true;
  return options;
}

/** Parses argv (without `node` and the script) into a command; throws UsageError naming the problem. */
export function parseCommand(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedCommand {
  // `azlro help aks abort` is `azlro aks abort --help`.
  if (argv[0] === 'help') return parseCommand([...argv.slice(1), '--help'], env);
  const words = scan(argv);
  const helpAsked = words.options.some((o) => o.name === 'help');
  const versionAsked = words.options.some((o) => o.name === 'version');
  let found;
  try {
    found = commandOf(words.positionals);
  } catch (error) {
    if (versionAsked && !helpAsked) return { name: 'version', options: defaults(env) };
    throw error;
  }
  const { spec, topic, used } = found;
  if (helpAsked || (!spec && !versionAsked)) return { name: 'help', topic, options: defaults(env) };
  if (!spec || versionAsked) return { name: 'version', options: defaults(env) };

  const flags = flagsOf(spec);
  for (const option of words.options) {
    if (!flags.some((f) => f.name === option.name)) {
      throw new UsageError(`unknown option ${quoted(option.rawName)} for ${spec.name}`, {
        topic,
        unrecognised: [{ typed: option.rawName, candidates: flags.map(label) }],
      });
    }
  }
  const commandWords = new Set(words.positionals.slice(0, used).map((w) => w.index));
  let parsed;
  try {
    parsed = parseArgs({ args: argv.filter((_, i) => !commandWords.has(i)), options: toParseArgs(flags), strict: true, allowPositionals: spec.positional !== undefined });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error as Error), { topic });
  }
  try {
    const values = new Values(parsed.values, words.options, flags, env, topic);
    const options = commonOptions(values, spec, env);
    checkEnvKnobs(env);
    // --subscription, else AZURE_SUBSCRIPTION_ID, else the az profile: read only by the commands that take one.
    const subscription = () => resolveSubscription(values.string('subscription'), values.as('subscription'), env, values.givenAs);
    const command = commandNamed(spec.name)!.parse({ values, positionals: parsed.positionals, env, subscription }) as RegisteredCommand;
    return { ...command, options, givenAs: values.givenAs };
  } catch (error) {
    if (error instanceof UsageError && error.topic === '') throw new UsageError(error.message, { topic, unrecognised: error.unrecognised });
    throw error;
  }
}

function defaults(env: NodeJS.ProcessEnv): CommonOptions {
  return { noWait: false, output: 'text', verbose: false, accessToken: env.AZLRO_ACCESS_TOKEN || undefined };
}
