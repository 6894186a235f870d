// The token credential contract azlro uses, declared here rather than imported from @azure/core-auth:
// azlro needs only its shape, and the package's runtime dependencies (@azure/abort-controller,
// @azure/core-util and theirs) were most of what installing @azlro/lro cost. Structurally the same as
// core-auth 1.x, so `DefaultAzureCredential` and every other `@azure/identity` credential fit
// (test/credential-types.test-d.ts checks both directions against core-auth's own types).

/** Options azlro passes to {@link TokenCredential.getToken}. */
export interface GetTokenOptions {
  /** Stops the token request. @default none */
  abortSignal?: AbortSignal;
  /** CAE claims from a `WWW-Authenticate` challenge, base64-decoded. @default none */
  claims?: string;
  /** Asks for a token that supports Continuous Access Evaluation (azlro always asks). @default false */
  enableCae?: boolean;
  /** The tenant to get the token from, when not the credential's own. @default the credential's tenant */
  tenantId?: string;
}

/** A bearer token and when it expires, as `@azure/core-auth`'s `AccessToken`. */
export interface AccessToken {
  /** The token, without the `Bearer ` prefix. */
  token: string;
  /** When it expires, in ms since the epoch. */
  expiresOnTimestamp: number;
  /** When to refresh it, in ms since the epoch, if the credential says. */
  refreshAfterTimestamp?: number;
  /** `Bearer` (the only type azlro sends). */
  tokenType?: 'Bearer' | 'pop';
}

/** Anything that gets Microsoft Entra tokens: `@azure/core-auth`'s `TokenCredential`, e.g. `DefaultAzureCredential`. */
export interface TokenCredential {
  /** Gets a token for `scopes`; null when there is none. */
  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null>;
}
