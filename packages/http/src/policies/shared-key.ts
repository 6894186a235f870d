import type { Clock } from '../clock.js';
import type { PipelinePolicy } from '../pipeline-request.js';
import type { SignableRequest } from '../shared-key/credential.js';

/** Anything that signs a request in place, like {@link SharedKeyCredential}. */
export interface RequestSigner {
  sign(request: SignableRequest): Promise<void>;
}

/**
 * Signs every attempt afresh, right before it is sent: a new `ocp-date` (RFC 9110 HTTP-date, read
 * from the pipeline's `clock`) unless the caller fixed one, then the signature over it.
 */
export function sharedKeyPolicy(signer: RequestSigner, clock: Clock): PipelinePolicy {
  return async (request, next) => {
    if (!request.headers.has('ocp-date')) request.headers.set('ocp-date', new Date(clock.epochNow()).toUTCString());
    await signer.sign(request);
    return next(request);
  };
}
