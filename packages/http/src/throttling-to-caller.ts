/**
 * A request header, never sent on the wire, by which a caller that polls (`@azlro/lro`) takes
 * throttling into its own hands: the retry policy then hands a 429 or 503 that carries a server
 * delay (`Retry-After`, `retry-after-ms`, `x-ms-retry-after-ms`) straight back, so the caller can
 * turn it into "still running, next poll after the delay" instead of a retry loop that gives up
 * past `maxRetryDelayInMs`. The pipeline removes the header before anything is sent. Value: `1`.
 */
export const THROTTLING_TO_CALLER_HEADER = 'x-azlro-throttling-to-caller';

/** Statuses that mean "come back later", whatever the method. */
export const THROTTLING_STATUSES: ReadonlySet<number> = new Set([
  429, // Too Many Requests
  503, // Service Unavailable
]);
