import type { OperationState } from '../state.js';
import { FieldsError, isNamed } from '@azlro/http/internal';

/** `timeoutInMs` passed before the operation finished. The operation itself goes on; resume it later with the token. */
export class PollerTimeoutError<TResult = unknown> extends FieldsError {
  /** Always `'PollerTimeoutError'`. {@link isPollerTimeoutError} checks it, so the guard works across two copies of the package. */
  declare readonly name: 'PollerTimeoutError';
  /** The deadline that passed. */
  declare readonly timeoutInMs: number;
  /**
   * Continues the wait with `restorePoller` (holds no secret). Undefined only when the deadline
   * passed before the initial response arrived, so there is nothing to resume.
   */
  declare readonly resumeToken: string | undefined;
  /** The last known state. */
  declare readonly operationState: OperationState<TResult>;

  constructor(timeoutInMs: number, operationState: OperationState<TResult>, resumeToken: string | undefined) {
    super(
      `${operationState.kind}: still ${operationState.status} after ${timeoutInMs} ms` +
        (resumeToken ? '; the operation goes on, resume waiting with the resume token' : ''),
      { name: 'PollerTimeoutError', timeoutInMs, resumeToken, operationState },
    );
  }
}

/** True for a {@link PollerTimeoutError}, including one from another copy of this package. */
export function isPollerTimeoutError(value: unknown): value is PollerTimeoutError {
  if (value instanceof PollerTimeoutError) return true;
  return isNamed(value, 'PollerTimeoutError') && typeof value.timeoutInMs === 'number' && typeof value.operationState === 'object';
}
