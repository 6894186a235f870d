/** The service's own description of why an operation failed: the fields of an ARM `CloudErrorBody`. */
export interface OperationErrorBody {
  /** The service's error code, e.g. `OperationCanceled`. */
  code?: string;
  /** The service's explanation. */
  message?: string;
  /** What the error is about, when the service says. */
  target?: string;
  /** Nested errors, in the service's own shape. */
  details?: readonly unknown[];
}

/**
 * Why an operation failed, as the service said it: an ARM `CloudErrorBody`, a Cloud Partner
 * operation's `error`, or (for a failed command) the command's `reason` as `message`. An `Error`,
 * so `state.error` is what `@azure/core-lro`'s `OperationState` promises; its `message` is the
 * service's message (or its code, when it sent no message), and `code`/`target`/`details` are the
 * service's fields. `JSON.stringify` gives the service's body back (`{ code, message, target, details }`).
 */
export class OperationError extends Error implements OperationErrorBody {
  /** Always `'OperationError'`. */
  override readonly name = 'OperationError';
  readonly code: string | undefined;
  readonly target: string | undefined;
  readonly details: readonly unknown[] | undefined;
  /** The message the service sent (not the fallback): what serialization gives back. */
  readonly #serviceMessage: string | undefined;

  constructor(body: OperationErrorBody) {
    super(body.message ?? body.code ?? 'the service gave no reason');
    this.code = body.code;
    this.target = body.target;
    this.details = body.details;
    this.#serviceMessage = body.message;
  }

  /** The service's fields only (no stack): resume tokens and `--output json` carry this. */
  toJSON(): OperationErrorBody {
    const body: OperationErrorBody = {
      code: this.code,
      message: this.#serviceMessage,
      target: this.target,
      details: this.details,
    };
    return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as OperationErrorBody;
  }

  /** `value` as an OperationError: an instance is kept, a service body is wrapped, anything else gives undefined. */
  static from(value: OperationErrorBody | undefined): OperationError | undefined {
    if (value === undefined || value === null) return undefined;
    return value instanceof OperationError ? value : new OperationError(value);
  }
}
