/**
 * `@azlro/lro/batch`: the Batch certificate cancel deletion alone, without loading
 * `@azlro/containerservice` and `@azlro/cloudpartner` (see `@azlro/lro/containerservice` for why).
 * It is synchronous on the service, so there is no poller here.
 */
export {
  cancelCertificateDeletion,
  type CancelCertificateDeletionOptions,
  type CancelCertificateDeletionResult,
} from './operations/cancel-certificate-deletion.js';
