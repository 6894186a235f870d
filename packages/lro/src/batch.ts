/**
 * `@azlro/lro/batch`: the Batch certificate cancel deletion alone (the root's names a Batch-only
 * program needs; it loads the same code as the root, see `@azlro/lro/containerservice`).
 * It is synchronous on the service, so there is no poller here.
 */
export {
  cancelCertificateDeletion,
  type CancelCertificateDeletionOptions,
  type CancelCertificateDeletionResult,
} from './operations/cancel-certificate-deletion.js';
