import { escapeControl } from '../escape.js';
import { errorJson, FieldsError } from './fields-error.js';
import type { ServiceError } from './service-error.js';

/** What went wrong, for branching without matching strings. */
export type ApiErrorKind =
  | 'badRequest' // 400
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'notFound' // 404
  | 'conflict' // 409
  | 'throttled' // 429
  | 'certificateRetired' // Batch: code CertificateRetired (400), the certificate feature is gone
  | 'redirect' // 3xx: redirects are never followed, so a credential cannot leave its origin
  | 'server' // 5xx
  | 'other';

const KIND_BY_STATUS: Readonly<Record<number, ApiErrorKind>> = {
  400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'notFound', 409: 'conflict', 429: 'throttled',
};

function kindOf(status: number, code: string | undefined): ApiErrorKind {
  // An auth failure is one whatever body comes with it; otherwise the retired feature wins over 400.
  if (code === 'CertificateRetired' && status !== 401 && status !== 403) return 'certificateRetired';
  if (status === 0 || (status >= 300 && status < 400)) return 'redirect';
  return KIND_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'other');
}

/** What {@link ApiError} is built from; `url` and `body` must already be redacted. */
export interface ApiErrorInit extends ServiceError {
  /** The request's HTTP method, e.g. `POST`. */
  method: string;
  /** The request URL, already redacted (secret-like query values, user-info). */
  url: string;
  /** The final response's HTTP status (0 for an opaque redirect). */
  status: number;
  /** The response's reason phrase, already redacted; the message's text when the body gives none. @default none */
  statusText?: string;
  /** The service's request id (`x-ms-request-id`, Batch `request-id`), already redacted. @default none */
  requestId?: string;
  /** The client request id the service echoed (`x-ms-client-request-id`, Batch `client-request-id`). @default none */
  clientRequestId?: string;
  /** The parsed JSON body, or its text when it is not JSON; already redacted. @default none */
  body?: unknown;
  /** The buffered response (kept non-enumerable on the error). @default none */
  response?: Response;
}

/** A final non-2xx response (after retries). Message: `METHOD url: status code: service message`. */
export class ApiError extends FieldsError {
  /** Always `'ApiError'`; {@link isApiError} checks it, so the guard works across two copies of the package. */
  declare readonly name: 'ApiError';
  /** The final response's HTTP status (after the retries), e.g. 409; also {@link ApiError.statusCode}. */
  declare readonly status: number;
  /** The status (or Batch's `CertificateRetired` code) as one word to branch on; see {@link ApiErrorKind}. */
  declare readonly kind: ApiErrorKind;
  /**
   * The service's error code as sent (`error.code` of an ARM CloudError, `code` of a Batch or Cloud
   * Partner body, else the `x-ms-error-code` header), e.g. `OperationNotAllowed`; undefined when none.
   */
  declare readonly code: string | undefined;
  /** The service error's `target` (the parameter or resource at fault), when it names one. */
  declare readonly target: string | undefined;
  /** The service error's `details` (ARM) or `values` (Batch) array, as sent; empty when there are none. */
  declare readonly details: readonly unknown[];
  /** The service's id for the request (`x-ms-request-id`, Batch `request-id`): quote it to Azure support. */
  declare readonly requestId: string | undefined;
  /** The client request id echoed by the service (`x-ms-client-request-id`, Batch `client-request-id`). */
  declare readonly clientRequestId: string | undefined;
  /** The request's HTTP method, e.g. `POST`. */
  declare readonly method: string;
  /** The request URL with secret-like query values redacted. */
  declare readonly url: string;
  /** The parsed JSON body, or its text when it is not JSON (secrets redacted). */
  declare readonly body: unknown;
  /**
   * The (buffered) response, for headers such as Retry-After. Not enumerable, so it stays out of
   * logs, `inspect` and `JSON.stringify`; its body is the raw one (unlike `body`, not redacted).
   */
  declare readonly response: Response | undefined;

  constructor(init: ApiErrorInit) {
    // The field keeps the service's code as sent; the message is printed, so it gets it escaped.
    const code = init.code ? ` ${escapeControl(init.code)}` : '';
    const text = init.message ?? (init.statusText || undefined);
    const { status, code: serviceCode, target, requestId, clientRequestId, method, url, body } = init;
    super(`${method} ${url}: ${status}${code}${text ? `: ${text}` : ''}`, {
      name: 'ApiError', status, kind: kindOf(status, serviceCode), code: serviceCode, target, details: init.details ?? [], requestId, clientRequestId, method, url, body,
    });
    Object.defineProperty(this, 'response', { value: init.response, enumerable: false });
  }

  /** The HTTP status, under the name `RestError` from `@azure/core-rest-pipeline` uses, for code written for it. */
  get statusCode(): number {
    return this.status;
  }

  /** Everything but the response object: no header can carry a secret into a serialized error. */
  toJSON(): Record<string, unknown> {
    return errorJson(this);
  }
}
