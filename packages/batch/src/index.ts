export { createBatchClient, DEFAULT_SCOPE } from './client.js';
export type { BatchClient, BatchClientOptions } from './client.js';
export { sendCancelCertificateDeletion } from './operations.js';
export type { CancelCertificateDeletionOptions, CertificateParams } from './operations.js';
export type { BatchError, BatchErrorDetail, ErrorMessage } from './generated/types.gen.js';
export type { Client } from '@azlro/http/internal';
export { PACKAGE_VERSION } from './version.js';
