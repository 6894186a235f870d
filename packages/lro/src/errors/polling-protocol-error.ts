import type { RequestIds } from '@azlro/http';

/**
 * The service kept answering polls with nothing a poller can read (an empty body, a body that does
 * not parse, no status, a status that is not a string) more times in a row than
 * `maxProtocolFaultRetries` allows. The wait ends; the operation itself may go on: resume it later
 * with `resumeToken`.
 */
export class PollingProtocolError extends Error {
  override readonly name = 'PollingProtocolError';
  /** The request that got the last unusable answer. */
  readonly method: string;
  /** Its URL (query values that look secret are redacted). */
  readonly url: string;
  /** The HTTP status of that answer. */
  readonly status: number;
  /** What was wrong with it, e.g. `the body has no status`. */
  readonly reason: string;
  /** Unusable answers in a row. */
  readonly faults: number;
  /** Request ids of the last answer, for a support request. */
  readonly requestIds: RequestIds;
  /** Continues the wait with `restorePoller` (holds no secret). */
  readonly resumeToken: string | undefined;

  constructor(init: { method: string; url: string; status: number; reason: string; faults: number; requestIds: RequestIds; resumeToken: string | undefined }) {
    const id = init.requestIds.requestId ? ` (request id ${init.requestIds.requestId})` : '';
    super(`${init.method} ${init.url}: ${init.status}: no usable status in ${init.faults} answers in a row: ${init.reason}${id}`);
    this.method = init.method;
    this.url = init.url;
    this.status = init.status;
    this.reason = init.reason;
    this.faults = init.faults;
    this.requestIds = init.requestIds;
    this.resumeToken = init.resumeToken;
  }
}

/** True for a {@link PollingProtocolError}, including one from another copy of this package. */
export function isPollingProtocolError(value: unknown): value is PollingProtocolError {
  if (value instanceof PollingProtocolError) return true;
  const candidate = value as Partial<PollingProtocolError> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.name === 'PollingProtocolError' && typeof candidate.faults === 'number';
}
