export { createPipeline, type PipelineFetch } from './pipeline.js';
export type { PipelineOptions } from './options.js';
export type { RetryOptions } from './policies/retry.js';
export type { UserAgentOptions } from './policies/user-agent.js';
export { createServiceClient, type GeneratedClientConfig, type ServiceClient } from './service-client.js';
export { assertParams, StaticTokenCredential, type ClientOptions, type OperationOptions } from './client-options.js';
export type { AccessToken, GetTokenOptions, TokenCredential } from './credential-types.js';

export { SharedKeyCredential, type SignableRequest } from './shared-key/credential.js';
export { stringToSign, type HeadersLike, type SharedKeyRequest } from './shared-key/string-to-sign.js';
export { computeSharedKeySignature, verifySharedKey } from './shared-key/signature.js';

export { ApiError, type ApiErrorKind, type ApiErrorInit } from './errors/api-error.js';
export { NetworkError, RequestTimeoutError, CredentialOriginError } from './errors/transport-errors.js';
export { isApiError, isAuthError, isCertificateRetiredError, isConflictError, isNotFoundError } from './errors/guards.js';

export { getRequestIds, type RequestIds } from './request-ids.js';
export { delay, type DelayOptions } from './delay.js';
export { checkClock, systemClock, type Clock } from './clock.js';
export { THROTTLING_STATUSES, THROTTLING_TO_CALLER_HEADER } from './throttling-to-caller.js';
export { MAX_SERVER_DELAY_IN_MS, readRetryAfter, retryAfterInMs, type RetryAfterReading } from './retry-after.js';
export { escapeControl } from './escape.js';
export { markResendable } from './pipeline-request.js';
export { DEFAULT_TRY_TIMEOUT_IN_MS } from './pipeline.js';

export { assertLength, assertPathSegment, assertPattern, assertUuid, type LengthBounds } from './validators/assert.js';
export { encodePathSegment } from './validators/encode-path-segment.js';
export {
  validateResourceGroupName,
  validateResourceName,
  validateSubscriptionId,
  validateThumbprint,
  validateThumbprintAlgorithm,
} from './validators/azure.js';

export { createLogger, logger, type AzlroLogger, type AzlroLogLevel } from './logging/logger.js';
export { redactText, REDACTED } from './logging/redact.js';
export { DEFAULT_MAX_CONNECTIONS_PER_ORIGIN, type ProxySettings, type TransportOptions } from './transport-options.js';
export { AZURE_CLOUDS, batchScopeFor, resourceManagerScopeFor, type AzureCloud } from './clouds.js';
