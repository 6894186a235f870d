export { createCloudPartnerClient, DEFAULT_ENDPOINT, DEFAULT_SCOPE } from './client.js';
export type { CloudPartnerClient, CloudPartnerClientOptions } from './client.js';
export { cancelOperation, getLegacyOperation, getOperation } from './operations.js';
export type { CancelOperationParams, OfferOperationParams, OfferParams } from './operations.js';
export type {
  CancelOperationRequest,
  PartnerError,
  PartnerOperation,
  PartnerOperationList,
  PartnerOperationStep,
} from './generated/types.gen.js';
export type { Client } from './generated/client/index.js';
export { PACKAGE_VERSION } from './version.js';
