import { errorJson, FieldsError } from './fields-error.js';

/** The request never produced a complete response (refused, reset, DNS failure, body cut short). */
export class NetworkError extends FieldsError {
  /** Always `'NetworkError'`. */
  declare readonly name: 'NetworkError';
  /** The request's HTTP method. */
  declare readonly method: string;
  /** The request URL with secret-like query values redacted. */
  declare readonly url: string;

  constructor(method: string, url: string, message: string, options: { cause: unknown }) {
    super(`${method} ${url}: network error: ${message}`, { name: 'NetworkError', method, url }, options);
  }

  /** `name`, `message`, `method`, `url`: no `cause`. */
  toJSON(): Record<string, unknown> {
    return errorJson(this);
  }
}

/** One attempt took longer than `tryTimeoutInMs`. */
export class RequestTimeoutError extends FieldsError {
  /** Always `'RequestTimeoutError'`. */
  declare readonly name: 'RequestTimeoutError';
  /** The request's HTTP method. */
  declare readonly method: string;
  /** The request URL with secret-like query values redacted. */
  declare readonly url: string;
  /** The per-attempt limit that passed, in milliseconds (the pipeline's `tryTimeoutInMs`, default 60 000). */
  declare readonly timeoutInMs: number;

  constructor(method: string, url: string, timeoutInMs: number, options: { cause: unknown }) {
    super(`${method} ${url}: no complete response within ${timeoutInMs} ms`, { name: 'RequestTimeoutError', method, url, timeoutInMs }, options);
  }

  /** `name`, `message`, `method`, `url`, `timeoutInMs`: no `cause`. */
  toJSON(): Record<string, unknown> {
    return errorJson(this);
  }
}

/** A credential would have gone to an origin that may not receive it, or over plain http to a non-loopback host. */
export class CredentialOriginError extends FieldsError {
  /** Always `'CredentialOriginError'`. */
  declare readonly name: 'CredentialOriginError';
  /** The origin the request was addressed to. */
  declare readonly origin: string;

  constructor(origin: string, message: string) {
    super(message, { name: 'CredentialOriginError', origin });
  }
}
