/** Server delay headers, most precise first. */
const DELAY_IN_MS_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms'] as const;

/**
 * The delay a response asks for: `retry-after-ms`, then `x-ms-retry-after-ms`, then `Retry-After`
 * (seconds or an HTTP-date). Undefined when none is present and valid.
 */
export function retryAfterInMs(headers: Headers, now: number = Date.now()): number | undefined {
  for (const name of DELAY_IN_MS_HEADERS) {
    const value = headers.get(name)?.trim();
    if (value && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  }
  const retryAfter = headers.get('retry-after')?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `retryDelayInMs * 2^retry`, times a random 0.8-1.2 so clients do not retry in lockstep, capped. */
export function exponentialDelayInMs(retry: number, retryDelayInMs: number, maxRetryDelayInMs: number): number {
  const jitter = 0.8 + Math.random() * 0.4;
  return Math.min(maxRetryDelayInMs, Math.round(retryDelayInMs * 2 ** retry * jitter));
}
