import { UnparsedBody } from './get-as-is.js';
import type { OperationErrorBody as OperationError } from './state.js';
import { readServiceStatus } from './status.js';
import type { OperationStatus } from './status.js';

/** What a polling body says about the operation, or why it says nothing usable. */
export interface BodyStatus {
  status: OperationStatus;
  /** The service's status word, when the body had one. */
  serviceStatus?: string;
  /** False for a status word no mapping knows (still running). */
  recognized?: boolean;
  /**
   * Set when the body has no usable status (empty, not JSON, no status field, a non-string
   * status): a protocol fault, which the poller retries a few times before giving up.
   */
  fault?: string;
  /** The body as an object, when it is one. */
  body?: Record<string, unknown>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the status word at `path` (e.g. `['status']`, `['properties', 'provisioningState']`) of
 * a parsed polling body (see `parseBody`).
 */
export function readBodyStatus(data: unknown, path: readonly string[]): BodyStatus {
  const field = path.join('.');
  if (data instanceof UnparsedBody) return { status: 'running', fault: data.reason };
  if (data === undefined) return { status: 'running', fault: 'the body is empty' };
  if (!isObject(data)) return { status: 'running', fault: 'the body is not a JSON object' };
  const word = path.reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), data);
  if (word === undefined || word === null) return { status: 'running', fault: `the body has no ${field}`, body: data };
  if (typeof word !== 'string') return { status: 'running', fault: `${field} is not a string: ${JSON.stringify(word).slice(0, 40)}`, body: data };
  const { status, recognized } = readServiceStatus(word);
  return { status, serviceStatus: word, recognized, body: data };
}

/** The error of a terminal body, in the shape the state declares: `code`, `message` and `target` strings, `details` an array. */
export function readOperationError(error: unknown): OperationError | undefined {
  if (typeof error === 'string') return { message: error };
  if (!isObject(error)) return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined);
  const known: OperationError = {
    ...(text(error.code) === undefined ? {} : { code: text(error.code) }),
    ...(text(error.message) === undefined ? {} : { message: text(error.message) }),
    ...(text(error.target) === undefined ? {} : { target: text(error.target) }),
    ...(Array.isArray(error.details) ? { details: error.details } : {}),
  };
  return Object.keys(known).length > 0 ? known : { message: JSON.stringify(error) };
}
