import { getCommandResult, type CommandResultParams, type ContainerServiceClient, type RunCommandResult } from '@azlro/containerservice';
import { assertPathSegment, validateResourceGroupName, validateResourceName, validateSubscriptionId } from '@azlro/http';
import { readBodyStatus } from '../body-status.js';
import { getAsIs, parseBody } from '../get-as-is.js';
import type { PollingTarget } from '../resume-token.js';
import type { Observation, RequestContext, Strategy } from '../strategy.js';
import { matchTemplate, passes } from '../typed-url.js';

/** The documented commandResults path (specs/containerservice.yaml, getCommandResult). */
export const COMMAND_RESULT_TEMPLATE =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/{resourceName}/commandResults/{commandId}';
/** The version Get Command Result is documented with. */
export const COMMAND_RESULT_API_VERSION = '2024-09-01';

/** Throws (TypeError/RangeError naming the parameter) unless `params` identify a command. */
export function checkCommandParams(params: CommandResultParams): void {
  if (typeof params !== 'object' || params === null) throw new TypeError(`params must be an object with the operation's parameters; got ${params === null ? 'null' : typeof params}`);
  validateSubscriptionId(params.subscriptionId);
  validateResourceGroupName(params.resourceGroupName);
  validateResourceName(params.resourceName);
  assertPathSegment('commandId', params.commandId);
}

function typedParams(client: ContainerServiceClient, url: string): CommandResultParams | undefined {
  const match = matchTemplate(client, url, COMMAND_RESULT_TEMPLATE);
  if (match?.apiVersion !== COMMAND_RESULT_API_VERSION) return undefined;
  const params = match.path as unknown as CommandResultParams;
  return passes(() => checkCommandParams(params)) ? params : undefined;
}

/**
 * Reads a commandResults response: 202 while the command runs (poll its `Location`, else the same
 * URL again; only `resourceUrl` once a handed-out URL has failed); 200 with the `RunCommandResult`, whose `provisioningState` decides the outcome.
 */
export function readCommandResult(data: unknown, response: Response, target: PollingTarget, context: RequestContext): Observation<RunCommandResult> {
  if (response.status === 202) {
    const next = target.resourceUrlOnly ? null : response.headers.get('location');
    const polling = next ? { url: context.follow(next, 'the Location header'), ...(target.resourceUrl ? { resourceUrl: target.resourceUrl } : {}) } : target;
    return { status: 'running', polling, response };
  }
  const reading = readBodyStatus(data, ['properties', 'provisioningState']);
  const result = (reading.body ?? {}) as RunCommandResult;
  const properties = result.properties ?? {};
  const { status } = reading;
  const failed = status === 'failed' || status === 'canceled';
  return {
    status,
    serviceStatus: reading.serviceStatus,
    recognized: reading.recognized,
    fault: reading.fault,
    startTime: properties.startedAt,
    endTime: properties.finishedAt,
    error: failed ? { message: properties.reason ?? `the command ${status}` + (properties.exitCode === undefined ? '' : ` (exit code ${properties.exitCode})`) } : undefined,
    result: reading.fault ? undefined : result,
    polling: target,
    response,
  };
}

/** AKS run-command results (Get Command Result). */
export const commandResult: Strategy<ContainerServiceClient, RunCommandResult> = {
  kind: 'containerservice.commandResult',
  async poll(client, target, context) {
    const typed = typedParams(client, target.url);
    if (!typed) {
      const { data, response } = await getAsIs(client, target.url, context);
      return readCommandResult(data, response, target, context);
    }
    const { data, response } = await getCommandResult(client, typed, { abortSignal: context.abortSignal, headers: context.headers, rawBody: true });
    return readCommandResult(parseBody(data, response), response, target, context);
  },
  handedOutBy(target) {
    return target.resourceUrl !== undefined && target.url === target.resourceUrl ? undefined : 'the Location header';
  },
  checkTarget(target) {
    if (target.via !== undefined) throw new RangeError(`resumeToken: a command-result polling target has no via; got ${JSON.stringify(target.via)}`);
  },
};
