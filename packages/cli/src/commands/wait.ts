import type { OperationKind, ResumeToken } from '@azlro/lro';
import { UsageError, type Command } from '../args.js';
import { aksClient, partnerClient } from '../clients.js';
import type { CommandContext } from '../context.js';
import { follow } from '../follow.js';
import { isKnownEndpoint } from '../known-endpoints.js';
import type { OperationName, Report } from '../report.js';
import { Traffic } from '../traffic.js';

type Wait = Extract<Command, { name: 'wait' }>;

const OPERATION_BY_KIND: Readonly<Record<OperationKind, OperationName>> = {
  'containerservice.abortLatestOperation': 'aks abort',
  'containerservice.commandResult': 'aks command-result',
  'containerservice.abortAgentPoolLatestOperation': 'aks nodepool abort',
  'containerservice.runCommand': 'aks command invoke',
  'cloudpartner.cancelOperation': 'partner cancel',
};

/** Refuses, before anything is sent, a token whose endpoint the user did not vouch for. */
function checkEndpoint(token: ResumeToken, endpointOption: string | undefined): void {
  const origin = new URL(token.endpoint).origin;
  if (endpointOption !== undefined) {
    const confirmed = URL.canParse(endpointOption) ? new URL(endpointOption).origin : undefined;
    if (confirmed !== origin) throw new UsageError(`the resume token is for ${origin}, not --endpoint ${JSON.stringify(endpointOption)}`);
    return;
  }
  if (!isKnownEndpoint(origin)) {
    throw new UsageError(
      `the resume token points at ${origin}, which is not a known Azure endpoint: to send your credential there, confirm it with --endpoint ${origin}`,
    );
  }
}

/**
 * `azlro wait <token>`: continues a wait from a resume token (from --no-wait, --timeout or
 * Ctrl-C), in this or another process, with the credentials given now. The endpoint comes from
 * the token.
 */
export async function run(command: Wait, ctx: CommandContext, traffic = new Traffic()): Promise<Report> {
  const { parseResumeToken, restorePoller } = await import('@azlro/lro');
  let token: ResumeToken;
  try {
    token = parseResumeToken(command.resumeToken);
  } catch (error) {
    throw new UsageError(`not a resume token from azlro: ${(error as Error).message}`);
  }
  checkEndpoint(token, ctx.options.endpoint);
  const operation = OPERATION_BY_KIND[token.kind];
  if (token.service === 'containerservice') {
    const client = await aksClient(ctx, traffic, token.endpoint);
    // A command's own non-zero exit code is judged as its command's is (exit 5): issue 10's judge.
    const commandKind = token.kind === 'containerservice.commandResult' || token.kind === 'containerservice.runCommand';
    const judge = commandKind ? (await import('./aks-command-result.js')).judgeCommand : undefined;
    const report = await follow(ctx, {
      operation, traffic, restored: true, endpoint: token.endpoint, start: (options) => restorePoller(client, command.resumeToken, options),
      ...(judge ? { judge: judge as never } : {}),
    });
    return token.kind === 'containerservice.runCommand' ? (await import('./aks-command-invoke.js')).withCommandId(report) : report;
  }
  const client = await partnerClient(ctx, traffic, token.endpoint);
  return follow(ctx, { operation, traffic, restored: true, endpoint: token.endpoint, start: (options) => restorePoller(client, command.resumeToken, options) });
}
