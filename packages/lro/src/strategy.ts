import type { PollingTarget } from './resume-token.js';
import type { OperationErrorBody } from './state.js';
import type { OperationStatus } from './status.js';

/** What a strategy needs for one request. */
export interface RequestContext {
  /** Stops the request. */
  readonly abortSignal: AbortSignal | undefined;
  /** The caller's extra headers. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** Resolves a URL from a response header and checks its origin (throws `PollingOriginError`). */
  follow(value: string, source: string): string;
  /** Logs a warning on the poller's logger, prefixed with the operation's kind. */
  warn(message: string): void;
}

/** What one response said about the operation. */
export interface Observation<TResult> {
  status: OperationStatus;
  /** The service's status word, if the response had one. */
  serviceStatus?: string;
  /** False when `serviceStatus` was a word no mapping knows (the poller logs it once and keeps polling). */
  recognized?: boolean;
  /**
   * Set when the response had no usable status (an empty body, one that does not parse, no status
   * field, a non-string status): a protocol fault. The poller polls again a few times, then gives up
   * with a `PollingProtocolError`.
   */
  fault?: string;
  percentComplete?: number;
  startTime?: string;
  endTime?: string;
  /** The service's error body; the poller turns it into an `OperationError`. */
  error?: OperationErrorBody;
  result?: TResult;
  /** Where to poll next; ignored once the status is terminal. */
  polling?: PollingTarget;
  /** The response, for `Retry-After` and request ids. */
  response: Response;
}

/**
 * How a protocol is polled: the protocol-specific part of a poller, shared by the operations that
 * poll alike. Every poll is a GET of the URL the service handed out (`getAsIs`); the protocol
 * knowledge is in reading the answer.
 */
export interface Strategy<TClient, TResult> {
  /** Sends one polling request to `target` and reads the answer. */
  poll(client: TClient, target: PollingTarget, context: RequestContext): Promise<Observation<TResult>>;
  /**
   * Where the service handed `target` out, e.g. `the Azure-AsyncOperation header`; undefined when
   * the URL was built from the caller's parameters (errors then concern the caller's input).
   */
  handedOutBy(target: PollingTarget): string | undefined;
  /** Throws a RangeError naming `resumeToken` if a restored target cannot be one of this protocol's. */
  checkTarget(target: PollingTarget): void;
}
