import * as cloudpartner from '@azlro/cloudpartner';
import type { CancelOperationParams, CloudPartnerClient, PartnerOperation } from '@azlro/cloudpartner';
import { checkClient } from '../check-client.js';
import { resolvePollerOptions } from '../check-options.js';
import { LroPoller } from '../lro-poller.js';
import type { PollerOptions } from '../options.js';
import type { Poller } from '../poller.js';
import { partnerCancellation, readPartnerInitial } from '../strategies/partner-operation.js';

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
  checkClient(client, 'cloudpartner', 'createCloudPartnerClient');
  const resolved = resolvePollerOptions(options, client.endpoint);
  const sent = cloudpartner.cancelOperation(client, params, { abortSignal: resolved.abortSignal, headers: resolved.headers, rawBody: true });
  return new LroPoller(client, partnerCancellation, resolved, {
    initial: async (context) => readPartnerInitial((await sent).response, context),
  });
}
