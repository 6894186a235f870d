import type { ContainerServiceClient } from '@azlro/containerservice';
import type { Strategy } from '../strategy.js';
import { armVoidOperation } from './arm-operation.js';

/**
 * Agent Pools - Abort Latest Operation: the same ARM protocol and polling resources as the
 * cluster's abort (`Azure-AsyncOperation` status, else `location`), under its own kind so that a
 * resume token and every message say which abort it is.
 */
export const agentPoolAbort: Strategy<ContainerServiceClient, void> = {
  ...armVoidOperation,
  kind: 'containerservice.abortAgentPoolLatestOperation',
};
