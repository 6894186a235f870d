import { getCommandResult, type CommandResultParams, type ContainerServiceClient, type RunCommandResult } from '@azlro/containerservice';
import { parseBody } from '../../get-as-is.js';
import type { OperationDescriptor } from '../../operation.js';
import { checkCommandParams, commandResult, commandResultUrl, readCommandResult, withoutLogs } from '../../strategies/command-result.js';

const KIND = 'containerservice.commandResult';

/** Managed Clusters - Get Command Result: GET …/commandResults/{commandId}, then its `Location` while 202. */
export const commandResultOperation = {
  kind: KIND,
  service: 'containerservice',
  strategy: commandResult,
  start(client, [params], request) {
    checkCommandParams(params);
    const sent = getCommandResult(client, params, { ...request, rawBody: true });
    // The caller's own URL: the fallback should a handed-out Location fail.
    const resourceUrl = commandResultUrl(client.endpoint, params);
    return async (context) => {
      const { data, response } = await sent;
      return readCommandResult(parseBody(data, response), response, { url: resourceUrl, resourceUrl }, context);
    };
  },
  tokenResult: withoutLogs,
} as const satisfies OperationDescriptor<ContainerServiceClient, [CommandResultParams], RunCommandResult>;
