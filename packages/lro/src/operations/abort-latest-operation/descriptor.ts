import { sendAbortLatestOperation, type ContainerServiceClient, type ManagedClusterParams } from '@azlro/containerservice';
import type { OperationDescriptor } from '../../operation.js';
import { armVoidOperation, readArmInitial } from '../../strategies/arm-operation.js';

const KIND = 'containerservice.abortLatestOperation';

/** Managed Clusters - Abort Latest Operation: POST …/abort, then the ARM protocol. */
export const abortLatest = {
  kind: KIND,
  service: 'containerservice',
  strategy: armVoidOperation,
  start(client, [params], request) {
    const sent = sendAbortLatestOperation(client, params, { ...request, rawBody: true });
    return async (context) => readArmInitial((await sent).response, context, KIND);
  },
} as const satisfies OperationDescriptor<ContainerServiceClient, [ManagedClusterParams], void>;
