import { escapeControl } from '../escape.js';
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

/** Words kept from an HTML page's text. */
const HTML_WORDS = 12;

/**
 * A gateway's or web server's HTML page says little in many bytes: its title and first words.
 * Control characters are escaped, so a page cannot drive the terminal that prints the message.
 */
export function summarizeHtml(html: string): string | undefined {
  if (!/^\s*(<!doctype html|<html|<head|<body|<title|<h1)/i.test(html)) return undefined;
  const strip = (text: string) => text.replace(/<[^>]*>/g, ' ').replace(/&nbsp;|&#160;/g, ' ').replace(/\s+/g, ' ').trim();
  const title = strip(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '');
  const body = strip(html.replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, ' '));
  const words = body.split(' ').filter(Boolean);
  const text = words.slice(0, HTML_WORDS).join(' ') + (words.length > HTML_WORDS ? ' …' : '');
  const summary = title && !text.startsWith(title) ? `HTML page "${title}": ${text}` : `HTML page: ${text}`;
  return escapeControl(summary.slice(0, MAX_MESSAGE_LENGTH));
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
  // Header values and the reason phrase reach the message and toJSON as well: redacted like the body.
  const redactOptional = (text: string | null | undefined) => (text ? redact(text) : undefined);
  return new ApiError({
    ...service,
    code: service.code ?? redactOptional(response.headers.get('x-ms-error-code')),
    message: response.status === 0 || (response.status >= 300 && response.status < 400)
      ? redirectMessage(url, response)
      : (typeof body === 'string' ? summarizeHtml(body) : undefined) ?? escapeOrUndefined(shorten(service.message)),
    method,
    url: redact(url),
    status: response.status,
    statusText: redactOptional(response.statusText),
    requestId: redactOptional(requestId),
    clientRequestId: redactOptional(clientRequestId),
    body,
    response,
  });
}

function escapeOrUndefined(text: string | undefined): string | undefined {
  return text === undefined ? undefined : escapeControl(text);
}

/** Where a refused redirect pointed: the origin only, never a path or query that could carry a token. */
function redirectMessage(url: string, response: Response): string {
  const location = response.headers.get('location');
  const target = location && URL.canParse(location, url) ? new URL(location, url).origin : undefined;
  return `redirect${target ? ` to ${target}` : ''} refused (redirects are never followed, so a credential cannot leave its origin)`;
}
