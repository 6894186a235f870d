import type { RunCommandResult } from '@azlro/containerservice';
import { waitForCommandResult } from '@azlro/lro';
import type { Command } from '../args.js';
import { aksClient } from '../clients.js';
import type { CommandContext } from '../context.js';
import { follow, type FollowSpec } from '../follow.js';
import { EXIT_CODES } from '../exit-codes.js';
import type { Report } from '../report.js';
import { Traffic } from '../traffic.js';

type AksCommandResult = Extract<Command, { name: 'aks command-result' }>;

/** `azlro aks command-result`: GET …/commandResults/{id}, following Location while it answers 202. */
export async function run(command: AksCommandResult, ctx: CommandContext, traffic = new Traffic()): Promise<Report> {
  const client = await aksClient(ctx, traffic);
  const { subscriptionId, resourceGroupName, resourceName, commandId } = command;
  return follow(ctx, {
    operation: 'aks command-result',
    traffic,
    endpoint: client.endpoint,
    start: (options) => waitForCommandResult(client, { subscriptionId, resourceGroupName, resourceName, commandId }, options),
    judge: judgeCommand,
  });
}

/**
 * A command that ran to the end on the cluster but exited non-zero is not a success
 * (`az aks command invoke` calls it one: Azure/azure-cli#23808): exit 5, naming the command's code.
 */
export function judgeCommand(result: RunCommandResult | undefined): ReturnType<NonNullable<FollowSpec<RunCommandResult>['judge']>> {
  const exitCode = result?.properties?.exitCode;
  if (typeof exitCode !== 'number' || exitCode === 0) return undefined;
  return {
    exitCode: EXIT_CODES.commandFailed,
    commandExitCode: exitCode,
    error: { code: 'CommandFailed', message: `the command ran on the cluster and exited with code ${exitCode} (azlro exits ${EXIT_CODES.commandFailed})` },
  };
}

/** `azlro wait` judges a resumed command result as this command does. */
export const judge = judgeCommand;
