import { base64ToBytes } from '../base64.js';
import { computeSharedKeySignature, importAccountKey, type HmacKey } from './signature.js';
import { stringToSign } from './string-to-sign.js';

/** Methods for which fetch sends `Content-Length: 0` even without a body (and so they are signed with `0`). */
const ZERO_LENGTH_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** The request the pipeline hands to {@link SharedKeyCredential.sign}. */
export interface SignableRequest {
  /** The HTTP method, any case (signed upper-case). */
  readonly method: string;
  /** The absolute request URL as it will be sent (its path and query are signed). */
  readonly url: string;
  /** The request headers; `sign` sets `ocp-date` (when absent) and `authorization` on them. */
  readonly headers: Headers;
  /** The request body, whose length is signed as `Content-Length`. @default none (length 0 for POST/PUT/PATCH, empty otherwise) */
  readonly body?: ArrayBuffer | Uint8Array | undefined;
}

/** The account key of each credential, for the redactor of the pipeline that uses it (never a process-wide list). */
const accountKeys = new WeakMap<object, string>();

/** The account key behind `credential`, if it is a {@link SharedKeyCredential} of this copy of the package. */
export function accountKeyOf(credential: object): string | undefined {
  return accountKeys.get(credential);
}

/**
 * Azure Batch Shared Key: signs each request with the account key (HMAC-SHA256 over WebCrypto), as
 * "Authenticate requests to the Azure Batch service" (learn.microsoft.com/rest/api/batchservice)
 * describes the string to sign.
 */
export class SharedKeyCredential {
  /** The Batch account name, sent in `Authorization: SharedKey <accountName>:<signature>`. */
  readonly accountName: string;
  readonly #accountKey: string;
  #key: Promise<HmacKey> | undefined;

  /**
   * @param accountName - the Batch account name (no whitespace, no `:`).
   * @param accountKey - the base64 account key as the Azure portal shows it; it is never logged nor put in an error message.
   * @throws TypeError when `accountName` or `accountKey` is not a non-empty string.
   * @throws RangeError when `accountName` holds whitespace or `:`, or `accountKey` is not base64.
   */
  constructor(accountName: string, accountKey: string) {
    if (typeof accountName !== 'string' || !accountName) throw new TypeError('accountName must be a non-empty string');
    if (/[\s:]/.test(accountName)) throw new RangeError(`accountName must not contain whitespace or ':'; got ${JSON.stringify(accountName)}`);
    if (typeof accountKey !== 'string' || !accountKey) throw new TypeError('accountKey must be a non-empty base64 string');
    try {
      if (!/^[A-Za-z0-9+/_-]+=*$/.test(accountKey) || base64ToBytes(accountKey).length === 0) throw new Error();
    } catch {
      throw new RangeError('accountKey must be base64 (the key as the Azure portal shows it)');
    }
    this.accountName = accountName;
    this.#accountKey = accountKey;
    accountKeys.set(this, accountKey);
  }

  /** Sets `ocp-date` when absent, then `Authorization: SharedKey <account>:<signature>`. */
  async sign(request: SignableRequest): Promise<void> {
    if (!request.headers.has('ocp-date')) request.headers.set('ocp-date', new Date().toUTCString());
    const signed = new Headers(request.headers);
    const length = request.body?.byteLength ?? 0;
    if (length > 0) signed.set('content-length', String(length));
    else if (ZERO_LENGTH_METHODS.has(request.method.toUpperCase())) signed.set('content-length', '0');
    else signed.delete('content-length');
    this.#key ??= importAccountKey(this.#accountKey);
    const signature = await computeSharedKeySignature(await this.#key, stringToSign({ ...request, headers: signed }, this.accountName));
    request.headers.set('authorization', `SharedKey ${this.accountName}:${signature}`);
  }

  /** Only the account name: the key stays out of `JSON.stringify`. */
  toJSON(): { accountName: string } {
    return { accountName: this.accountName };
  }
}
