import type { OperationError, OperationState } from '../state.js';
import { FieldsError, isNamed } from '@azlro/http/internal';

/** The operation ended `failed` or `canceled`: `pollUntilDone()` (and `await poller`) reject with this. */
export class OperationFailedError<TResult = unknown> extends FieldsError {
  /** Always `'OperationFailedError'`. {@link isOperationFailedError} checks it, so the guard works across two copies of the package. */
  declare readonly name: 'OperationFailedError';
  /** `failed` or `canceled`. */
  declare readonly status: 'failed' | 'canceled';
  /** The service's error (e.g. the `CloudErrorBody` of an ARM status body), when it sent one. */
  declare readonly error: OperationError | undefined;
  /** The final state, including the service's result when it sent one (e.g. a failed `RunCommandResult`). */
  declare readonly operationState: OperationState<TResult>;

  constructor(operationState: OperationState<TResult>) {
    const status = operationState.status === 'canceled' ? 'canceled' : 'failed';
    const error = operationState.error;
    const detail = [error?.code, error?.message].filter(Boolean).join(': ');
    super(`${operationState.kind}: the operation ${status}${detail ? `: ${detail}` : ''}`, { name: 'OperationFailedError', status, error, operationState });
  }
}

/**
 * True for an {@link OperationFailedError}, including one from another copy of this package.
 * Name the result type to narrow `operationState.result` too, e.g.
 * `isOperationFailedError<RunCommandResult>(error)`; pass the poller and it is inferred.
 */
export function isOperationFailedError<TResult = unknown>(value: unknown, _poller?: PromiseLike<TResult>): value is OperationFailedError<TResult> {
  if (value instanceof OperationFailedError) return true;
  return isNamed(value, 'OperationFailedError') && (value.status === 'failed' || value.status === 'canceled') && typeof value.operationState === 'object';
}
