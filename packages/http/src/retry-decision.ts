import { NetworkError, RequestTimeoutError } from './errors/transport-errors.js';

/** Methods that can be resent after any transient failure. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Transient statuses worth retrying for idempotent methods. */
const RETRYABLE_STATUSES = new Set([
  408, // Request Timeout
  429, // Too Many Requests
  500, // Internal Server Error
  502, // Bad Gateway
  503, // Service Unavailable
  504, // Gateway Timeout
]);

/** Statuses that say the service did not act, so even a POST may be resent. */
const NOT_PROCESSED_STATUSES = new Set([
  429, // Too Many Requests: throttled before processing
  503, // Service Unavailable: not accepted
]);

/** Failures before a byte of the request was written: resending cannot repeat an action. */
const CONNECT_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** Should this final status be tried again? `resendable`: the operation is safe to repeat whatever its method. */
export function isRetryableStatus(method: string, status: number, resendable = false): boolean {
  return IDEMPOTENT_METHODS.has(method) || resendable ? RETRYABLE_STATUSES.has(status) : NOT_PROCESSED_STATUSES.has(status);
}

/** True when `error` or anything in its cause chain (or AggregateError members) has a connect-failure code. */
export function failedBeforeSending(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && CONNECT_ERROR_CODES.has(code)) return true;
  if (Array.isArray(errors) && errors.some((e) => failedBeforeSending(e, depth + 1))) return true;
  return failedBeforeSending(cause, depth + 1);
}

/** Should an attempt that threw be tried again? Never for the caller's own abort (not a NetworkError). */
export function isRetryableError(method: string, error: unknown, resendable = false): boolean {
  if (!(error instanceof NetworkError || error instanceof RequestTimeoutError)) return false;
  return IDEMPOTENT_METHODS.has(method) || resendable || (error instanceof NetworkError && failedBeforeSending(error.cause));
}
