import { directFetch, retryAfterInMs } from '@azlro/http/internal';

/** One HTTP attempt as it went over the wire (retries are attempts of their own). */
export interface Exchange {
  method: string;
  /** Path and query, no origin: where the request went, for summaries. */
  path: string;
  /** The status, or undefined when no response came (network error, abort). */
  status?: number;
  /** `performance.now()` when the request was handed to fetch. */
  sentAt: number;
  /** `performance.now()` when the response headers arrived (or the attempt failed). */
  answeredAt: number;
  /** The delay the response asked for (`retry-after-ms`, `x-ms-retry-after-ms`, `Retry-After`). */
  retryAfterInMs?: number;
}

/**
 * Records every HTTP attempt a client sends: the transport the clients get (`fetch` option), so
 * request counts and Retry-After waits are measured, not assumed. Sees no header values but the
 * delay ones, and keeps no credential.
 */
export class Traffic {
  readonly exchanges: Exchange[] = [];
  readonly #fetch: typeof fetch;

  /** @param fetchImpl Sends each attempt. @default the pipeline's own sender (`directFetch`: in Node undici's `request` on the shared dispatcher, not fetch) */
  constructor(fetchImpl: typeof fetch = directFetch()) {
    this.#fetch = fetchImpl;
  }

  /** Requests sent so far. */
  get count(): number {
    return this.exchanges.length;
  }

  /** The transport to hand to a client factory. */
  readonly fetch: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input));
    const exchange: Exchange = {
      method: (init?.method ?? request?.method ?? 'GET').toUpperCase(),
      path: `${url.pathname}${url.search}`,
      sentAt: performance.now(),
      answeredAt: 0,
    };
    this.exchanges.push(exchange);
    try {
      const response = await this.#fetch(input, init);
      exchange.status = response.status;
      exchange.retryAfterInMs = retryAfterInMs(response.headers);
      return response;
    } finally {
      exchange.answeredAt = performance.now();
    }
  };

  /** When the next poll goes, given the poller's interval: what the last answer asked for, else the interval. */
  nextPollAt(intervalInMs: number): number | undefined {
    const last = this.exchanges.at(-1);
    if (!last || last.answeredAt === 0) return undefined;
    return last.answeredAt + (last.retryAfterInMs ?? intervalInMs);
  }
}

/** How each wait after a `Retry-After` compared with what the service asked, measured. */
export interface RetryAfterCheck {
  /** Requests that followed an answer asking for a delay. */
  waits: number;
  /** How many of those went out before the delay was over (should be 0). */
  early: number;
  /** Shortest and longest measured gap, in ms, and the delays asked for. */
  minGapInMs?: number;
  maxGapInMs?: number;
  askedInMs: number[];
}

/** Early by more than this counts as early: timers are not exact to the millisecond. */
const TIMER_SLACK_IN_MS = 5;

/** Checks that every request after an answer with a delay waited at least that long. */
export function checkRetryAfter(exchanges: readonly Exchange[]): RetryAfterCheck {
  const check: RetryAfterCheck = { waits: 0, early: 0, askedInMs: [] };
  for (let i = 1; i < exchanges.length; i++) {
    const asked = exchanges[i - 1]!.retryAfterInMs;
    if (asked === undefined) continue;
    const gap = exchanges[i]!.sentAt - exchanges[i - 1]!.answeredAt;
    check.waits++;
    if (gap < asked - TIMER_SLACK_IN_MS) check.early++;
    check.minGapInMs = Math.min(check.minGapInMs ?? Infinity, gap);
    check.maxGapInMs = Math.max(check.maxGapInMs ?? 0, gap);
    if (!check.askedInMs.includes(asked)) check.askedInMs.push(asked);
  }
  return check;
}
