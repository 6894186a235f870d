import type { ContainerServiceClient, ManagedClusterParams, RunCommandResult } from '@azlro/containerservice';
import { assertPathSegment } from '@azlro/http';
import type { PollingTarget } from '../resume-token.js';
import type { Observation, RequestContext, Strategy } from '../strategy.js';
import { COMMAND_RESULT_API_VERSION, COMMAND_RESULT_TEMPLATE, commandResult, readCommandResult } from './command-result.js';

/** The slice of a generated hey-api client that builds the documented commandResults URL. */
interface HeyApiBuildUrl {
  buildUrl(options: { url: string; path: Record<string, string>; query: Record<string, string> }): string;
}

/**
 * Run Command, once started: its `location` is the command's result, followed exactly as
 * `waitForCommandResult` follows one, under its own kind. A resume token holds that URL and the
 * state, never the request (command, files, cluster token); see {@link runCommandTokenResult}.
 */
export const runCommandStrategy: Strategy<ContainerServiceClient, RunCommandResult> = {
  ...commandResult,
  kind: 'containerservice.runCommand',
  tokenResult: (result) => runCommandTokenResult(result),
};

/** The command id: the last segment of a `…/commandResults/{commandId}` URL, if it is one. */
export function commandIdOf(url: string): string | undefined {
  const match = /\/commandResults\/([^/?#]+)(?:[?#]|$)/i.exec(new URL(url).pathname + '?');
  if (!match) return undefined;
  try {
    const id = decodeURIComponent(match[1]!);
    assertPathSegment('commandId', id);
    return id;
  } catch {
    return undefined;
  }
}

/**
 * Reads Run Command's initial response: 202 names the command's result in `location` (polled as
 * handed out; the documented URL built from the caller's cluster and the command id is the
 * fallback should it fail); a 200 (declared "only for autorest") is the result itself.
 */
export function readRunCommandInitial(
  client: ContainerServiceClient,
  params: ManagedClusterParams,
  data: RunCommandResult | undefined,
  response: Response,
  context: RequestContext,
): Observation<RunCommandResult> {
  if (response.status !== 202) {
    const url = response.url || client.endpoint;
    return readCommandResult(data, response, { url }, context);
  }
  const location = response.headers.get('location');
  if (!location) throw new Error('containerservice.runCommand: the service answered 202 without a location: no command result to follow');
  const url = context.follow(location, 'the location header');
  const commandId = commandIdOf(url);
  const polling: PollingTarget = { url };
  if (commandId !== undefined) {
    const { subscriptionId, resourceGroupName, resourceName } = params;
    polling.resourceUrl = (client.client as unknown as HeyApiBuildUrl).buildUrl({
      url: COMMAND_RESULT_TEMPLATE,
      path: { subscriptionId, resourceGroupName, resourceName, commandId },
      query: { 'api-version': COMMAND_RESULT_API_VERSION },
    });
  }
  return { status: 'running', polling, response };
}

/**
 * What a run-command resume token keeps of a finished result: everything but `logs`. The logs are
 * whatever the command printed, which may echo its text, its files or a secret they hold; the token
 * is text people paste into CI logs and chat. A restored, finished poller resolves without them.
 */
export function runCommandTokenResult(result: RunCommandResult | undefined): RunCommandResult | undefined {
  if (!result?.properties || result.properties.logs === undefined) return result;
  const { logs: _, ...properties } = result.properties;
  return { ...result, properties };
}
