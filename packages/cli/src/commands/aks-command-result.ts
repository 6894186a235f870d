import { waitForCommandResult } from '@azlro/lro';
import type { Command } from '../args.js';
import { aksClient } from '../clients.js';
import type { CommandContext } from '../context.js';
import { follow } from '../follow.js';
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
    start: (options) => waitForCommandResult(client, { subscriptionId, resourceGroupName, resourceName, commandId }, options),
  });
}
