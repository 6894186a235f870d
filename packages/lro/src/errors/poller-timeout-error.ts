import type { OperationState } from '../state.js';

/** `timeoutInMs` passed before the operation finished. The operation itself goes on; resume it later with the token. */
export class PollerTimeoutError<TResult = unknown> extends Error {
  override readonly name = 'PollerTimeoutError';
  /** The deadline that passed. */
  readonly timeoutInMs: number;
  /**
   * Continues the wait with `restorePoller` (holds no secret). Undefined only when the deadline
   * passed before the initial response arrived, so there is nothing to resume.
   */
  readonly resumeToken: string | undefined;
  /** The last known state. */
  readonly operationState: OperationState<TResult>;

  constructor(timeoutInMs: number, operationState: OperationState<TResult>, resumeToken: string | undefined) {
    super(
      `${operationState.kind}: still ${operationState.status} after ${timeoutInMs} ms` +
        (resumeToken ? '; the operation goes on, resume waiting with the resume token' : ''),
    );
    this.timeoutInMs = timeoutInMs;
    this.resumeToken = resumeToken;
    this.operationState = operationState;
  }
}

/** True for a {@link PollerTimeoutError}, including one from another copy of this package. */
export function isPollerTimeoutError(value: unknown): value is PollerTimeoutError {
  if (value instanceof PollerTimeoutError) return true;
  const candidate = value as Partial<PollerTimeoutError> | null;
  return (
    typeof candidate === 'object' && candidate !== null && candidate.name === 'PollerTimeoutError' &&
    typeof candidate.timeoutInMs === 'number' && typeof candidate.operationState === 'object'
  );
}
