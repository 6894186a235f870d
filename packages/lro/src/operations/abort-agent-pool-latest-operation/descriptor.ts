import { sendAbortAgentPoolLatestOperation, type AgentPoolParams, type ContainerServiceClient } from '@azlro/containerservice';
import type { OperationDescriptor } from '../../operation.js';
import { armVoidOperation, readArmInitial } from '../../strategies/arm-operation.js';

const KIND = 'containerservice.abortAgentPoolLatestOperation';

/**
 * Agent Pools - Abort Latest Operation: the same ARM protocol and polling resources as the
 * cluster's abort, under its own kind so that a resume token and every message say which abort it is.
 */
export const abortAgentPoolLatest = {
  kind: KIND,
  service: 'containerservice',
  strategy: armVoidOperation,
  start(client, [params], request) {
    // rawBody: the 202's body is never read (the headers name what to poll), so one that does not parse cannot lose the abort.
    const sent = sendAbortAgentPoolLatestOperation(client, params, { ...request, rawBody: true });
    return async (context) => readArmInitial((await sent).response, context, KIND);
  },
} as const satisfies OperationDescriptor<ContainerServiceClient, [AgentPoolParams], void>;
