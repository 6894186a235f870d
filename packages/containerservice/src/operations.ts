import type { OperationOptions } from '@azlro/http';
import {
  assertPathSegment, assertParams, markResendable, validateClusterParams, withData,
} from '@azlro/http/internal';
import type { ContainerServiceClient } from './client.js';
import * as generated from './generated/sdk.gen.js';
import type {
  AbortLatestOperationData,
  GetCommandResultData,
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

/**
 * The api-version each operation is documented with; callers never type it. The spec accepts any
 * version (a string, as in Azure's common types), so these are what azlro sends, not a limit.
 */
const ABORT_API_VERSION = '2024-02-01' satisfies AbortLatestOperationData['query']['api-version'];
const COMMAND_RESULT_API_VERSION = '2024-09-01' satisfies GetCommandResultData['query']['api-version'];

/** Checks and copies the cluster parameters (TypeError/RangeError naming the parameter). */
export function clusterPath(params: ManagedClusterParams): ManagedClusterParams {
  assertParams(params);
  validateClusterParams(params);
  return {
    subscriptionId: params.subscriptionId,
    resourceGroupName: params.resourceGroupName,
    resourceName: params.resourceName,
  };
}

/**
 * Aborts the operation currently running on a managed cluster (`POST …/managedclusters/{resourceName}/abort`,
 * api-version 2024-02-01; the "Managed Clusters - Abort Latest Operation" page). Bad params throw a
 * TypeError/RangeError naming them before anything is sent.
 * Resolves with `{ data, request, response }`, status 202 (poll `Azure-AsyncOperation` / `location`) or 204; rejects with an
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
 * Gets the result of a command run on a managed cluster (`GET …/managedClusters/{resourceName}/commandResults/{commandId}`,
 * api-version 2024-09-01; the "Managed Clusters - Get Command Result" page): 202 + `Location` (and
 * `data` undefined) while it runs, 200 with the `RunCommandResult` when it has finished.
 * Resolves with `{ data, request, response }`. Bad params throw a TypeError/RangeError naming them
 * before anything is sent; a non-2xx answer after the pipeline's retries rejects with an `ApiError`
 * (404 kind `notFound` for a cluster that does not exist). Most callers want `waitForCommandResult`
 * from `@azlro/lro`, which also polls.
 */
export async function getCommandResult(
  client: ContainerServiceClient,
  params: CommandResultParams,
  options: OperationOptions = {},
): Promise<{ data: RunCommandResult | undefined; request: Request; response: Response }> {
  const result = await generated.getCommandResult({
    client: client.client,
    // commandId: the client runtime checks and encodes every path value as one segment
    // (RangeError/TypeError naming it, before anything is sent), as assertPathSegment did here.
    path: { ...clusterPath(params), commandId: params.commandId },
    query: { 'api-version': COMMAND_RESULT_API_VERSION },
    headers: options.headers,
    signal: options.abortSignal,
    throwOnError: true,
    ...(options.rawBody ? { parseAs: 'text' as const } : {}),
  });
  // The generated union of 200 and 202 bodies is `unknown`; only a 200 carries the result.
  return withData(result, result.response.status === 200 ? (result.data as RunCommandResult) : undefined);
}
