/**
 * What the user typed, made safe to echo in a message: C0/C1 control characters (ESC, BEL, CR…)
 * are shown escaped (`\x1b`), so an argument cannot move the cursor, retitle the terminal or fake
 * a line of output; URL user-info (`https://user:pass@host`) is replaced, so a password never lands
 * in a log.
 */
export function shown(value: string): string {
  return withoutUserinfo(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** `"value"`, escaped as {@link shown}. */
export function quoted(value: string): string {
  return `"${shown(value)}"`;
}

/** Replaces the user-info of anything URL-like (`scheme://user:pass@`) with `REDACTED@`. */
export function withoutUserinfo(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/gi, '$1REDACTED@');
}
