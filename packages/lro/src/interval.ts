/** The clamps of {@link pollDelayInMs}. */
export interface IntervalBounds {
  intervalInMs: number;
  minIntervalInMs: number;
  maxIntervalInMs: number;
}

/**
 * How long after a response the next poll may go: the service's own delay when it sent one,
 * else `intervalInMs`; either is clamped to `[minIntervalInMs, maxIntervalInMs]`.
 */
export function pollDelayInMs(serverDelayInMs: number | undefined, bounds: IntervalBounds): number {
  const wanted = serverDelayInMs ?? bounds.intervalInMs;
  return Math.min(Math.max(wanted, bounds.minIntervalInMs), bounds.maxIntervalInMs);
}
