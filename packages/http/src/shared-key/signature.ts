import { base64ToBytes, bytesToBase64 } from '../base64.js';
import { stringToSign, type SharedKeyRequest } from './string-to-sign.js';

const HMAC_SHA256 = { name: 'HMAC', hash: 'SHA-256' } as const;

/** Imports a base64 account key as a WebCrypto HMAC-SHA256 key (never extractable). */
/**
 * A WebCrypto HMAC key. Spelled through `crypto.subtle` rather than the DOM's global `CryptoKey`,
 * so Node-only consumers (no DOM lib) can compile against these declarations.
 */
export type HmacKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

export function importAccountKey(accountKey: string): Promise<HmacKey> {
  return crypto.subtle.importKey('raw', base64ToBytes(accountKey), HMAC_SHA256, false, ['sign', 'verify']);
}

/** Base64 HMAC-SHA256 of `text` under the account key (base64 string or an imported key). */
export async function computeSharedKeySignature(accountKey: string | HmacKey, text: string): Promise<string> {
  const key = typeof accountKey === 'string' ? await importAccountKey(accountKey) : accountKey;
  return bytesToBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text))));
}

/**
 * Checks a received request's `Authorization: SharedKey <account>:<signature>` against the account key
 * (constant-time, through WebCrypto `verify`). For servers and emulators; headers as received.
 */
export async function verifySharedKey(request: SharedKeyRequest, accountName: string, accountKey: string): Promise<boolean> {
  const headers = request.headers instanceof Headers ? request.headers : new Headers(
    Object.entries(request.headers).flatMap(([k, v]): [string, string][] =>
      v === undefined ? [] : Array.isArray(v) ? v.map((x): [string, string] => [k, String(x)]) : [[k, String(v)]]),
  );
  const match = /^SharedKey ([^:\s]+):(\S+)$/.exec(headers.get('authorization') ?? '');
  if (!match || match[1] !== accountName) return false;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = base64ToBytes(match[2]!);
  } catch {
    return false;
  }
  const key = await importAccountKey(accountKey);
  const text = new TextEncoder().encode(stringToSign({ ...request, headers }, accountName));
  return crypto.subtle.verify('HMAC', key, signature, text);
}
