import type { OperationOptions } from '@azlro/http';
import { assertPattern, markResendable } from '@azlro/http/internal';
import type { ContainerServiceClient } from './client.js';
import * as generated from './generated/sdk.gen.js';
import type { AbortAgentPoolLatestOperationData } from './generated/types.gen.js';
import { clusterPath, type ManagedClusterParams } from './operations.js';

/** Identifies an agent (node) pool of a managed cluster. */
export interface AgentPoolParams extends ManagedClusterParams {
  /** The name of the agent pool: 1-12 lower-case letters and digits, starting with a letter (`^[a-z][a-z0-9]{0,11}$`). */
  agentPoolName: string;
}

/** The agent pool name rule of the official Swagger (`aks/stable/2024-09-01/managedClusters.json`, `AgentPoolNameParameter`). */
const AGENT_POOL_NAME = /^[a-z][a-z0-9]{0,11}$/;
/** The version Agent Pools - Abort Latest Operation is documented with (aks/stable/2024-09-01). */
const AGENT_POOL_ABORT_API_VERSION = '2024-09-01' satisfies AbortAgentPoolLatestOperationData['query']['api-version'];

/** Throws a TypeError/RangeError naming `agentPoolName` unless it follows the service's rule. */
export function validateAgentPoolName(value: unknown, name = 'agentPoolName'): asserts value is string {
  assertPattern(name, value, AGENT_POOL_NAME, '1-12 lower-case letters and digits starting with a letter (^[a-z][a-z0-9]{0,11}$)');
}

/**
 * Aborts the operation running on an agent pool, e.g. a stuck node-image upgrade
 * (`POST …/managedclusters/{resourceName}/agentPools/{agentPoolName}/abort`, api-version 2024-09-01;
 * official Swagger `AgentPools_AbortLatestOperation`). Resolves with status 202 (poll
 * `Azure-AsyncOperation` / `location`) or 204 (nothing running); rejects with an `ApiError` of kind
 * `conflict` (409) when the operation finished before it could be aborted, another `ApiError` for
 * other `CloudError`s. Bad params throw a TypeError/RangeError naming the parameter before anything
 * is sent. Resent after a 500, a reset or a timed-out attempt, as the cluster's abort is (a repeated
 * abort answers the same abort, or 409/204). Most callers want `abortAgentPoolLatestOperation` from
 * `@azlro/lro`, which also waits.
 */
export function sendAbortAgentPoolLatestOperation(client: ContainerServiceClient, params: AgentPoolParams, options: OperationOptions = {}) {
  const path = clusterPath(params);
  validateAgentPoolName(params.agentPoolName);
  return generated.abortAgentPoolLatestOperation({
    client: client.client,
    path: { ...path, agentPoolName: params.agentPoolName },
    query: { 'api-version': AGENT_POOL_ABORT_API_VERSION },
    // Safe to resend after a 500, a reset or a timeout, as the cluster's abort: the same abort, or 409/204.
    headers: markResendable(options.headers),
    signal: options.abortSignal,
    throwOnError: true,
    ...(options.rawBody ? { parseAs: 'text' as const } : {}),
  });
}
