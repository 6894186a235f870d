/** The request never produced a complete response (refused, reset, DNS failure, body cut short). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  readonly method: string;
  /** The request URL with secret-like query values redacted. */
  readonly url: string;

  constructor(method: string, url: string, message: string, options: { cause: unknown }) {
    super(`${method} ${url}: network error: ${message}`, options);
    this.method = method;
    this.url = url;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, method: this.method, url: this.url };
  }
}

/** One attempt took longer than `tryTimeoutInMs`. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  readonly method: string;
  /** The request URL with secret-like query values redacted. */
  readonly url: string;
  readonly timeoutInMs: number;

  constructor(method: string, url: string, timeoutInMs: number, options: { cause: unknown }) {
    super(`${method} ${url}: no complete response within ${timeoutInMs} ms`, options);
    this.method = method;
    this.url = url;
    this.timeoutInMs = timeoutInMs;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, method: this.method, url: this.url, timeoutInMs: this.timeoutInMs };
  }
}

/** A credential would have gone to an origin that may not receive it, or over plain http to a non-loopback host. */
export class CredentialOriginError extends Error {
  override readonly name = 'CredentialOriginError';
  /** The origin the request was addressed to. */
  readonly origin: string;

  constructor(origin: string, message: string) {
    super(message);
    this.origin = origin;
  }
}
