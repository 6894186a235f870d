/**
 * `@azlro/lro/containerservice`: the AKS operations, with the poller types, resume tokens and
 * errors: the root's names an AKS-only program needs, nothing of Cloud Partner or Batch. It loads
 * the same code as the root `@azlro/lro` (the build puts all of lro's code in its root's
 * dist/index.js, see tools/build/build-package.mjs: for a cold start the number of files costs
 * more than their size), so the exports are the root's own (one class, one `instanceof`);
 * `restorePoller`, which serves both pollable services, is in the root only.
 */
export { abortLatestOperation, type AbortLatestOperationOptions } from './operations/abort-latest-operation/index.js';
export { waitForCommandResult, type WaitForCommandResultOptions } from './operations/wait-for-command-result/index.js';
export { abortAgentPoolLatestOperation, type AbortAgentPoolLatestOperationOptions } from './operations/abort-agent-pool-latest-operation/index.js';
export { runCommand, type RunCommandOptions } from './operations/run-command/index.js';
export { parseResumeToken, RESUME_TOKEN_VERSION, type PollingTarget, type ResumeToken } from './resume-token.js';

export type { Poller } from './poller.js';
export type { PollOptions, PollerOptions } from './options.js';
export type { OperationState, OperationThrottling } from './state.js';
export { OperationError, type OperationErrorBody } from './errors/operation-error.js';
export type { OperationStatus } from './status.js';
export { OPERATION_KINDS, type OperationKind, type ServiceName } from './kinds.js';

export { OperationFailedError, isOperationFailedError } from './errors/operation-failed-error.js';
export { PollerTimeoutError, isPollerTimeoutError } from './errors/poller-timeout-error.js';
export { PollingOriginError, isPollingOriginError } from './errors/polling-origin-error.js';
export { HandedOutUrlError, isHandedOutUrlError } from './errors/handed-out-url-error.js';
export { abortConflictReason, conflictingOperation, type AbortConflictReason } from './abort-conflict.js';
export { PollingProtocolError, isPollingProtocolError } from './errors/polling-protocol-error.js';
