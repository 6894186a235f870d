import { decodeOrKeep } from '../escape.js';

/** What every secret is replaced with in logs, error messages and serialized errors. */
export const REDACTED = 'REDACTED';

/** Query parameter names whose values are secrets (SAS `sig`, OAuth `code`, `token`, `key`, ...). */
const SECRET_QUERY_NAME = /sig|token|key|secret|password|code|credential|auth/i;
/**
 * A JWT, as Microsoft Entra access tokens are: `eyJ` (a base64url JSON header), then two more
 * base64url parts. Ordinary text never looks like this, so it is redacted wherever it shows up.
 */
const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;

/**
 * Redacts by structure, with no state: `Bearer`/`SharedKey`/`Basic` credentials, JWTs,
 * secret-like query values (`sig=`, `token=`, ...), URL user-info and JSON secret fields. Ordinary
 * words are never touched. Idempotent, so applying it twice is harmless.
 */
export function redactText(text: string): string {
  return text
    .replace(/\b(Bearer|SharedKey|Basic)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(/([?&]([^=&#\s"']+)=)([^&#\s"']*)/g, (match, prefix: string, name: string) =>
      SECRET_QUERY_NAME.test(decodeOrKeep(name)) ? `${prefix}${REDACTED}` : match,
    )
    // URL user-info: the authority ends at / ? or #, and its user-info at its last @ (a password may hold one unencoded).
    .replace(/(\/\/)[^/?#\s"']+@/g, `$1${REDACTED}@`)
    .replace(/("(?:access_?token|refresh_?token|account_?key|client_?secret|password)"\s*:\s*")[^"]*"/gi, `$1${REDACTED}"`);
}

/**
 * Shorter known values are left to the structural rules: a short "token" (`emulator`, `any`) is an
 * ordinary word, and blanking it would corrupt output (`azlro emulator` → `azlro REDACTED`). Real
 * tokens are hundreds of characters and Batch keys 88.
 */
export const MIN_KNOWN_SECRET_LENGTH = 16;
/** Tokens a pipeline keeps for redaction: the current one and a few it replaced, which may still be in flight. */
const MAX_KNOWN_SECRETS = 4;

/** {@link redactText} plus the secret values one pipeline has handled. */
export interface Redactor {
  (text: string): string;
  /** Remembers a value this pipeline sent (a token), so it is redacted even where no structure gives it away. */
  remember(secret: string): void;
}

/**
 * A redactor for one pipeline: its own tokens, nothing from any other pipeline or process-wide
 * list, and no value shorter than {@link MIN_KNOWN_SECRET_LENGTH}.
 */
export function createRedactor(): Redactor {
  const known: string[] = [];
  const redact = ((text: string) => {
    let out = text;
    for (const secret of known) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return redactText(out);
  }) as Redactor;
  redact.remember = (secret) => {
    if (secret.length < MIN_KNOWN_SECRET_LENGTH || known.includes(secret)) return;
    known.push(secret);
    if (known.length > MAX_KNOWN_SECRETS) known.shift();
  };
  return redact;
}
