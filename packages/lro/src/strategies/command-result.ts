import type { CommandResultParams, ContainerServiceClient, RunCommandResult } from '@azlro/containerservice';
import { assertPathSegment, encodePathSegment, validateClusterParams } from '@azlro/http/internal';
import { readBodyStatus } from '../body-status.js';
import { getAsIs } from '../get-as-is.js';
import type { PollingTarget } from '../resume-token.js';
import type { Observation, RequestContext, Strategy } from '../strategy.js';

/** The version Get Command Result is documented with (specs/containerservice.yaml, getCommandResult). */
const COMMAND_RESULT_API_VERSION = '2024-09-01';

/** Throws (TypeError/RangeError naming the parameter) unless `params` identify a command. */
export function checkCommandParams(params: CommandResultParams): void {
  if (typeof params !== 'object' || params === null) throw new TypeError(`params must be an object with the operation's parameters; got ${params === null ? 'null' : typeof params}`);
  validateClusterParams(params);
  assertPathSegment('commandId', params.commandId);
}

/**
 * The documented commandResults URL of a command, built from the caller's own parameters (the
 * one place azlro builds a polling URL): `{endpoint}/subscriptions/{subscriptionId}/resourceGroups/
 * {resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/{resourceName}/
 * commandResults/{commandId}?api-version=2024-09-01`, each segment percent-encoded as the
 * generated client encodes path parameters. The poller falls back to it when a URL the service
 * handed out fails.
 */
export function commandResultUrl(endpoint: string, params: CommandResultParams): string {
  // The client runtime's encoding of a path value (@azlro/http's encodePathSegment), so both agree.
  const segment = encodePathSegment;
  return `${endpoint}/subscriptions/${segment(params.subscriptionId)}/resourceGroups/${segment(params.resourceGroupName)}` +
    `/providers/Microsoft.ContainerService/managedClusters/${segment(params.resourceName)}/commandResults/${segment(params.commandId)}` +
    `?api-version=${COMMAND_RESULT_API_VERSION}`;
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

/** AKS run-command results (Get Command Result), polled as handed out (`Location`), else at the documented URL. */
export const commandResult: Strategy<ContainerServiceClient, RunCommandResult> = {
  async poll(client, target, context) {
    const { data, response } = await getAsIs(client, target.url, context);
    return readCommandResult(data, response, target, context);
  },
  handedOutBy(target) {
    return target.resourceUrl !== undefined && target.url === target.resourceUrl ? undefined : 'the Location header';
  },
  checkTarget(target) {
    if (target.via !== undefined) throw new RangeError(`resumeToken: a command-result polling target has no via; got ${JSON.stringify(target.via)}`);
  },
};

/**
 * What a command result's resume token keeps of a finished result (run command's and
 * waitForCommandResult's): everything but `logs`. The logs are whatever the command printed, which
 * may echo its text, its files or a secret they hold; the token is text people paste into CI logs
 * and chat. A restored, finished poller resolves without them.
 */
export function withoutLogs(result: RunCommandResult | undefined): RunCommandResult | undefined {
  if (!result?.properties || result.properties.logs === undefined) return result;
  const { logs: _, ...properties } = result.properties;
  return { ...result, properties };
}
