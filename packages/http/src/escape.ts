/**
 * Control characters (C0, DEL, C1, and the Unicode line/paragraph separators) as visible escapes
 * (`\\x1b`, `\\u2028`), for text from a service, a user or Node that ends up in a message: an
 * `ESC ] 0 ;` sequence printed raw would retitle or drive the terminal, a newline would forge a line.
 */
export function escapeControl(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

/**
 * `text` percent-decoded (`decodeURIComponent`), or unchanged when it holds a malformed escape
 * (`%E0%A4%A`, `%zz`): `new URL` lets those through, and a URL azlro accepted must never make it
 * throw a bare URIError later (in a log line, a throttling scope, an operation id).
 */
export function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
