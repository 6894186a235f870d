import {
  assertPathSegment,
  assertParams,
  markResendable,
  validateResourceGroupName,
  validateResourceName,
  validateSubscriptionId,
  type OperationOptions,
} from '@azlro/http';
import type { ContainerServiceClient } from './client.js';
import * as generated from './generated/sdk.gen.js';
import type {
  AbortLatestOperationData,
  GetCommandResultData,
  GetOperationStatusData,
  RunCommandResult,
} from './generated/types.gen.js';

/** Identifies a managed cluster. */
export interface ManagedClusterParams {
  /** The ID of the target subscription (a UUID). */
  subscriptionId: string;
  /** The name of the resource group (1-90 of `-\w._()`, not ending in `.`). */
  resourceGroupName: string;
  /** The name of the managed cluster resource. */
  resourceName: string;
}

/** Identifies a command run on a managed cluster. */
export interface CommandResultParams extends ManagedClusterParams {
  /** Id of the command, as `az aks command invoke --no-wait` or the run-command API returned it. */
  commandId: string;
}

/** Identifies an ARM operation-status or operation-result resource (the parts of its polling URL). */
export interface OperationParams {
  /** The ID of the subscription the operation runs in (a UUID). */
  subscriptionId: string;
  /** The Azure region, as it appears in the polling URL. */
  location: string;
  /** The operation id, as it appears in the polling URL. */
  operationId: string;
}

/**
 * The api-version each operation is documented with; callers never type it. The spec accepts any
 * version (a string, as in Azure's common types), so these are what azlro sends, not a limit.
 */
const ABORT_API_VERSION = '2024-02-01' satisfies AbortLatestOperationData['query']['api-version'];
const COMMAND_RESULT_API_VERSION = '2024-09-01' satisfies GetCommandResultData['query']['api-version'];
/** The polling resources' own version, as the service hands it out (ManagedClustersDelete.json example). */
const POLLING_API_VERSION = '2017-08-31' satisfies GetOperationStatusData['query']['api-version'];

/** Checks and copies the cluster parameters (TypeError/RangeError naming the parameter). */
export function clusterPath(params: ManagedClusterParams): ManagedClusterParams {
  assertParams(params);
  validateSubscriptionId(params.subscriptionId);
  validateResourceGroupName(params.resourceGroupName);
  validateResourceName(params.resourceName);
  return {
    subscriptionId: params.subscriptionId,
    resourceGroupName: params.resourceGroupName,
    resourceName: params.resourceName,
  };
}

function operationPath(params: OperationParams): OperationParams {
  assertParams(params);
  validateSubscriptionId(params.subscriptionId);
  assertPathSegment('location', params.location);
  assertPathSegment('operationId', params.operationId);
  return { subscriptionId: params.subscriptionId, location: params.location, operationId: params.operationId };
}

/**
 * Aborts the operation currently running on a managed cluster (POST .../abort).
 * Resolves with status 202 (poll `Azure-AsyncOperation` / `location`) or 204; rejects with an
 * `ApiError` of kind `conflict` (409) when the operation finished before it could be aborted.
 * Resent after a 500/502/504, a reset or a timed-out attempt, as the Azure SDKs do: a repeated
 * abort answers the same abort (202) or that nothing is left to abort (409/204).
 * Most callers want `abortLatestOperation` from `@azlro/lro`, which also waits.
 */
export function sendAbortLatestOperation(client: ContainerServiceClient, params: ManagedClusterParams, options: OperationOptions = {}) {
  const path = clusterPath(params);
  return generated.abortLatestOperation({
    client: client.client,
    path,
    query: { 'api-version': ABORT_API_VERSION },
    // Resending is safe: a repeated abort answers the same abort (202) or that nothing is left to abort (409/204).
    headers: markResendable(options.headers),
    signal: options.abortSignal,
    throwOnError: true,
    ...(options.rawBody ? { parseAs: 'text' as const } : {}),
  });
}

/**
 * Gets the result of a command run on a managed cluster: 202 (and `data` undefined) while it runs,
 * 200 with the `RunCommandResult` when it has finished.
 */
export async function getCommandResult(
  client: ContainerServiceClient,
  params: CommandResultParams,
  options: OperationOptions = {},
): Promise<{ data: RunCommandResult | undefined; request: Request; response: Response }> {
  const path = clusterPath(params);
  assertPathSegment('commandId', params.commandId);
  const result = await generated.getCommandResult({
    client: client.client,
    path: { ...path, commandId: params.commandId },
    query: { 'api-version': COMMAND_RESULT_API_VERSION },
    headers: options.headers,
    signal: options.abortSignal,
    throwOnError: true,
    ...(options.rawBody ? { parseAs: 'text' as const } : {}),
  });
  // The generated union of 200 and 202 bodies is `unknown`; only a 200 carries the result.
  return { ...result, data: result.response.status === 200 ? (result.data as RunCommandResult) : undefined };
}

/** Options of {@link getOperationStatus} and {@link getOperationResult}. */
export interface PollingOperationOptions extends OperationOptions {
  /**
   * The polling resource's api-version, as the URL the service handed out carries it.
   * @default '2017-08-31' (the service's own, per the ManagedClustersDelete.json example)
   */
  apiVersion?: string;
}

/**
 * Reads an ARM async-operation status resource (`GET …/locations/{location}/operations/{id}`, what
 * the service's `Azure-AsyncOperation` header names): 200 with an `OperationStatusResult` whose
 * `status` is `InProgress`, `Succeeded`, `Failed`, `Canceled` or another word. Bad params throw a
 * TypeError/RangeError naming the parameter before anything is sent.
 */
export function getOperationStatus(client: ContainerServiceClient, params: OperationParams, options: PollingOperationOptions = {}) {
  return generated.getOperationStatus({
    client: client.client,
    path: operationPath(params),
    query: { 'api-version': options.apiVersion ?? POLLING_API_VERSION },
    headers: options.headers,
    signal: options.abortSignal,
    throwOnError: true,
    ...(options.rawBody ? { parseAs: 'text' as const } : {}),
  });
}

/**
 * Reads an ARM operation-result resource (`GET …/locations/{location}/operationresults/{id}`, what
 * the service's `location` header names): 202 while running, 200/204 when done.
 */
export function getOperationResult(client: ContainerServiceClient, params: OperationParams, options: PollingOperationOptions = {}) {
  return generated.getOperationResult({
    client: client.client,
    path: operationPath(params),
    query: { 'api-version': options.apiVersion ?? POLLING_API_VERSION },
    headers: options.headers,
    signal: options.abortSignal,
    throwOnError: true,
    ...(options.rawBody ? { parseAs: 'text' as const } : {}),
  });
}
