import { untilAborted } from './abortable.js';
import type { AccessToken, TokenCredential } from './credential-types.js';
import type { Clock } from './clock.js';
import type { AzlroLogger } from './logging/logger.js';

/** Refresh this long before expiry when the token gives no `refreshAfterTimestamp` (as Azure Identity does). */
export const TOKEN_REFRESH_MARGIN_IN_MS = 2 * 60_000;

/** What a header value may not hold (RFC 9110 §5.5; fetch also refuses anything past U+00FF); tab is allowed. */
const NOT_IN_A_HEADER = /[\0-\x08\n-\x1f\x7f\u0100-\uffff]/;

export interface TokenCache {
  /** A cached token, or a fresh one; with `claims`, always a new token carrying them. */
  getToken(abortSignal: AbortSignal, claims?: string): Promise<string>;
  /** Forgets `token` if it is the cached one (the service called it invalid), so the next getToken asks the credential. */
  invalidate(token: string): void;
}

/**
 * Caches one token for `scopes`; concurrent callers share one in-flight refresh. When a refresh
 * fails, the cached token serves until it expires (with a warning).
 * @param onToken - called with each new token (the pipeline's redactor remembers it).
 */
export function createTokenCache(
  credential: TokenCredential,
  scopes: string[],
  log: AzlroLogger,
  clock: Clock,
  onToken: (token: string) => void = () => {},
): TokenCache {
  let cached: AccessToken | undefined;
  let inflight: { promise: Promise<AccessToken>; signal: AbortSignal } | undefined;
  const fresh = (t: AccessToken) => clock.epochNow() < (t.refreshAfterTimestamp ?? t.expiresOnTimestamp - TOKEN_REFRESH_MARGIN_IN_MS);

  function refresh(signal: AbortSignal, claims?: string): NonNullable<typeof inflight> {
    log.verbose(`requesting a token for ${scopes.join(' ')}${claims ? ' with CAE claims' : ''}`);
    const promise = credential.getToken(scopes, { abortSignal: signal, claims, enableCae: true }).then((token) => {
      if (!token?.token) throw new Error('The credential returned no access token');
      if (typeof token.token !== 'string' || NOT_IN_A_HEADER.test(token.token)) {
        // Headers.set would refuse it with a TypeError quoting the value, token and all.
        throw new Error('The credential returned an access token that cannot be sent in a header (not a string, or a line break, control or non-Latin-1 character in it)');
      }
      onToken(token.token);
      cached = token;
      return token;
    });
    const entry = { promise, signal };
    if (!claims) inflight = entry;
    void promise.catch(() => {}).finally(() => inflight === entry && (inflight = undefined));
    return entry;
  }

  return {
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
    async getToken(abortSignal, claims) {
      for (;;) {
        if (!claims && cached && fresh(cached)) return cached.token;
        const entry = claims ? refresh(abortSignal, claims) : (inflight ?? refresh(abortSignal));
        try {
          return (await untilAborted(entry.promise, abortSignal)).token;
        } catch (error) {
          if (abortSignal.aborted) throw abortSignal.reason;
          if (entry.signal !== abortSignal && entry.signal.aborted) continue; // another caller gave up: try again for us
          if (!claims && cached && clock.epochNow() < cached.expiresOnTimestamp) {
            log.warning('token refresh failed; using the cached token until it expires');
            return cached.token;
          }
          throw error;
        }
      }
    },
  };
}
