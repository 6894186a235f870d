import type { CommandResultParams, ContainerServiceClient, RunCommandResult } from '@azlro/containerservice';
import { startOperation } from '../../operation.js';
import type { PollerOptions } from '../../options.js';
import type { Poller } from '../../poller.js';
import { commandResultOperation } from './descriptor.js';

/** Options for {@link waitForCommandResult}. */
export interface WaitForCommandResultOptions extends PollerOptions {}

/**
 * Waits for a command run on an AKS managed cluster (`az aks command invoke --no-wait`) to finish:
 * GET .../commandResults/{commandId}, following its `Location` while the service answers 202.
 * Resolves with the `RunCommandResult` as the service returned it (`exitCode`, `logs`, ...); a
 * `failed` provisioning state rejects with an `OperationFailedError` whose `error.message` is the
 * command's `reason` and whose `operationState.result` is the full result.
 */
export function waitForCommandResult(
  client: ContainerServiceClient,
  params: CommandResultParams,
  options?: WaitForCommandResultOptions,
): Poller<RunCommandResult> {
  return startOperation(commandResultOperation, client, [params], options);
}
