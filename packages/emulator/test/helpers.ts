import { delay } from '@azlro/http';

/** A response Prism flagged: even a Warning (e.g. an undocumented status) means the emulator drifted from the spec. */
export interface FlaggedResponse {
  url: string;
  status: number;
  violations: string;
}

/**
 * `fetch` that records every response carrying Prism's `sl-violations` header. Prism turns Errors
 * into a 500 but lets Warnings through with only the header, so tests assert the list stays empty.
 */
export function createStrictFetch(): { fetch: typeof fetch; flagged: FlaggedResponse[]; lastRequest(): Request | undefined } {
  const flagged: FlaggedResponse[] = [];
  let last: Request | undefined;
  const strictFetch: typeof fetch = async (input, init) => {
    last = new Request(input, init);
    const response = await fetch(input, init);
    const violations = response.headers.get('sl-violations');
    if (violations) flagged.push({ url: response.url, status: response.status, violations });
    return response;
  };
  return { fetch: strictFetch, flagged, lastRequest: () => last };
}

let counter = 0;
/** A name no other test uses, so tests can share one emulator's state. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Calls `read` every `intervalInMs` until `done` holds for its result, or fails after `timeoutInMs`. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { intervalInMs = 100, timeoutInMs = 15_000 } = {},
): Promise<{ value: T; reads: T[] }> {
  const reads: T[] = [];
  const deadline = Date.now() + timeoutInMs;
  for (;;) {
    const value = await read();
    reads.push(value);
    if (done(value)) return { value, reads };
    if (Date.now() > deadline) throw new Error(`still not done after ${timeoutInMs} ms: ${JSON.stringify(value)}`);
    await delay(intervalInMs);
  }
}

/** The ARM polling URL split into the parameters the client's polling operations take. */
export function operationParams(url: string): { subscriptionId: string; location: string; operationId: string } {
  const match = /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.ContainerService\/locations\/([^/]+)\/(?:operationStatus|operations|operationresults)\/([^/?]+)$/
    .exec(new URL(url).pathname);
  if (!match) throw new Error(`not an ARM polling URL: ${url}`);
  return { subscriptionId: match[1]!, location: match[2]!, operationId: match[3]! };
}
