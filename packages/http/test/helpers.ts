import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { systemClock, type Clock } from '@azlro/http';
import { startTestServer, type TestServer } from '@azlro/test-server';

export const userAgent = { packageName: 'test', packageVersion: '0.0.0' };

export interface FakeCredential extends TokenCredential {
  readonly calls: { scopes: string | string[]; options: GetTokenOptions | undefined }[];
  readonly issued: string[];
}

/**
 * The injected dependency, not a global mock: counts calls and issues numbered tokens. Its latency
 * and its tokens' lifetimes are on `clock` (a test's ManualClock, so no one waits in real time).
 */
export function fakeCredential(
  options: { lifetimeInMs?: number; refreshAfterInMs?: number; latencyInMs?: number; fail?: () => boolean; clock?: Clock } = {},
): FakeCredential {
  const clock = options.clock ?? systemClock;
  const calls: FakeCredential['calls'] = [];
  const issued: string[] = [];
  return {
    calls,
    issued,
    async getToken(scopes, getTokenOptions): Promise<AccessToken> {
      calls.push({ scopes, options: getTokenOptions });
      if (options.latencyInMs) {
        await clock.sleep(options.latencyInMs, getTokenOptions?.abortSignal as AbortSignal | undefined).catch(() => {
          throw new Error('getToken aborted');
        });
      }
      if (options.fail?.()) throw new Error('identity endpoint unavailable');
      const token = `eyJ0eXAiOiJKV1Qi.fake-token-${calls.length}.c2lnbmF0dXJl`;
      issued.push(token);
      const now = clock.epochNow();
      return {
        token,
        expiresOnTimestamp: now + (options.lifetimeInMs ?? 3_600_000),
        ...(options.refreshAfterInMs === undefined ? {} : { refreshAfterTimestamp: now + options.refreshAfterInMs }),
      };
    },
  };
}

/** A transport that counts calls and delegates to the real fetch. */
export function countingFetch(): typeof fetch & { calls: string[] } {
  const calls: string[] = [];
  const wrapped = ((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return fetch(input, init);
  }) as typeof fetch & { calls: string[] };
  wrapped.calls = calls;
  return wrapped;
}

/** A port nothing listens on (a server was there a moment ago). */
export async function closedPort(): Promise<number> {
  const server = await startTestServer();
  await server.close();
  return server.port;
}

/** Gaps between consecutive arrivals, in ms. */
export function arrivalGaps(server: TestServer): number[] {
  return server.requests.slice(1).map((r, i) => r.arrivedAt - server.requests[i]!.arrivedAt);
}

export function base64Json(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64');
}
