import { parseResumeToken, runCommand } from '@azlro/lro';
import type { Command, ParsedCommand } from '../args.js';
import { aksClient } from '../clients.js';
import type { CommandContext } from '../context.js';
import { zipContext } from '../context-zip.js';
import { follow } from '../follow.js';
import { judgeCommand } from './aks-command-result.js';
import type { Report } from '../report.js';
import { Traffic } from '../traffic.js';

type AksCommandInvoke = Extract<Command, { name: 'aks command invoke' }>;

/**
 * `azlro aks command invoke`: POST …/runCommand with the command and the `--file`s zipped into
 * `context`, then follow its result with no time limit unless `--timeout` (az gives up after about
 * five minutes: Azure/azure-cli#22373). Prints the logs; a command that exited non-zero exits 5.
 */
export async function run(command: AksCommandInvoke & Pick<ParsedCommand, 'givenAs'>, ctx: CommandContext, traffic = new Traffic()): Promise<Report> {
  // Read and zipped before anything is sent: a missing file is a usage error (exit 2), naming the flag as typed.
  const context = command.files.length > 0 ? zipContext(command.files, process.cwd(), command.givenAs?.file) : undefined;
  const client = await aksClient(ctx, traffic);
  const { subscriptionId, resourceGroupName, resourceName } = command;
  const report = await follow(ctx, {
    operation: 'aks command invoke',
    traffic,
    endpoint: client.endpoint,
    start: (options) => runCommand(client, { subscriptionId, resourceGroupName, resourceName }, { command: command.command, ...(context === undefined ? {} : { context }) }, options),
    // A command that ran but exited non-zero: exit 5 with commandExitCode, as for `aks command-result`.
    judge: judgeCommand,
  });
  return withCommandId(report);
}

/** A report of a command still running gets its id (the last segment of its result's URL, from the token). */
export function withCommandId(report: Report): Report {
  if (!report.resumeToken) return report;
  const url = parseResumeToken(report.resumeToken).polling?.url;
  const commandId = url ? /\/commandResults\/([^/?#]+)/i.exec(new URL(url).pathname)?.[1] : undefined;
  return commandId ? { ...report, commandId: decodeURIComponent(commandId) } : report;
}

/** `azlro wait` judges a resumed command as this command does, and names its id while it runs. */
export { judgeCommand as judge };
export const resumed = withCommandId;
