import type { CancelOperationParams, CloudPartnerClient, PartnerOperation } from '@azlro/cloudpartner';
import { startOperation } from '../../operation.js';
import type { PollerOptions } from '../../options.js';
import type { Poller } from '../../poller.js';
import { cancelOffer } from './descriptor.js';

/** Options for {@link cancelOfferOperation}. */
export interface CancelOfferOperationOptions extends PollerOptions {}

/**
 * Cancels the operation in progress on a Cloud Partner Portal offer and follows the cancellation:
 * a 200 is done at once (resolves with `undefined`); a 202 is polled at its relative `Location`
 * until the operation's `status` says `completed` or `canceled` (resolves with the
 * `PartnerOperation`) or `failed` (rejects with `OperationFailedError`).
 */
export function cancelOfferOperation(
  client: CloudPartnerClient,
  params: CancelOperationParams,
  options?: CancelOfferOperationOptions,
): Poller<PartnerOperation | undefined> {
  return startOperation(cancelOffer, client, [params], options);
}
