/** The ids Azure services put on responses, for support requests and log correlation. */
export interface RequestIds {
  /** The service's id for the request: `x-ms-request-id` (ARM) or `request-id` (Batch). */
  requestId?: string;
  /** `x-ms-correlation-request-id` (ARM). */
  correlationId?: string;
  /** The id the client sent, echoed back: `x-ms-client-request-id` or `client-request-id` (Batch). */
  clientRequestId?: string;
}

/** Reads the request ids from a response (or anything with its `headers`). */
export function getRequestIds(response: { readonly headers: Headers }): RequestIds {
  const get = (...names: string[]) => {
    for (const name of names) {
      const value = response.headers.get(name);
      if (value) return value;
    }
    return undefined;
  };
  const ids: RequestIds = {};
  const requestId = get('x-ms-request-id', 'request-id');
  const correlationId = get('x-ms-correlation-request-id');
  const clientRequestId = get('x-ms-client-request-id', 'client-request-id');
  if (requestId) ids.requestId = requestId;
  if (correlationId) ids.correlationId = correlationId;
  if (clientRequestId) ids.clientRequestId = clientRequestId;
  return ids;
}
