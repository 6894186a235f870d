export {
  createContainerServiceClient,
  DEFAULT_ENDPOINT,
  DEFAULT_SCOPE,
} from './client.js';
export type { ContainerServiceClient, ContainerServiceClientOptions } from './client.js';
export { sendAbortLatestOperation, getCommandResult } from './operations.js';
export type { CommandResultParams, ManagedClusterParams } from './operations.js';
export { sendAbortAgentPoolLatestOperation, validateAgentPoolName, type AgentPoolParams } from './agent-pools.js';
export { sendRunCommand } from './run-command.js';
export type {
  CloudError,
  CloudErrorBody,
  CommandResultProperties,
  OperationStatusResult,
  RunCommandRequest,
  RunCommandResult,
} from './generated/types.gen.js';
export type { Client } from '@azlro/http/internal';
export { PACKAGE_VERSION } from './version.js';
