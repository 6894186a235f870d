import { CredentialOriginError } from '../errors/transport-errors.js';
import type { PipelinePolicy } from '../pipeline-request.js';

/** Hosts where plain http never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Throws unless a credential may be sent to `url`: an allowed origin, over https or loopback http. */
export function assertCredentialTarget(url: URL, allowedOrigins: ReadonlySet<string>): void {
  if (!allowedOrigins.has(url.origin)) {
    throw new CredentialOriginError(
      url.origin,
      `Refusing to send a credential to ${url.origin}: only ${[...allowedOrigins].join(', ')} may receive it ` +
        '(the endpoint origin, plus allowedCredentialOrigins)',
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new CredentialOriginError(
      url.origin,
      `Refusing to send a credential to ${url.origin} over ${url.protocol.slice(0, -1)}: use https (plain http only to loopback hosts)`,
    );
  }
}

/**
 * Runs before the retry loop, so a refused request is never sent at all. Applies when the pipeline
 * has a credential or the caller set an Authorization header of their own.
 */
export function credentialOriginPolicy(allowedOrigins: ReadonlySet<string>, hasCredential: boolean): PipelinePolicy {
  // `origin/` prefixes of the allowed origins that pass the protocol rule too. A URL string that
  // starts with one has that origin (the authority ends at the first '/'), so it needs no parsing;
  // any other spelling (upper case, default port, userinfo, ...) is parsed and checked in full.
  const prefixes: string[] = [];
  for (const origin of allowedOrigins) {
    try {
      assertCredentialTarget(new URL(origin), allowedOrigins);
      prefixes.push(`${origin}/`);
    } catch {
      // refused origins stay on the full check, which names the reason
    }
  }
  const trusted = (url: string) => {
    for (const prefix of prefixes) if (url.startsWith(prefix)) return true;
    return false;
  };
  return (request, next) => {
    if ((hasCredential || request.headers.has('authorization')) && !trusted(request.url)) assertCredentialTarget(new URL(request.url), allowedOrigins);
    return next(request);
  };
}
