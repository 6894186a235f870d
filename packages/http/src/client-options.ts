import type { AccessToken, TokenCredential } from './credential-types.js';
import type { PipelineOptions } from './options.js';

/** Options every azlro client factory accepts on top of its endpoint and credential. */
export interface ClientOptions
  extends Pick<
    PipelineOptions,
    'allowedCredentialOrigins' | 'retryOptions' | 'tryTimeoutInMs' | 'fetch' | 'logger' | 'clock' | 'proxyOptions' | 'maxConnectionsPerOrigin'
  > {
  /** Prepended to the `User-Agent`, e.g. `my-app/1.2.0`. @default none */
  userAgentPrefix?: string;
}

/** Options of a single operation call. */
export interface OperationOptions {
  /** Stops waiting for the response (and any retry delay); the service may still act on a request already sent. @default none */
  abortSignal?: AbortSignal;
  /** Extra request headers, e.g. `Prefer` for a mock server. Credential headers set here are overwritten. @default none */
  headers?: Record<string, string>;
  /**
   * Resolve with the body as the text that came (`data` is a string, typed as the parsed body),
   * for callers that read it themselves, so a 2xx body that is not JSON is reported with its
   * request instead of surfacing as a bare `SyntaxError` (the poller in `@azlro/lro` does this).
   * @default false (JSON bodies are parsed)
   */
  rawBody?: boolean;
}

/** Throws a TypeError unless `params` is an object: operations take their path parameters as one bag. */
export function assertParams(params: unknown): asserts params is object {
  if (typeof params !== 'object' || params === null) {
    throw new TypeError(`params must be an object with the operation's parameters; got ${params === null ? 'null' : typeof params}`);
  }
}

/**
 * A `TokenCredential` for a bearer token obtained elsewhere (e.g. `az account get-access-token`).
 * It cannot refresh: once the token expires, requests fail with 401.
 */
export class StaticTokenCredential implements TokenCredential {
  readonly #token: string;
  readonly #expiresOnTimestamp: number;

  /**
   * @param token - the bearer token, without the `Bearer ` prefix.
   * @param expiresOnTimestamp - when it expires (ms since the epoch). @default one hour from now
   */
  constructor(token: string, expiresOnTimestamp = Date.now() + 3_600_000) {
    if (typeof token !== 'string' || token.trim() === '') throw new TypeError('token must be a non-empty string');
    if (/\s/.test(token.trim())) throw new RangeError('token must be the bare token, without spaces or a "Bearer " prefix');
    this.#token = token.trim();
    this.#expiresOnTimestamp = expiresOnTimestamp;
  }

  async getToken(): Promise<AccessToken> {
    return { token: this.#token, expiresOnTimestamp: this.#expiresOnTimestamp };
  }

  /** Never serializes the token. */
  toJSON(): { type: 'StaticTokenCredential' } {
    return { type: 'StaticTokenCredential' };
  }
}
