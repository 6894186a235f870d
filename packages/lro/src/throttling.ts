import { type Clock, isApiError, retryAfterInMs, THROTTLING_STATUSES } from '@azlro/http/internal';

/** A poll the service throttled: the status, its code and the delay it asked for. */
export interface PollThrottled {
  status: number;
  code: string | undefined;
  retryAfterInMs: number;
}

/**
 * Reads a poll's failure as throttling: an `ApiError` 429/503 that carries a server delay (the
 * retry policy hands these back for polls). Anything else is undefined: a real error.
 */
export function readThrottling(error: unknown, clock: Clock): PollThrottled | undefined {
  if (!isApiError(error) || !THROTTLING_STATUSES.has(error.status) || !error.response) return undefined;
  const delay = retryAfterInMs(error.response.headers, clock.epochNow());
  return delay === undefined ? undefined : { status: error.status, code: error.code, retryAfterInMs: delay };
}
