import type { PipelinePolicy } from '../pipeline-request.js';

/** Options of {@link requestIdPolicy}. */
export interface RequestIdPolicyOptions {
  /** Header carrying the per-call id. @default 'x-ms-client-request-id' */
  headerName: string;
  /** Batch: ask the service to echo the id back (`return-client-request-id: true`). @default false */
  returnClientRequestId: boolean;
}

/** One UUID per logical call, set before the retry loop so every retry reuses it; a caller's id is kept. */
export function requestIdPolicy(options: RequestIdPolicyOptions): PipelinePolicy {
  return (request, next) => {
    if (!request.headers.has(options.headerName)) request.headers.set(options.headerName, crypto.randomUUID());
    if (options.returnClientRequestId) request.headers.set('return-client-request-id', 'true');
    return next(request);
  };
}
