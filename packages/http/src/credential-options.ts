import type { TokenCredential } from './credential-types.js';
import { redactText } from './logging/redact.js';
import { isLoopbackHost } from './policies/credential-origin.js';
import type { RequestSigner } from './policies/shared-key.js';
import type { PipelineOptions } from './options.js';

/** The credential, told apart by shape (so it works across copies of this package), with its checks done. */
export type ResolvedCredential =
  | { kind: 'none' }
  | { kind: 'token'; credential: TokenCredential; scopes: string[] }
  | { kind: 'sharedKey'; signer: RequestSigner };

function checkOrigin(name: string, value: unknown): string {
  if (typeof value !== 'string' || !URL.canParse(value)) throw new TypeError(`${name} must be an absolute URL; got ${typeof value === 'string' ? JSON.stringify(redactText(value)) : typeof value}`);
  const url = new URL(value);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new RangeError(`${name} must use https to receive a credential (plain http only for loopback hosts); got ${url.origin}`);
  }
  return url.origin;
}

/** Validates credential, scopes and allowedCredentialOrigins; returns the origins a credential may go to. */
export function resolveCredential(options: PipelineOptions, endpoint: URL): { credential: ResolvedCredential; origins: Set<string> } {
  const origins = new Set([endpoint.origin]);
  (options.allowedCredentialOrigins ?? []).forEach((o, i) => origins.add(checkOrigin(`allowedCredentialOrigins[${i}]`, o)));
  const { credential } = options;
  if (credential === undefined) return { credential: { kind: 'none' }, origins };
  checkOrigin('endpoint', endpoint.href);
  if (typeof (credential as TokenCredential).getToken === 'function') {
    const scopes = typeof options.scopes === 'string' ? [options.scopes] : options.scopes;
    if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((s) => typeof s === 'string' && s.length > 0)) {
      throw new TypeError('scopes must be a non-empty string or array of strings when credential is a TokenCredential');
    }
    return { credential: { kind: 'token', credential: credential as TokenCredential, scopes: [...scopes] }, origins };
  }
  if (typeof (credential as RequestSigner).sign === 'function') return { credential: { kind: 'sharedKey', signer: credential as RequestSigner }, origins };
  throw new TypeError('credential must be a TokenCredential (getToken) or a SharedKeyCredential (sign)');
}
