import type { ContainerServiceClient, ManagedClusterParams, RunCommandRequest, RunCommandResult } from '@azlro/containerservice';
import { startOperation } from '../../operation.js';
import type { PollerOptions } from '../../options.js';
import type { Poller } from '../../poller.js';
import { runCommandOperation } from './descriptor.js';

/** Options for {@link runCommand}. */
export interface RunCommandOptions extends PollerOptions {}

/**
 * Runs a command in a pod of an AKS managed cluster (private ones included; `az aks command invoke`)
 * and follows it to its result: `POST …/managedClusters/{resourceName}/runCommand` (official Swagger
 * `ManagedClusters_RunCommand`, api-version 2024-09-01) with `request` =
 * `{ command, context?, clusterToken? }` (`context`: base64 of a zip of the files the command
 * uses), then its `location`, `…/commandResults/{commandId}`, until it answers 200. No time limit
 * unless `timeoutInMs` says so (az gives up after about five minutes).
 *
 * Resolves with the `RunCommandResult` (`properties.exitCode`, `properties.logs`, …) whatever the
 * exit code: a non-zero exit code is the command's outcome, not the operation's, so check it. A
 * `failed` provisioning state (the command could not run) rejects with an `OperationFailedError`
 * whose `error.message` is the `reason`. HTTP errors reject with an `ApiError`. Bad parameters,
 * request fields or options throw a TypeError/RangeError naming them, before anything is sent.
 *
 * The POST is sent once (never resent: a command is not safe to run twice). `serialize()` gives a
 * resume token holding the command result's URL and the state only: never `command`, `context` or
 * `clusterToken`, and never the result's `logs`. The command id is the last segment of that URL
 * (`parseResumeToken(token).polling.url`).
 */
export function runCommand(
  client: ContainerServiceClient,
  params: ManagedClusterParams,
  request: RunCommandRequest,
  options?: RunCommandOptions,
): Poller<RunCommandResult> {
  return startOperation(runCommandOperation, client, [params, request], options);
}
