import type * as cloudpartner from '@azlro/cloudpartner';
import type { CancelOperationParams, CloudPartnerClient, PartnerOperation } from '@azlro/cloudpartner';
import { carriedOperations } from '../../check-client.js';
import type { OperationDescriptor } from '../../operation.js';
import { partnerCancellation, readPartnerInitial } from '../../strategies/partner-operation.js';

const KIND = 'cloudpartner.cancelOperation';

/** Cloud Partner Portal - Cancel Operation: POST …/cancel, then its relative `Location`. */
export const cancelOffer = {
  kind: KIND,
  service: 'cloudpartner',
  strategy: partnerCancellation,
  start(client, [params], request) {
    const { cancelOperation } = carriedOperations<Pick<typeof cloudpartner, 'cancelOperation'>>(client, 'createCloudPartnerClient');
    const sent = cancelOperation(client, params, { ...request, rawBody: true });
    return async (context) => readPartnerInitial((await sent).response, context, KIND);
  },
} as const satisfies OperationDescriptor<CloudPartnerClient, [CancelOperationParams], PartnerOperation | undefined>;
