import { parseClaimsChallenge } from '../claims-challenge.js';
import type { AzlroLogger } from '../logging/logger.js';
import type { PipelinePolicy } from '../pipeline-request.js';
import type { TokenCache } from '../token-cache.js';

/** RFC 6750 §3.1: the token was expired, revoked or malformed; a fresh one may pass. */
const INVALID_TOKEN = /\berror\s*=\s*"?invalid_token"?/i;

/**
 * Sets `Authorization: Bearer <token>` on each attempt. A 401 carrying a CAE claims challenge gets one
 * token refresh with those claims and one resend per logical call. A plain 401 `invalid_token`
 * (RFC 6750 §3.1, e.g. a token revoked mid-wait) gets one resend with a fresh token, when the
 * credential hands out a different one; any other 401 is returned as is.
 */
export function bearerTokenPolicy(tokens: TokenCache, log: AzlroLogger): PipelinePolicy {
  return async (request, next) => {
    const sent = await tokens.getToken(request.abortSignal);
    request.headers.set('authorization', `Bearer ${sent}`);
    const response = await next(request);
    if (response.status !== 401 || request.state.claimsChallengeAnswered) return response;
    const challenge = response.headers.get('www-authenticate');
    const claims = parseClaimsChallenge(challenge);
    // The one resend: the request again, on a copy of its headers, with `token`.
    const resend = (token: string) => {
      const headers = new Headers(request.headers);
      headers.set('authorization', `Bearer ${token}`);
      return next({ ...request, headers });
    };
    if (!claims) {
      if (!challenge || !INVALID_TOKEN.test(challenge)) return response;
      tokens.invalidate(sent);
      const fresh = await tokens.getToken(request.abortSignal);
      if (fresh === sent) return response;
      request.state.claimsChallengeAnswered = true;
      log.info(`401 invalid_token: resending ${request.method} ${request.url} once with a fresh token`);
      return resend(fresh);
    }
    request.state.claimsChallengeAnswered = true;
    log.info(`401 with a claims challenge: getting a new token and resending ${request.method} ${request.url} once`);
    return resend(await tokens.getToken(request.abortSignal, claims));
  };
}
