import type * as batch from '@azlro/batch';
import type { BatchClient, CertificateParams } from '@azlro/batch';
import { getRequestIds, type RequestIds } from '@azlro/http/internal';
import { carriedOperations, checkClient } from '../check-client.js';

/** Options for {@link cancelCertificateDeletion}. */
export interface CancelCertificateDeletionOptions extends batch.CancelCertificateDeletionOptions {}

/** The outcome of {@link cancelCertificateDeletion}: the service's 204 and its request ids. */
export interface CancelCertificateDeletionResult {
  /** 204 No Content: the certificate is back to `active`. */
  status: 204;
  /** `request-id` and the echoed `client-request-id`, for support requests. */
  requestIds: RequestIds;
}

/**
 * Cancels a failed deletion of a Batch certificate. Synchronous on the service (204), so there is
 * nothing to poll. Bad parameters throw here, before sending.
 *
 * @deprecated Like the API: the Batch certificate feature was retired on 2024-02-29 and the service
 * now answers 400 `CertificateRetired` (an `ApiError` of kind `certificateRetired`). Use the Azure
 * Key Vault VM extension instead.
 */
export function cancelCertificateDeletion(
  client: BatchClient,
  params: CertificateParams,
  options?: CancelCertificateDeletionOptions,
): Promise<CancelCertificateDeletionResult> {
  checkClient(client, 'batch', 'createBatchClient');
  const { sendCancelCertificateDeletion } = carriedOperations<Pick<typeof batch, 'sendCancelCertificateDeletion'>>(client, 'createBatchClient');
  const sent = sendCancelCertificateDeletion(client, params, options);
  return sent.then(({ response }) => ({ status: response.status as 204, requestIds: getRequestIds(response) }));
}
