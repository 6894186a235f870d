import type { OperationKind } from './kinds.js';
import type { PollOptions } from './options.js';
import type { OperationState } from './state.js';

/**
 * Follows one long-running operation. Awaiting it waits until the operation is done
 * (`pollUntilDone()`); the initial request has already been sent when you get one.
 *
 * It is a `PollerLike<OperationState<TResult>, TResult>` of `@azure/core-lro` 3 (a `Promise` with
 * `then`/`catch`/`finally`, `result`, and `state.error` an `Error`), so it goes wherever the Azure
 * SDK's pollers go; `kind` and `serialize`'s options are azlro's extras.
 */
export interface Poller<TResult> extends Promise<TResult> {
  /** Which operation this poller follows. */
  readonly kind: OperationKind;
  /** True once the status is `succeeded`, `failed` or `canceled`. */
  readonly isDone: boolean;
  /** A snapshot of the latest known state. */
  readonly operationState: OperationState<TResult>;
  /** The result so far: the operation's value once it succeeded, else undefined. */
  readonly result: TResult | undefined;
  /**
   * Resolves once the initial response has arrived (rejects if the initial request failed, e.g. a
   * 409); `abortSignal` stops only this wait.
   */
  submitted(options?: PollOptions): Promise<void>;
  /**
   * Sends one polling request, after any `Retry-After` the service asked for, and returns the new
   * state. Once done, it sends nothing and returns the final state. A `failed` or `canceled` state
   * resolves too (core-lro 3's `poll()` throws then): read `status`.
   */
  poll(options?: PollOptions): Promise<OperationState<TResult>>;
  /**
   * Polls until done, honouring `Retry-After` (else `intervalInMs`), and resolves with the result.
   * Rejects with `OperationFailedError` (failed or canceled), an `ApiError` (HTTP error after the
   * pipeline's retries), `PollerTimeoutError` (`timeoutInMs`) or the abort signal's reason.
   */
  pollUntilDone(options?: PollOptions): Promise<TResult>;
  /**
   * Calls `callback` with the new state after every response; returns a function that unsubscribes.
   * If a callback throws, the other callbacks still run and the state is kept, and the `poll()` or
   * `pollUntilDone()` (or `await`) that received that response rejects with the thrown error.
   */
  onProgress(callback: (state: OperationState<TResult>) => void): () => void;
  /**
   * A resume token for `restorePoller` (URL-safe, no secret), once the initial response has
   * arrived; it rejects like `submitted()`.
   */
  serialize(options?: PollOptions): Promise<string>;
}
