/**
 * `@azlro/lro/cloudpartner`: the Cloud Partner Portal cancel, with the poller types, resume tokens
 * and errors, nothing of AKS or Batch (it loads the same code as the root, see
 * `@azlro/lro/containerservice`). `restorePoller` is in the root `@azlro/lro` only.
 */
export { cancelOfferOperation, type CancelOfferOperationOptions } from './operations/cancel-offer-operation/index.js';
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
export { PollingProtocolError, isPollingProtocolError } from './errors/polling-protocol-error.js';
