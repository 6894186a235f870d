import { withData } from '@azlro/http/internal';
import type { OperationOptions } from '@azlro/http';
import type { ContainerServiceClient } from './client.js';
import * as generated from './generated/sdk.gen.js';
import type { RunCommandData, RunCommandRequest, RunCommandResult } from './generated/types.gen.js';
import { clusterPath, type ManagedClusterParams } from './operations.js';

/** The version Run Command is documented with (aks/stable/2024-09-01). */
const RUN_COMMAND_API_VERSION = '2024-09-01' satisfies RunCommandData['query']['api-version'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function assertString(name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string; got ${value === null ? 'null' : typeof value}`);
}

/** Throws a TypeError/RangeError naming the field unless `request` is a `RunCommandRequest`. */
export function checkRunCommandRequest(request: RunCommandRequest): RunCommandRequest {
  if (typeof request !== 'object' || request === null) throw new TypeError(`request must be an object with a command; got ${request === null ? 'null' : typeof request}`);
  assertString('request.command', request.command);
  if (request.command.trim() === '') throw new RangeError('request.command must not be empty');
  if (request.context !== undefined) {
    assertString('request.context', request.context);
    if (request.context.length % 4 !== 0 || !BASE64.test(request.context)) throw new RangeError('request.context must be base64 (of a zip of the files the command uses)');
  }
  if (request.clusterToken !== undefined) assertString('request.clusterToken', request.clusterToken);
  const { command, context, clusterToken } = request;
  return { command, ...(context === undefined ? {} : { context }), ...(clusterToken === undefined ? {} : { clusterToken }) };
}

/**
 * Submits a command to run in a pod of the managed cluster (`POST …/managedClusters/{resourceName}/runCommand`,
 * api-version 2024-09-01; official Swagger `ManagedClusters_RunCommand`). `request` is
 * `{ command, context?, clusterToken? }`: `context` is the base64 of a zip of the files the command
 * uses. Resolves with status 202 and a `location` naming the command's result
 * (`…/commandResults/{commandId}`), or, in theory only, 200 with the `RunCommandResult` as `data`.
 * Rejects with an `ApiError` for a `CloudError`. Bad params or request fields throw a
 * TypeError/RangeError naming them before anything is sent. Never resent after a 500, a reset or a
 * timeout (a second POST would run the command twice). Most callers want `runCommand` from
 * `@azlro/lro`, which also follows the result.
 */
export function sendRunCommand(
  client: ContainerServiceClient,
  params: ManagedClusterParams,
  request: RunCommandRequest,
  options: OperationOptions = {},
): Promise<{ data: RunCommandResult | undefined; request: Request; response: Response }> {
  const path = clusterPath(params);
  const body = checkRunCommandRequest(request);
  const sent = generated.runCommand({
    client: client.client,
    path,
    body,
    query: { 'api-version': RUN_COMMAND_API_VERSION },
    headers: options.headers,
    signal: options.abortSignal,
    throwOnError: true,
    ...(options.rawBody ? { parseAs: 'text' as const } : {}),
  });
  // The generated union of 200 and 202 bodies: only a 200 carries the result.
  return sent.then((result) => withData(result, result.response.status === 200 ? (result.data as RunCommandResult) : undefined));
}
