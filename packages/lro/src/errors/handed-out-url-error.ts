import { ApiError, isApiError } from '@azlro/http/internal';

/**
 * A polling URL that the service itself handed out (in a response header) answered a 4xx: the
 * fault lies with that URL, not with the caller's parameters. Still an `ApiError` (same `status`,
 * `kind`, `code`, `requestId`), whose message names the header and the URL.
 */
export class HandedOutUrlError extends ApiError {
  /** Where the URL came from, e.g. `the Azure-AsyncOperation header`. */
  readonly urlSource: string;

  constructor(error: ApiError, urlSource: string) {
    const prefix = `${error.method} ${error.url}: ${error.status}${error.code ? ` ${error.code}` : ''}`;
    const text = error.message.startsWith(prefix) ? error.message.slice(prefix.length).replace(/^:\s*/, '') : error.message;
    super({
      method: error.method,
      url: error.url,
      status: error.status,
      code: error.code,
      target: error.target,
      details: [...error.details],
      requestId: error.requestId,
      clientRequestId: error.clientRequestId,
      body: error.body,
      response: error.response,
      message: `${text ? `${text} ` : ''}(a polling URL the service handed out in ${urlSource}, not one built from your parameters)`,
    });
    this.urlSource = urlSource;
    this.cause = error;
  }

  /** `ApiError`'s fields, then `urlSource`; not the `cause` (the original `ApiError`, which carries the same). */
  override toJSON(): Record<string, unknown> {
    const { cause: _, ...json } = super.toJSON();
    return json;
  }
}

/** True for a {@link HandedOutUrlError}, including one from another copy of this package. */
export function isHandedOutUrlError(value: unknown): value is HandedOutUrlError {
  return isApiError(value) && typeof (value as Partial<HandedOutUrlError>).urlSource === 'string';
}

/** 4xx answers that say "this URL is wrong", not "who are you" (401, 403) or "later" (408, 429). */
export function isUrlFault(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 403 && status !== 408 && status !== 429;
}
