import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './types.js';

/** Decodes one path segment; a malformed escape is kept as sent rather than failing the request. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** True when `name` starts with `prefix`, ignoring case (every outcome convention is case-insensitive). */
export function startsWith(name: string, prefix: string): boolean {
  return name.toLowerCase().startsWith(prefix);
}

/** A whole-seconds `Retry-After` header. */
export function retryAfter(seconds: number): Record<string, string> {
  return { 'Retry-After': String(seconds) };
}

/** `bearer` only when the header is `Bearer <something>`; the token's value is never looked at. */
export function hasBearerToken(headers: IncomingHttpHeaders): boolean {
  return /^Bearer\s+\S/i.test(headers.authorization ?? '');
}

/** ARM's CloudError. */
export function cloudError(status: number, code: string, message: string, headers: Record<string, string> = {}): Reply {
  return { status, headers, json: { error: { code, message } } };
}

/** 401 as ARM sends it: a CloudError and a `WWW-Authenticate: Bearer` challenge. */
export function armUnauthorized(headers: Record<string, string> = {}): Reply {
  return cloudError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing or is not a bearer token.", {
    ...headers,
    'WWW-Authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token"',
  });
}
