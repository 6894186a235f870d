import type { OperationKind } from '@azlro/lro';
import type { CommandContext } from './context.js';
import type { ExitCode } from './exit-codes.js';
import type { CommandSpec } from './flags.js';
import type { Report } from './report.js';
import type { Traffic } from './traffic.js';

/** The flag values of one command line, as a descriptor's `parse` reads them. */
export interface FlagValues {
  /** The flag's value, else the first of its environment variables that is set. */
  string(name: string): string | undefined;
  /** Every value of a repeatable flag. */
  all(name: string): string[];
  boolean(name: string): boolean;
  /** The value; a UsageError naming the flag when it is missing. */
  required(name: string): string;
  /** A URL flag's value; a UsageError when it carries user-info (`user:password@`). */
  url(name: string): string | undefined;
  /** How a flag was given, for messages: `-n`, `--name`, `AZURE_SUBSCRIPTION_ID`. */
  as(name: string): string;
}

/** What a descriptor's `parse` gets. */
export interface ParseInput {
  values: FlagValues;
  positionals: readonly string[];
  env: NodeJS.ProcessEnv;
  /** --subscription, else AZURE_SUBSCRIPTION_ID, else the az profile's default (read only when called). */
  subscription(): string;
}

/** What a command's run module exports; loaded with `import()` only when the command runs. */
export interface CommandModule {
  run(command: never, ctx: CommandContext, traffic?: Traffic): Promise<Report | ExitCode>;
  /** `azlro wait`: judges a resumed result as the command itself would (e.g. a non-zero exit code). */
  judge?: (result: never) => ReturnType<NonNullable<import('./follow.js').FollowSpec<unknown>['judge']>>;
  /** `azlro wait`: adds what the command's own report would carry (e.g. the command id). */
  resumed?: (report: Report) => Report;
}

/**
 * One CLI command, in one place: its spec (flags, help, examples), how its flags become its input,
 * how it starts and reports (its run module), and which operation `azlro wait` resumes as it.
 * A new command is a descriptor file and a run module under `commands/`, and one line in
 * `commands/registry.ts`.
 */
export interface CliCommand<TCommand extends { name: string } = { name: string }> {
  readonly spec: CommandSpec & { name: TCommand['name'] };
  /** Reads the parsed flags into the command's input; throws a UsageError naming the problem. */
  readonly parse: (input: ParseInput) => TCommand;
  readonly load: () => Promise<CommandModule>;
  /** It follows an operation, which its report names (`operation`); `wait`, `emulator` and the like do not. */
  readonly operation?: true;
  /** The operation kind whose resume tokens `azlro wait` continues as this command. */
  readonly resumes?: OperationKind;
  /** Library parameters this command takes from another flag than the shared table says (`endpoint` → `--account-endpoint`). */
  readonly flagOf?: Readonly<Record<string, string>>;
}

/** The cluster that `CLUSTER_FLAGS` name: `--subscription` (or its fallbacks), `-g`, `-n`. */
export function clusterOf({ values, subscription }: ParseInput): { subscriptionId: string; resourceGroupName: string; resourceName: string } {
  return { subscriptionId: subscription(), resourceGroupName: values.required('resource-group'), resourceName: values.required('name') };
}
