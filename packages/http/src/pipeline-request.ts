/** One logical call as it travels through the policies; the body is buffered so any attempt can resend it. */
export interface PipelineRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: ArrayBuffer | undefined;
  /** The caller's signal (from the Request). */
  readonly abortSignal: AbortSignal;
  /** 1 for the first try, 2 for the first retry, ... */
  readonly attempt: number;
  /** Shared by every attempt of this call. */
  readonly state: { claimsChallengeAnswered: boolean };
}

export type SendRequest = (request: PipelineRequest) => Promise<Response>;

/** One concern of the pipeline: look at or change the request, call `next`, look at the response. */
export type PipelinePolicy = (request: PipelineRequest, next: SendRequest) => Promise<Response>;

/** Chains policies, outermost first, in front of the transport. */
export function composePolicies(policies: readonly PipelinePolicy[], transport: SendRequest): SendRequest {
  return policies.reduceRight<SendRequest>((next, policy) => (request) => policy(request, next), transport);
}

/**
 * Reads a fetch-style call into a {@link PipelineRequest}, buffering the body once. A generated
 * client hands over a finished Request: it is read as it is, since copying it into another Request
 * would only cost a second parse and a signal that follows the first. A used or locked body still
 * goes through the constructor, so it fails with the same TypeError as before.
 */
export async function toPipelineRequest(input: string | URL | Request, init?: RequestInit): Promise<PipelineRequest> {
  const request = init === undefined && input instanceof Request && !input.bodyUsed && !input.body?.locked ? input : new Request(input, init);
  return {
    url: request.url,
    method: request.method.toUpperCase(),
    // A copy: the policies set headers that must not show up on the caller's Request.
    headers: new Headers(request.headers),
    body: request.body ? await request.arrayBuffer() : undefined,
    abortSignal: request.signal,
    attempt: 1,
    state: { claimsChallengeAnswered: false },
  };
}

/** A copy for one attempt: fresh headers, so nothing an attempt sets leaks into the next. */
export function forAttempt(request: PipelineRequest, attempt: number): PipelineRequest {
  return { ...request, headers: new Headers(request.headers), attempt };
}
