import { ApiError } from './api-error.js';
import { isNamed } from './fields-error.js';

/**
 * True for an {@link ApiError}, including one made by another copy of this package
 * (checked by `name` and shape, not only `instanceof`).
 */
export function isApiError(value: unknown): value is ApiError {
  if (value instanceof ApiError) return true;
  return isNamed(value, 'ApiError') && typeof value.status === 'number' && typeof value.kind === 'string' && typeof value.message === 'string';
}

/** 404 Not Found. */
export function isNotFoundError(value: unknown): value is ApiError {
  return isApiError(value) && value.kind === 'notFound';
}

/** 401 Unauthorized or 403 Forbidden. */
export function isAuthError(value: unknown): value is ApiError {
  return isApiError(value) && (value.kind === 'unauthorized' || value.kind === 'forbidden');
}

/** 409 Conflict. */
export function isConflictError(value: unknown): value is ApiError {
  return isApiError(value) && value.kind === 'conflict';
}

/** Batch answered `CertificateRetired`: the certificate feature was retired on 2024-02-29. */
export function isCertificateRetiredError(value: unknown): value is ApiError {
  return isApiError(value) && value.kind === 'certificateRetired';
}
