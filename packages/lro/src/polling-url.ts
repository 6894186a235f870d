import { redactText } from '@azlro/http/internal';
import { PollingOriginError } from './errors/polling-origin-error.js';

/**
 * Resolves a polling URL (absolute, or relative like Cloud Partner's `Location`) against the
 * endpoint and throws a {@link PollingOriginError} unless its origin may be polled. Nothing has
 * been sent when it throws.
 */
export function followablePollingUrl(value: string, endpoint: string, allowedOrigins: readonly string[], source: string): string {
  let url: URL;
  try {
    url = new URL(value, `${endpoint}/`);
  } catch {
    throw new TypeError(`${source} is not a URL: ${JSON.stringify(redactText(value))}`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !allowedOrigins.includes(url.origin)) {
    throw new PollingOriginError(url.protocol.startsWith('http') ? url.origin : url.protocol, allowedOrigins, source);
  }
  url.hash = '';
  return url.href;
}
