import type { RequestIds } from '@azlro/http';
import { FieldsError, isNamed } from '@azlro/http/internal';

/**
 * The service kept answering polls with nothing a poller can read (an empty body, a body that does
 * not parse, no status, a status that is not a string) more times in a row than
 * `maxProtocolFaultRetries` allows. The wait ends; the operation itself may go on: resume it later
 * with `resumeToken`.
 */
export class PollingProtocolError extends FieldsError {
  /** Always `'PollingProtocolError'`. {@link isPollingProtocolError} checks it, so the guard works across two copies of the package. */
  declare readonly name: 'PollingProtocolError';
  /** The request that got the last unusable answer. */
  declare readonly method: string;
  /** Its URL (query values that look secret are redacted). */
  declare readonly url: string;
  /** The HTTP status of that answer. */
  declare readonly status: number;
  /** What was wrong with it, e.g. `the body has no status`. */
  declare readonly reason: string;
  /** Unusable answers in a row. */
  declare readonly faults: number;
  /** Request ids of the last answer, for a support request. */
  declare readonly requestIds: RequestIds;
  /** Continues the wait with `restorePoller` (holds no secret). */
  declare readonly resumeToken: string | undefined;

  constructor(init: { method: string; url: string; status: number; reason: string; faults: number; requestIds: RequestIds; resumeToken: string | undefined }) {
    const id = init.requestIds.requestId ? ` (request id ${init.requestIds.requestId})` : '';
    const { method, url, status, reason, faults, requestIds, resumeToken } = init;
    super(`${method} ${url}: ${status}: no usable status in ${faults} answers in a row: ${reason}${id}`, {
      name: 'PollingProtocolError', method, url, status, reason, faults, requestIds, resumeToken,
    });
  }
}

/** True for a {@link PollingProtocolError}, including one from another copy of this package. */
export function isPollingProtocolError(value: unknown): value is PollingProtocolError {
  if (value instanceof PollingProtocolError) return true;
  return isNamed(value, 'PollingProtocolError') && typeof value.faults === 'number';
}
