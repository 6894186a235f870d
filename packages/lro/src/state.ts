import type { RequestIds } from '@azlro/http';
import type { OperationKind } from './kinds.js';
import type { OperationError } from './errors/operation-error.js';
import type { OperationStatus } from './status.js';

export type { OperationError, OperationErrorBody } from './errors/operation-error.js';

/**
 * The service throttled the last poll (429 or 503 with `Retry-After`): the operation is still
 * running and the next poll waits for the delay. Cleared by the next answered poll.
 */
export interface OperationThrottling {
  /** 429 (Too Many Requests) or 503 (Service Unavailable). */
  readonly status: number;
  /** The service's error code, e.g. `SubscriptionRequestsThrottled`, when it sent one. */
  readonly code?: string;
  /** The delay the service asked for, in milliseconds (`Retry-After`, `retry-after-ms`, `x-ms-retry-after-ms`). */
  readonly retryAfterInMs: number;
  /** Epoch milliseconds before which no poll goes: the delay, within `maxIntervalInMs`. */
  readonly notBefore: number;
  /**
   * True when another poller's throttled poll paused this one: pollers that share a client and an
   * ARM subscription (else a client and a polling origin) share a 429's pause.
   */
  readonly shared: boolean;
}

/** A snapshot of what is known about an operation. */
export interface OperationState<TResult> {
  /** Which operation this is. */
  readonly kind: OperationKind;
  /** Where it stands. */
  readonly status: OperationStatus;
  /** The service's own status word from the last response (e.g. `InProgress`), when it sent one. */
  readonly serviceStatus?: string;
  /** 0-100, when the service reports progress. */
  readonly percentComplete?: number;
  /** When the operation started (ISO 8601, as the service sent it). */
  readonly startTime?: string;
  /** When it finished (ISO 8601, as the service sent it). */
  readonly endTime?: string;
  /** The service's error (an `Error` with the service's `code` and `message`), once the operation failed or was canceled. */
  readonly error?: OperationError;
  /** Request ids of the last response, for support requests. */
  readonly requestIds: RequestIds;
  /** Polling requests sent so far (the initial request is not counted). */
  readonly pollCount: number;
  /** Set while the service throttles polling (the last poll got a 429/503 with a delay, or a shared pause holds). */
  readonly throttling?: OperationThrottling;
  /** The outcome's value, once there is one. */
  readonly result?: TResult;
}
