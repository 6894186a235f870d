export { createCloudPartnerClient, DEFAULT_ENDPOINT, DEFAULT_SCOPE } from './client.js';
export type { CloudPartnerClient, CloudPartnerClientOptions } from './client.js';
export { cancelOperation } from './operations.js';
export type { CancelOperationParams, OfferParams } from './operations.js';
export type {
  CancelOperationRequest,
  PartnerError,
  PartnerOperation,
  PartnerOperationList,
  PartnerOperationStep,
} from './generated/types.gen.js';
export type { Client } from '@azlro/http/internal';
export { PACKAGE_VERSION } from './version.js';
