import type { PipelinePolicy } from '../pipeline-request.js';
import type { SignableRequest } from '../shared-key/credential.js';

/** Anything that signs a request in place, like {@link SharedKeyCredential}. */
export interface RequestSigner {
  sign(request: SignableRequest): Promise<void>;
}

/** Signs every attempt afresh (a new `ocp-date` unless the caller fixed one), right before it is sent. */
export function sharedKeyPolicy(signer: RequestSigner): PipelinePolicy {
  return async (request, next) => {
    await signer.sign(request);
    return next(request);
  };
}
