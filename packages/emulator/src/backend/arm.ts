import { randomUUID } from 'node:crypto';
import { emulatorInfo, OUTCOME_PREFIXES } from '../info.js';
import { startProgress, type Progress } from './progress.js';
import { armUnauthorized, cloudError, decodeSegment, hasBearerToken, retryAfter, startsWith } from './replies.js';
import type { BackendContext, EmulatorRequest, Reply, Route } from './types.js';

/** An abort in progress or done: the cluster's upgrade is Canceling until its progress is done, then Canceled. */
interface AbortOperation {
  readonly id: string;
  readonly subscriptionId: string;
  readonly progress: Progress;
}

const PROVIDER = 'providers/Microsoft\\.ContainerService';
const SEGMENT = '([^/]+)';
/**
 * The api-version of the polling URLs the abort hands out: the service's own for its operation
 * resources, not the originating call's (the official example ManagedClustersDelete.json gives
 * `…/operationresults/{id}?api-version=2017-08-31`).
 */
const POLLING_API_VERSION = '2017-08-31';

/** The polling resources, as the service names them (RBAC `locations/operations/read`, `locations/operationresults/read`). */
type PollingResource = 'operations' | 'operationresults';

/** ARM answers every response with these two ids; a caller's correlation id is echoed. */
export function armHeaders(request: EmulatorRequest): Record<string, string> {
  const correlation = request.headers['x-ms-correlation-request-id'];
  return {
    'x-ms-request-id': randomUUID(),
    'x-ms-correlation-request-id': typeof correlation === 'string' && correlation ? correlation : randomUUID(),
  };
}

/** An ISO 8601 time in whole seconds, as ARM writes them. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The AKS abort, command results and the two ARM polling resources, with their state. */
/** Starts an abort on a resource (a node pool's, say) that the shared polling resources then serve; its two URLs. */
export type StartArmAbort = (subscriptionId: string) => { asyncOperation: string; location: string; progress: Progress };

export function armRoutes(context: BackendContext): { routes: Route[]; reset(): void; startAbort: StartArmAbort } {
  const aborts = new Map<string, AbortOperation>();
  /** Cluster key → its latest abort. */
  const clusters = new Map<string, AbortOperation>();
  /** Command key → its progress, from the first read of its result (the command "started" then). */
  const commands = new Map<string, Progress>();
  const { timings } = context;

  /** ARM names are case-insensitive. */
  const clusterKey = (subscriptionId: string, group: string, name: string) => `${subscriptionId}/${group}/${name}`.toLowerCase();

  const pollingUrl = (operation: AbortOperation, kind: PollingResource) =>
    `${context.publicOrigin('arm')}/subscriptions/${operation.subscriptionId}/providers/Microsoft.ContainerService/locations/` +
    `${emulatorInfo.location}/${kind}/${operation.id}?api-version=${POLLING_API_VERSION}`;

  const notFound = (request: EmulatorRequest, message: string) => cloudError(404, 'ResourceNotFound', message, armHeaders(request));
  const clusterNotFound = (request: EmulatorRequest, name: string, group: string) =>
    notFound(request, `The Resource 'Microsoft.ContainerService/managedClusters/${name}' under resource group '${group}' was not found.`);

  function abort(request: EmulatorRequest, [rawSubscription, rawGroup, rawName]: readonly string[]): Reply {
    const [subscriptionId, group, name] = [rawSubscription!, rawGroup!, rawName!].map(decodeSegment) as [string, string, string];
    const headers = armHeaders(request);
    if (startsWith(name, OUTCOME_PREFIXES.missing)) {
      return clusterNotFound(request, name, group);
    }
    if (startsWith(name, OUTCOME_PREFIXES.idleCluster)) return { status: 204, headers };
    const conflict = (detail: string) =>
      cloudError(409, 'OperationNotAllowed', `Cannot abort: ${detail} on managed cluster '${name}'.`, headers);
    if (startsWith(name, OUTCOME_PREFIXES.finishedCluster)) return conflict('the latest operation completed before it could be aborted');

    const key = clusterKey(subscriptionId, group, name);
    let operation = clusters.get(key);
    if (operation?.progress.peek().done) return conflict('no operation is in progress (the last one was already canceled)');
    if (!operation) {
      // Every other cluster is in the middle of an upgrade; the abort starts canceling it.
      operation = { id: randomUUID(), subscriptionId, progress: startProgress(context, timings.abortInMs) };
      clusters.set(key, operation);
      aborts.set(operation.id, operation);
    }
    // A repeated abort while canceling is idempotent: the same operation, the same URLs.
    return {
      status: 202,
      headers: {
        ...headers,
        'Azure-AsyncOperation': pollingUrl(operation, 'operations'),
        location: pollingUrl(operation, 'operationresults'),
        ...retryAfter(timings.retryAfterInSeconds),
      },
    };
  }

  function findAbort(request: EmulatorRequest, [rawSubscription, , rawId]: readonly string[]): AbortOperation | Reply {
    const operation = aborts.get(decodeSegment(rawId!));
    if (!operation || operation.subscriptionId.toLowerCase() !== decodeSegment(rawSubscription!).toLowerCase()) {
      return notFound(request, `The operation '${decodeSegment(rawId!)}' was not found.`);
    }
    return operation;
  }

  function operationStatus(request: EmulatorRequest, params: readonly string[]): Reply {
    const operation = findAbort(request, params);
    if ('status' in operation) return operation;
    const { done, fraction, endedAt } = operation.progress.poll();
    const body = {
      id: `/subscriptions/${operation.subscriptionId}/providers/Microsoft.ContainerService/locations/${emulatorInfo.location}/operations/${operation.id}`,
      name: operation.id,
      // The abort itself succeeds once the cluster's operation is Canceled.
      status: done ? 'Succeeded' : 'InProgress',
      startTime: iso(operation.progress.startedAt),
      ...(endedAt === undefined ? {} : { endTime: iso(endedAt) }),
      percentComplete: done ? 100 : Math.min(99, Math.floor(fraction * 100)),
    };
    return { status: 200, headers: { ...armHeaders(request), ...(done ? {} : retryAfter(timings.retryAfterInSeconds)) }, json: body };
  }

  function operationResult(request: EmulatorRequest, params: readonly string[]): Reply {
    const operation = findAbort(request, params);
    if ('status' in operation) return operation;
    if (operation.progress.poll().done) return { status: 204, headers: armHeaders(request) };
    return {
      status: 202,
      headers: { ...armHeaders(request), Location: pollingUrl(operation, 'operationresults'), ...retryAfter(timings.retryAfterInSeconds) },
    };
  }

  /** This command result again, in the service's form: lower-case `resourcegroups`, identifiers as the caller sent them. */
  const commandResultUrl = (request: EmulatorRequest, [subscription, group, name, command]: readonly string[]) =>
    `${context.publicOrigin('arm')}/subscriptions/${subscription}/resourcegroups/${group}/providers/Microsoft.ContainerService/managedClusters/` +
    `${name}/commandResults/${command}?${request.query.toString()}`;

  function commandResult(request: EmulatorRequest, [rawSubscription, rawGroup, rawName, rawCommand]: readonly string[]): Reply {
    const [subscriptionId, group, name, commandId] = [rawSubscription!, rawGroup!, rawName!, rawCommand!].map(decodeSegment) as [
      string, string, string, string,
    ];
    if (startsWith(name, OUTCOME_PREFIXES.missing)) {
      return clusterNotFound(request, name, group);
    }
    const key = `${clusterKey(subscriptionId, group, name)}/${commandId}`;
    const known = commands.get(key);
    const progress = known ?? startProgress(context, timings.commandInMs);
    commands.set(key, progress);
    // The first read starts the command; every later one is a poll.
    const { startedAt } = progress;
    const finishedAt = (known ? progress.poll() : progress.peek()).endedAt;
    if (finishedAt === undefined) {
      return {
        status: 202,
        headers: {
          ...armHeaders(request),
          Location: commandResultUrl(request, [rawSubscription!, rawGroup!, rawName!, rawCommand!]),
          ...retryAfter(timings.retryAfterInSeconds),
        },
      };
    }
    const properties = startsWith(commandId, OUTCOME_PREFIXES.failingCommand)
      ? { provisioningState: 'failed', reason: 'ImagePullBackoff', startedAt: iso(startedAt), finishedAt: iso(finishedAt) }
      : {
          provisioningState: 'succeeded',
          exitCode: 0,
          startedAt: iso(startedAt),
          finishedAt: iso(finishedAt),
          logs: `command ${commandId} ran on ${name} (azlro emulator)\n`,
        };
    return { status: 200, headers: armHeaders(request), json: { id: commandId, properties } };
  }

  /** Every ARM route refuses a request without a bearer token, as ARM does. */
  const authenticated = (handle: Route['handle']): Route['handle'] => (request, params) =>
    hasBearerToken(request.headers) ? handle(request, params) : armUnauthorized(armHeaders(request));

  const cluster = `^/subscriptions/${SEGMENT}/resourceGroups/${SEGMENT}/${PROVIDER}/managedClusters/${SEGMENT}`;
  const locationOperation = (kind: string) => new RegExp(`^/subscriptions/${SEGMENT}/${PROVIDER}/locations/${SEGMENT}/${kind}/${SEGMENT}$`, 'i');
  return {
    routes: [
      { method: 'POST', pattern: new RegExp(`${cluster}/abort$`, 'i'), handle: authenticated(abort) },
      { method: 'GET', pattern: new RegExp(`${cluster}/commandResults/${SEGMENT}$`, 'i'), handle: authenticated(commandResult) },
      { method: 'GET', pattern: locationOperation('operations'), handle: authenticated(operationStatus) },
      // The Abort page's example form of the status resource, kept as an alias.
      { method: 'GET', pattern: locationOperation('operationStatus'), handle: authenticated(operationStatus) },
      { method: 'GET', pattern: locationOperation('operationresults'), handle: authenticated(operationResult) },
    ],
    reset() {
      aborts.clear();
      clusters.clear();
      commands.clear();
    },
    startAbort(subscriptionId) {
      const operation = { id: randomUUID(), subscriptionId, progress: startProgress(context, timings.abortInMs) };
      aborts.set(operation.id, operation);
      return { asyncOperation: pollingUrl(operation, 'operations'), location: pollingUrl(operation, 'operationresults'), progress: operation.progress };
    },
  };
}
