import { sendRunCommand, type ContainerServiceClient, type ManagedClusterParams, type RunCommandRequest, type RunCommandResult } from '@azlro/containerservice';
import { assertPathSegment } from '@azlro/http/internal';
import { parseBody } from '../../get-as-is.js';
import type { OperationDescriptor } from '../../operation.js';
import type { PollingTarget } from '../../resume-token.js';
import { commandResult, commandResultUrl, readCommandResult, withoutLogs } from '../../strategies/command-result.js';
import { isTerminal } from '../../status.js';
import type { Observation, RequestContext } from '../../strategy.js';

const KIND = 'containerservice.runCommand';

/** `value` when it is a usable command id (a path segment), else undefined. */
function validCommandId(value: unknown): string | undefined {
  try {
    assertPathSegment('commandId', value);
    return value;
  } catch {
    return undefined;
  }
}

/** The command id: the last segment of a `…/commandResults/{commandId}` URL, if it is one. */
function commandIdOf(url: string): string | undefined {
  const match = /\/commandResults\/([^/?#]+)(?:[?#]|$)/i.exec(new URL(url).pathname + '?');
  if (!match) return undefined;
  try {
    return validCommandId(decodeURIComponent(match[1]!));
  } catch {
    return undefined;
  }
}

/**
 * Reads Run Command's initial response: 202 names the command's result in `location` (polled as
 * handed out; the documented URL built from the caller's cluster and the command id is the
 * fallback should it fail); a 200 (declared "only for autorest") is the result itself, and one
 * still running is followed at its `id`'s documented URL (with no `id`, an Error: nothing to follow).
 */
function readRunCommandInitial(
  client: ContainerServiceClient,
  params: ManagedClusterParams,
  data: unknown,
  response: Response,
  context: RequestContext,
): Observation<RunCommandResult> {
  if (response.status !== 202) {
    // The result itself; one still running names the command only by its `id`: poll its documented URL.
    const commandId = validCommandId(typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined);
    const url = commandId === undefined ? undefined : commandResultUrl(client.endpoint, { ...params, commandId });
    const observation = readCommandResult(data, response, { url: url ?? client.endpoint, resourceUrl: url }, context);
    if (url === undefined && !isTerminal(observation.status)) {
      const said = observation.serviceStatus ?? `(${observation.fault ?? 'no provisioningState'})`;
      throw new Error(`${KIND}: the service answered ${response.status} ${said} without a location or a command id: no command result to follow`);
    }
    return observation;
  }
  const location = response.headers.get('location');
  if (!location) throw new Error(`${KIND}: the service answered 202 without a location: no command result to follow`);
  const url = context.follow(location, 'the location header');
  const commandId = commandIdOf(url);
  const polling: PollingTarget = { url };
  if (commandId !== undefined) polling.resourceUrl = commandResultUrl(client.endpoint, { ...params, commandId });
  return { status: 'running', polling, response };
}

/**
 * Managed Clusters - Run Command: POST …/runCommand (sent once, never resent), then its `location`,
 * the command's result, followed exactly as `waitForCommandResult` follows one. A resume token
 * holds that URL and the state, never the request (command, files, cluster token) nor the logs.
 */
export const runCommandOperation = {
  kind: KIND,
  service: 'containerservice',
  strategy: commandResult,
  start(client, [params, body], request) {
    // rawBody, then parseBody: a body that does not parse is reported with its request, and a 202's
    // (never read: its location names the result) cannot lose the command, which is never resent.
    const sent = sendRunCommand(client, params, body, { ...request, rawBody: true });
    return async (context) => {
      const { data, response } = await sent;
      return readRunCommandInitial(client, params, parseBody(data, response), response, context);
    };
  },
  tokenResult: withoutLogs,
} as const satisfies OperationDescriptor<ContainerServiceClient, [ManagedClusterParams, RunCommandRequest], RunCommandResult>;
