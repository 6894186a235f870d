import type { ResumeToken } from '@azlro/lro';
import { UsageError, type Command } from '../args.js';
import { aksClient, partnerClient } from '../clients.js';
import type { CommandContext } from '../context.js';
import { COMMANDS } from './registry.js';
import { follow } from '../follow.js';
import { isKnownEndpoint } from '../known-endpoints.js';
import type { OperationName, Report } from '../report.js';
import { Traffic } from '../traffic.js';

type Wait = Extract<Command, { name: 'wait' }>;

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
    // @azlro/lro speaks to code (`resumeToken …`, `poller.serialize()`): say it for the command line.
    const message = (error as Error).message;
    const detail = /\(expected base64url/.test(message)
      ? 'expected the text that --no-wait, --timeout or Ctrl-C printed after `azlro wait`'
      : message.replace(/^resumeToken /, 'the token ');
    throw new UsageError(`not a resume token from azlro: ${detail}`);
  }
  checkEndpoint(token, ctx.options.endpoint);
  // The command whose operation the token names: its report, its judgement of the result.
  const descriptor = COMMANDS.find((command) => 'resumes' in command && command.resumes === token.kind)!;
  const operation = descriptor.spec.name as OperationName;
  const [module, client] = await Promise.all([
    descriptor.load(),
    token.service === 'containerservice' ? aksClient(ctx, traffic, token.endpoint) : partnerClient(ctx, traffic, token.endpoint),
  ]);
  const report = await follow(ctx, {
    operation, traffic, restored: true, endpoint: token.endpoint, start: (options) => restorePoller(client as never, command.resumeToken, options),
    // A command's own non-zero exit code is judged as its command's is (exit 5): issue 10's judge.
    ...(module.judge ? { judge: module.judge as never } : {}),
  });
  return module.resumed ? module.resumed(report) : report;
}
