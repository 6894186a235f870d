import * as containerservice from '@azlro/containerservice';
import type { CommandResultParams, ContainerServiceClient, RunCommandResult } from '@azlro/containerservice';
import { checkClient } from '../check-client.js';
import { resolvePollerOptions } from '../check-options.js';
import { LroPoller } from '../lro-poller.js';
import type { PollerOptions } from '../options.js';
import type { Poller } from '../poller.js';
import { checkCommandParams, commandResult, readCommandResult } from '../strategies/command-result.js';
import { parseBody } from '../get-as-is.js';

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
  checkClient(client, 'containerservice', 'createContainerServiceClient');
  checkCommandParams(params);
  const resolved = resolvePollerOptions(options, client.endpoint);
  const sent = containerservice.getCommandResult(client, params, { abortSignal: resolved.abortSignal, headers: resolved.headers, rawBody: true });
  return new LroPoller(client, commandResult, resolved, {
    initial: async (context) => {
      const { data, request, response } = await sent;
      // The URL built from the caller's parameters: the fallback should a handed-out Location fail.
      return readCommandResult(parseBody(data, response), response, { url: request.url, resourceUrl: request.url }, context);
    },
  });
}
