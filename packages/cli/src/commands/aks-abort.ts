import { abortLatestOperation } from '@azlro/lro';
import type { Command } from '../args.js';
import { aksClient } from '../clients.js';
import type { CommandContext } from '../context.js';
import { EXIT_CODES } from '../exit-codes.js';
import { follow } from '../follow.js';
import type { Report } from '../report.js';
import { Traffic } from '../traffic.js';

type AksAbort = Extract<Command, { name: 'aks abort' }>;

/** `azlro aks abort`: POST …/abort, then follow Azure-AsyncOperation (or location) until done. */
export async function run(command: AksAbort, ctx: CommandContext, traffic = new Traffic()): Promise<Report> {
  const client = await aksClient(ctx, traffic);
  const { subscriptionId, resourceGroupName, resourceName } = command;
  const report = await follow(ctx, {
    endpoint: client.endpoint,
    operation: 'aks abort',
    traffic,
    start: (options) => abortLatestOperation(client, { subscriptionId, resourceGroupName, resourceName }, options),
    notes: () => abortNotes(traffic),
  });
  if (report.status === 'succeeded' && abortNotes(traffic).length > 0) return { ...report, nothingToAbort: true };
  if (report.error?.reason !== 'NothingToAbort' || !command.nothingToAbortOk) return report;
  // --nothing-to-abort-ok: the operation ended before the abort, which is what the caller wanted.
  const { error, ...rest } = report;
  return {
    ...rest, status: 'succeeded', exitCode: EXIT_CODES.succeeded, nothingToAbort: true,
    notes: [`nothing to abort: the latest operation finished before it could be aborted (${error.status} ${error.code ?? ''}: ${error.message})`.replace(' :', ':')],
  };
}

/** A 204 to the abort itself means there was nothing to abort; say so rather than just "succeeded". */
export function abortNotes(traffic: Traffic): string[] {
  const last = traffic.exchanges.at(-1);
  return last?.method === 'POST' && last.status === 204 ? ['nothing to abort: no operation was running on the cluster (204)'] : [];
}
