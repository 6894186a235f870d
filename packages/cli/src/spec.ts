/**
 * The command surface, as one table: every command, its flags and examples. The parser, the help
 * pages, "did you mean" and the shell completion scripts are all read from here, so they cannot
 * drift apart. The surface is a contract: scripts call it. Each command's spec lives in its
 * descriptor (`commands/*.command.ts`); the shared flags in `flags.ts`.
 */
import { COMMANDS } from './commands/registry.js';
import { GLOBAL_FLAGS, type CommandSpec, type FlagSpec, type GroupSpec } from './flags.js';

export { GLOBAL_FLAGS, OUTPUT_FORMATS, VERSION_FLAG, type CommandSpec, type FlagSpec, type GroupSpec, type OutputFormat } from './flags.js';

export const GROUPS: readonly GroupSpec[] = [
  { name: 'aks', summary: 'Azure Kubernetes Service: abort the running operation, run a command, wait for a command result' },
  { name: 'aks nodepool', summary: 'AKS node pools: abort the operation running on one (az aks nodepool operation-abort)' },
  { name: 'aks command', summary: 'AKS run command: run a command in the cluster and wait for its exit code and logs' },
  { name: 'batch', summary: 'Azure Batch: cancel a certificate deletion (deprecated)' },
  { name: 'partner', summary: 'Cloud Partner Portal: cancel an offer operation' },
];

/** Every command's spec, from its descriptor (`commands/registry.ts`). */
export const COMMAND_SPECS: readonly CommandSpec[] = COMMANDS.map((command) => command.spec);

export type CommandName = (typeof COMMANDS)[number]['spec']['name'];

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
