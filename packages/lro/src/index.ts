// The whole API. `@azlro/lro/containerservice` (`/cloudpartner`, `/batch`) export one service's part
// of it: same functions and classes, re-exported from this entry's dist/index.js (the build puts all
// of the code there, see tools/build/build-package.mjs).
export { abortLatestOperation, type AbortLatestOperationOptions } from './operations/abort-latest-operation/index.js';
export { waitForCommandResult, type WaitForCommandResultOptions } from './operations/wait-for-command-result/index.js';
export { abortAgentPoolLatestOperation, type AbortAgentPoolLatestOperationOptions } from './operations/abort-agent-pool-latest-operation/index.js';
export { runCommand, type RunCommandOptions } from './operations/run-command/index.js';
export { cancelOfferOperation, type CancelOfferOperationOptions } from './operations/cancel-offer-operation/index.js';
export {
  cancelCertificateDeletion,
  type CancelCertificateDeletionOptions,
  type CancelCertificateDeletionResult,
} from './operations/cancel-certificate-deletion.js';
export { restorePoller, type RestorePollerOptions } from './restore-poller.js';
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
export { DEFAULT_MAX_INTERVAL_IN_MS, DEFAULT_MAX_PROTOCOL_FAULT_RETRIES, DEFAULT_MIN_INTERVAL_IN_MS } from './check-options.js';
