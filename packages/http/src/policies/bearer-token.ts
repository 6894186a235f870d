import { parseClaimsChallenge } from '../claims-challenge.js';
import type { AzlroLogger } from '../logging/logger.js';
import type { PipelinePolicy } from '../pipeline-request.js';
import type { TokenCache } from '../token-cache.js';

/**
 * Sets `Authorization: Bearer <token>` on each attempt. A 401 carrying a CAE claims challenge gets one
 * token refresh with those claims and one resend per logical call; any other 401 is returned as is.
 */
export function bearerTokenPolicy(tokens: TokenCache, log: AzlroLogger): PipelinePolicy {
  return async (request, next) => {
    request.headers.set('authorization', `Bearer ${await tokens.getToken(request.abortSignal)}`);
    const response = await next(request);
    if (response.status !== 401 || request.state.claimsChallengeAnswered) return response;
    const claims = parseClaimsChallenge(response.headers.get('www-authenticate'));
    if (!claims) return response;
    request.state.claimsChallengeAnswered = true;
    log.info(`401 with a claims challenge: getting a new token and resending ${request.method} ${request.url} once`);
    const headers = new Headers(request.headers);
    headers.set('authorization', `Bearer ${await tokens.getToken(request.abortSignal, claims)}`);
    return next({ ...request, headers });
  };
}
