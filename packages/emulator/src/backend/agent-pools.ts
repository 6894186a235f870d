import { OUTCOME_PREFIXES } from '../info.js';
import { armHeaders, type StartArmAbort } from './arm.js';
import { armUnauthorized, cloudError, decodeSegment, hasBearerToken, retryAfter, startsWith } from './replies.js';
import type { BackendContext, EmulatorRequest, Reply, Route } from './types.js';

const SEGMENT = '([^/]+)';
/** Pools whose name starts with this have nothing running (204); with `finished`, the upgrade ended first (409). */
const IDLE_POOL = 'idle';
const FINISHED_POOL = 'finished';

/**
 * Agent Pools - Abort Latest Operation, with state: every pool is in the middle of a node-image
 * upgrade until aborted; the abort is served by the same ARM polling resources as the cluster's
 * (Canceling for `timings.abortInMs`, then Canceled); a pool already canceled answers 409.
 */
export function agentPoolRoutes(context: BackendContext, startAbort: StartArmAbort): { routes: Route[]; reset(): void } {
  /** Pool key → its abort: the polling URLs and the progress the polling resources report. */
  const pools = new Map<string, ReturnType<StartArmAbort>>();

  function abort(request: EmulatorRequest, raw: readonly string[]): Reply {
    const [subscriptionId, group, cluster, pool] = raw.map(decodeSegment) as [string, string, string, string];
    const headers = armHeaders(request);
    if (!hasBearerToken(request.headers)) return armUnauthorized(headers);
    if (startsWith(cluster, OUTCOME_PREFIXES.missing)) {
      return cloudError(404, 'ResourceNotFound', `The Resource 'Microsoft.ContainerService/managedClusters/${cluster}' under resource group '${group}' was not found.`, headers);
    }
    if (startsWith(pool, IDLE_POOL)) return { status: 204, headers };
    const conflict = (detail: string) => cloudError(409, 'OperationNotAllowed', `Cannot abort: ${detail} on agent pool '${pool}' of managed cluster '${cluster}'.`, headers);
    if (startsWith(pool, FINISHED_POOL)) return conflict('the latest operation completed before it could be aborted');
    const key = `${subscriptionId}/${group}/${cluster}/${pool}`.toLowerCase();
    let abort = pools.get(key);
    if (abort?.progress.peek().done) return conflict('no operation is in progress (the last one was already canceled)');
    if (!abort) {
      abort = startAbort(subscriptionId);
      pools.set(key, abort);
    }
    // A repeated abort while canceling is idempotent: the same URLs.
    return {
      status: 202,
      headers: { ...headers, 'Azure-AsyncOperation': abort.asyncOperation, location: abort.location, ...retryAfter(context.timings.retryAfterInSeconds) },
    };
  }

  return {
    routes: [
      {
        method: 'POST',
        pattern: new RegExp(`^/subscriptions/${SEGMENT}/resourceGroups/${SEGMENT}/providers/Microsoft\\.ContainerService/managedClusters/${SEGMENT}/agentPools/${SEGMENT}/abort$`, 'i'),
        handle: abort,
      },
    ],
    reset: () => pools.clear(),
  };
}
