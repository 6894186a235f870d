/** The parts of a service's error body that every azlro service reports in some shape. */
export interface ServiceError {
  /** The service's error code, e.g. `OperationNotAllowed`. @default none */
  code?: string;
  /** The service's message (ARM `error.message`, Batch `message.value`). @default none */
  message?: string;
  /** The parameter or resource the error is about. @default none */
  target?: string;
  /** Further errors: ARM `error.details`, Batch `values`. @default none */
  details?: unknown[];
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads an ARM CloudError (`{ error: { code, message, target, details } }`), a Batch error
 * (`{ code, message: { value }, values }`) or a partner-portal body (`{ code, message }` or a string).
 */
export function readServiceError(body: unknown): ServiceError {
  if (typeof body === 'string') return body.trim() ? { message: body.trim() } : {};
  if (!isObject(body)) return {};
  if (isObject(body.error)) {
    const { code, message, target, details } = body.error;
    return { code: str(code), message: str(message), target: str(target), details: Array.isArray(details) ? details : undefined };
  }
  const message = isObject(body.message) ? str(body.message.value) : str(body.message) ?? str(body.error);
  const details = Array.isArray(body.values) ? body.values : Array.isArray(body.details) ? body.details : undefined;
  return { code: str(body.code), message, target: str(body.target), details };
}
