import { assertPathSegment } from './assert.js';

/**
 * Characters encodeURIComponent leaves as they are but that delimit inside a segment:
 * `(` `)` `,`-style OData keys (`certificates(thumbprint=...)`), `'` OData string quotes, `!` `*`.
 */
const RESERVED_LEFT_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;

/**
 * Percent-encodes `value` as exactly one path segment that decodes back to `value`; checks it first
 * with {@link assertPathSegment} (so `.`/`..`/empty throw a RangeError naming `name`).
 */
export function encodePathSegment(value: string, name = 'value'): string {
  assertPathSegment(name, value);
  return encodeURIComponent(value).replace(
    RESERVED_LEFT_BY_ENCODE_URI_COMPONENT,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
