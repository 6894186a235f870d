import type { OperationOptions } from '@azlro/http';
import { assertParams, validateThumbprint, validateThumbprintAlgorithm } from '@azlro/http/internal';
import type { BatchClient } from './client.js';
import * as generated from './generated/sdk.gen.js';
import type { CancelCertificateDeletionData } from './generated/types.gen.js';

const API_VERSION = '2023-11-01.18.0' satisfies CancelCertificateDeletionData['query']['api-version'];

/**
 * "When the verb is POST, Content-Type and Content-Length values are required as request headers and
 * as values in the signature string. Content-Type must be set to application/json;odata=minimalmetadata"
 * (Batch "Authenticate requests"; the Cancel Deletion page lists the same media type).
 */
const POST_CONTENT_TYPE = 'application/json; odata=minimalmetadata';

/** Identifies a Batch certificate. */
export interface CertificateParams {
  /**
   * The algorithm used to derive the thumbprint; Batch only knows `sha1`.
   * @default 'sha1'
   */
  thumbprintAlgorithm?: 'sha1';
  /** The certificate's thumbprint: 40 hexadecimal digits. */
  thumbprint: string;
}

/** Options for {@link sendCancelCertificateDeletion}. */
export interface CancelCertificateDeletionOptions extends OperationOptions {
  /**
   * The longest the server may spend on the request, in seconds (the `timeout` query parameter).
   * @default the service's own, 30
   */
  serverTimeoutInSeconds?: number;
}

/**
 * Cancels a failed deletion of a certificate (`POST {batchUrl}/certificates(thumbprintAlgorithm={a},thumbprint={t})/canceldelete`,
 * api-version 2023-11-01.18.0; the "Certificate - Cancel Deletion" page), setting it back to `active`.
 * Sent with an empty body and `Content-Type: application/json; odata=minimalmetadata` (signed with
 * Shared Key), as the Batch authentication page requires of a POST; a `Content-Type` in
 * `options.headers` replaces it. Resolves on 204 with `{ data, request, response }`. A thumbprint that is not 40 hexadecimal
 * digits, an algorithm other than `sha1` or a bad `serverTimeoutInSeconds` throws a
 * TypeError/RangeError naming it before anything is sent; a non-2xx answer after the pipeline's
 * retries rejects with an `ApiError`.
 *
 * @deprecated Like the API: the Batch certificate feature was retired on 2024-02-29 and the service
 * now answers 400 `CertificateRetired` (an `ApiError` of kind `certificateRetired`). Use the Azure
 * Key Vault VM extension instead.
 */
export function sendCancelCertificateDeletion(client: BatchClient, params: CertificateParams, options: CancelCertificateDeletionOptions = {}) {
  assertParams(params);
  const thumbprintAlgorithm = params.thumbprintAlgorithm ?? 'sha1';
  validateThumbprintAlgorithm(thumbprintAlgorithm);
  validateThumbprint(params.thumbprint);
  const timeout = options.serverTimeoutInSeconds;
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 1 || timeout > 2_147_483_647)) {
    throw new RangeError(`serverTimeoutInSeconds must be a whole number of seconds from 1 to 2147483647, got ${String(timeout)}`);
  }
  return generated.cancelCertificateDeletion({
    client: client.client,
    path: { thumbprintAlgorithm, thumbprint: params.thumbprint },
    query: timeout === undefined ? { 'api-version': API_VERSION } : { 'api-version': API_VERSION, timeout },
    // An empty body, not none: the client runtime drops Content-Type from a request without a body.
    body: '' as never,
    headers: { 'content-type': POST_CONTENT_TYPE, ...options.headers },
    signal: options.abortSignal,
    throwOnError: true,
  });
}
