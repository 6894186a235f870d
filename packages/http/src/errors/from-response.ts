import { redactText } from '../logging/redact.js';
import { getRequestIds } from '../request-ids.js';
import { ApiError } from './api-error.js';
import { readServiceError } from './service-error.js';

/** A gateway's HTML error page can be many KB: the message keeps the start, `body` keeps it all. */
const MAX_MESSAGE_LENGTH = 500;

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function shorten(message: string | undefined): string | undefined {
  return message && message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}...` : message;
}

/** Builds the {@link ApiError} for a final non-2xx response; the body is redacted before it is parsed. */
export async function apiErrorFromResponse(method: string, url: string, response: Response, redact: (text: string) => string = redactText): Promise<ApiError> {
  const text = response.type === 'opaqueredirect' ? '' : redact(await response.clone().text());
  const body = parseBody(text);
  const service = readServiceError(body);
  const { requestId, clientRequestId } = getRequestIds(response);
  return new ApiError({
    ...service,
    code: service.code ?? response.headers.get('x-ms-error-code') ?? undefined,
    message: response.status === 0 ? 'redirect refused (redirects are never followed)' : shorten(service.message),
    method,
    url: redact(url),
    status: response.status,
    statusText: response.statusText,
    requestId,
    clientRequestId,
    body,
    response,
  });
}
