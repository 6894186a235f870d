import { abortAgentPoolLatestOperation } from '@azlro/lro';
import type { Command } from '../args.js';
import { aksClient } from '../clients.js';
import type { CommandContext } from '../context.js';
import { follow } from '../follow.js';
import type { Report } from '../report.js';
import { Traffic } from '../traffic.js';

type AksNodepoolAbort = Extract<Command, { name: 'aks nodepool abort' }>;

/**
 * `azlro aks nodepool abort` (az's `aks nodepool operation-abort`): POST …/agentPools/{pool}/abort,
 * then follow Azure-AsyncOperation (or location) until done. 204: nothing was running; 409: exit 3.
 */
export async function run(command: AksNodepoolAbort, ctx: CommandContext, traffic = new Traffic()): Promise<Report> {
  const client = await aksClient(ctx, traffic);
  const { subscriptionId, resourceGroupName, resourceName, agentPoolName } = command;
  const report = await follow(ctx, {
    operation: 'aks nodepool abort',
    traffic,
    start: (options) => abortAgentPoolLatestOperation(client, { subscriptionId, resourceGroupName, resourceName, agentPoolName }, options),
    notes: () => nothingRunning(traffic),
  });
  return report.status === 'succeeded' && nothingRunning(traffic).length > 0 ? { ...report, nothingToAbort: true } : report;
}

function nothingRunning(traffic: Traffic): string[] {
  const last = traffic.exchanges.at(-1);
  return last?.method === 'POST' && last.status === 204 ? ['nothing to abort: no operation was running on the node pool (204)'] : [];
}
