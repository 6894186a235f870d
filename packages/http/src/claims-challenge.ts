import { base64ToBytes } from './base64.js';

/** A new `scheme param=` starts after a comma; used to cut the Bearer challenge off the next one. */
const NEXT_CHALLENGE = /,\s*[A-Za-z][\w-]*\s+[\w-]+=/;

/**
 * Reads the CAE claims of a `WWW-Authenticate: Bearer ..., claims="<base64 JSON>"` challenge
 * (ARM style) and returns the decoded JSON text; undefined when there is none or it is not valid.
 */
export function parseClaimsChallenge(header: string | null): string | undefined {
  if (!header) return undefined;
  const start = header.search(/(^|[\s,])Bearer\s/i);
  if (start < 0) return undefined;
  let bearer = header.slice(start).replace(/^[\s,]*Bearer\s+/i, '');
  const next = bearer.search(NEXT_CHALLENGE);
  if (next >= 0) bearer = bearer.slice(0, next);
  const encoded = /(?:^|[\s,])claims="([^"]*)"/i.exec(bearer)?.[1];
  if (!encoded) return undefined;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(encoded));
    JSON.parse(text);
    return text;
  } catch {
    return undefined;
  }
}
