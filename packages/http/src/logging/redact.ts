/** What every secret is replaced with in logs, error messages and serialized errors. */
export const REDACTED = 'REDACTED';

/** Query parameter names whose values are secrets (SAS `sig`, OAuth `code`, `token`, `key`, ...). */
const SECRET_QUERY_NAME = /sig|token|key|secret|password|code|credential|auth/i;
/** Long-lived secrets seen by this process (tokens, account keys); bounded so it cannot grow forever. */
const MAX_KNOWN_SECRETS = 64;
/** Shorter strings would redact ordinary words; real tokens and keys are far longer. */
const MIN_SECRET_LENGTH = 8;
const knownSecrets: string[] = [];

/** Remembers a secret value so that {@link redactText} removes it wherever it shows up. */
export function registerSecret(value: string): void {
  if (value.length < MIN_SECRET_LENGTH || knownSecrets.includes(value)) return;
  knownSecrets.push(value);
  if (knownSecrets.length > MAX_KNOWN_SECRETS) knownSecrets.shift();
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * The one place that redacts: known secrets, `Bearer`/`SharedKey`/`Basic` credentials, secret-like
 * query values, URL user-info and JSON secret fields. Idempotent, so applying it twice is harmless.
 */
export function redactText(text: string): string {
  let out = text;
  for (const secret of knownSecrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out
    .replace(/\b(Bearer|SharedKey|Basic)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`)
    .replace(/([?&]([^=&#\s"']+)=)([^&#\s"']*)/g, (match, prefix: string, name: string) =>
      SECRET_QUERY_NAME.test(decodeName(name)) ? `${prefix}${REDACTED}` : match,
    )
    .replace(/(\/\/)[^/@\s"']+@/g, `$1${REDACTED}@`)
    .replace(/("(?:access_?token|refresh_?token|account_?key|client_?secret|password)"\s*:\s*")[^"]*"/gi, `$1${REDACTED}"`);
}
