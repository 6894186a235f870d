/**
 * `@azlro/http/internal`: what the sibling azlro packages (`@azlro/containerservice`,
 * `@azlro/batch`, `@azlro/cloudpartner`, `@azlro/lro`, `@azlro/cli`, `@azlro/emulator`) share and
 * a user of the clients does not need: the client runtime the generated `sdk.gen.ts`/`client.gen.ts`
 * import (the `@azlro/http/internal` client plugin in tools/codegen), client factories' plumbing,
 * parameter validators, redaction, Retry-After reading, Shared Key verification, small helpers
 * written once here.
 *
 * NOT PUBLIC: no semver promise. Names here change or go with any release, in step with the
 * sibling packages that are published at the same version. Import from `@azlro/http` instead.
 *
 * It also re-exports every name of `@azlro/http` and `@azlro/http/testing`, so a sibling package
 * imports this one module (one resolution, one file for Node to load at import): the build puts
 * the code of all three entries in dist/internal.js (dist/internal.node.js for Node), and
 * dist/index.js and dist/testing.js (.node.js) re-export their names from it
 * (tools/build/build-package.mjs). One name differs: `ClientOptions`
 * here is the client runtime's (an explicit export wins over `export *`); a client factory's
 * options type is `@azlro/http`'s `ClientOptions`, imported from there as a type.
 * @internal
 * @packageDocumentation
 */

// The client runtime of the generated clients (tools/codegen).
export {
  buildUrl,
  createClient,
  createConfig,
  responseText,
  withData,
  type Client,
  type ClientOptions,
  type Config,
  type CreateClientConfig,
  type HeaderValues,
  type Options,
  type ParseAs,
  type RequestOptions,
  type RequestResult,
  type TDataShape,
} from './client-runtime/index.js';

// Client factories: a generated hey-api client behind an azlro pipeline.
export { createServiceClient, SERVICE_OPERATIONS, type GeneratedClientConfig, type ServiceClient } from './service-client.js';
export { assertParams } from './client-options.js';
export { markResendable } from './pipeline-request.js';
export { batchScopeFor, resourceManagerScopeFor } from './clouds.js';
// The pipeline's own sender in fetch's shape, for wrappers that watch each attempt (the CLI's traffic).
export { directFetch } from './direct-fetch.js';

// Parameter validation: TypeError/RangeError naming the parameter, before anything is sent.
export { assertLength, assertPathSegment, assertPattern, assertUuid, type LengthBounds } from './validators/assert.js';
export { encodePathSegment } from './validators/encode-path-segment.js';
export {
  validateClusterParams,
  validateResourceGroupName,
  validateResourceName,
  validateSubscriptionId,
  validateThumbprint,
  validateThumbprintAlgorithm,
} from './validators/azure.js';
export { isLoopbackHost } from './policies/credential-origin.js';
export { checkClock } from './clock.js';

// Logs and messages: redaction and control-character escaping.
export { createLogger, redactingLogger } from './logging/logger.js';
export { redactText, REDACTED } from './logging/redact.js';
export { decodeOrKeep, escapeControl } from './escape.js';

// Retry-After and throttling handed to the caller (the poller).
export { THROTTLING_STATUSES, THROTTLING_TO_CALLER_HEADER } from './throttling-to-caller.js';
export { MAX_SERVER_DELAY_IN_MS, readRetryAfter, retryAfterInMs, type RetryAfterReading } from './retry-after.js';
export { delay, type DelayOptions } from './delay.js';

// Batch Shared Key on the server side (the emulator checks incoming requests with the client's code).
export { stringToSign, type HeadersLike, type SharedKeyRequest } from './shared-key/string-to-sign.js';
export { computeSharedKeySignature, verifySharedKey } from './shared-key/signature.js';

// Small helpers, one implementation each.
export { errorJson, FieldsError, isNamed } from './errors/fields-error.js';
export { onAbort, untilAborted } from './abortable.js';
export { base64ToBytes, bytesToBase64, decodeBase64Url, encodeBase64Url } from './base64.js';

// Every name of the public entries (see the file comment).
export * from './index.js';
export * from './testing.js';
