// The public surface of @azlro/http: what a user of the azlro clients needs. What only the sibling
// packages share is in ./internal.ts (`@azlro/http/internal`, not public).
export { createPipeline, type PipelineFetch } from './pipeline.js';
export type { PipelineOptions } from './options.js';
export type { RetryOptions } from './policies/retry.js';
export type { UserAgentOptions } from './policies/user-agent.js';
export { StaticTokenCredential, type ClientOptions, type OperationOptions } from './client-options.js';
export type { AccessToken, GetTokenOptions, TokenCredential } from './credential-types.js';
export { SharedKeyCredential, type SignableRequest } from './shared-key/credential.js';

export { ApiError, type ApiErrorKind, type ApiErrorInit } from './errors/api-error.js';
export { NetworkError, RequestTimeoutError, CredentialOriginError } from './errors/transport-errors.js';
export { isApiError, isAuthError, isCertificateRetiredError, isConflictError, isNotFoundError } from './errors/guards.js';

export { getRequestIds, type RequestIds } from './request-ids.js';
export { systemClock, type Clock } from './clock.js';
export { DEFAULT_TRY_TIMEOUT_IN_MS } from './pipeline.js';
export { logger, type AzlroLogger, type AzlroLogLevel } from './logging/logger.js';
export { DEFAULT_MAX_CONNECTIONS_PER_ORIGIN, type ProxySettings, type TransportOptions } from './transport-options.js';
export { AZURE_CLOUDS, type AzureCloud } from './clouds.js';
