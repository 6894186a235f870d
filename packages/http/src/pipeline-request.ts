import type { PipelineCall } from './client-runtime/call.js';
import { THROTTLING_TO_CALLER_HEADER } from './throttling-to-caller.js';

/** One logical call as it travels through the policies; the body is buffered so any attempt can resend it. */
export interface PipelineRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: ArrayBuffer | undefined;
  /** The caller's signal (from the Request or the call; a signal that never aborts when the call had none). */
  readonly abortSignal: AbortSignal;
  /** 1 for the first try, 2 for the first retry, ... */
  readonly attempt: number;
  /** The caller handles a 429/503 with a server delay itself (see {@link THROTTLING_TO_CALLER_HEADER}). */
  readonly throttlingToCaller: boolean;
  /** Shared by every attempt of this call. */
  readonly state: { claimsChallengeAnswered: boolean };
  /** The operation may be sent again after any transient failure, like a GET (see {@link markResendable}). */
  readonly resendable: boolean;
}

/** Carries {@link markResendable} from an operation wrapper to the retry policy; removed before sending. */
const RESENDABLE_HEADER = 'x-azlro-resendable';

/**
 * Marks a non-idempotent operation as safe to resend after a 500/502/504, a reset or a timed-out
 * attempt, as the Azure SDK pipelines resend any method: for operations where a repeated request
 * answers the same operation, or says there is nothing left to do (AKS Abort Latest Operation:
 * 202 for the same abort, or 409/204). The mark is an internal header the pipeline strips before
 * anything is sent.
 *
 * @param headers - the caller's extra headers. @default none
 * @returns a copy of `headers` with the mark.
 */
export function markResendable(headers?: Readonly<Record<string, string>>): Record<string, string> {
  return { ...headers, [RESENDABLE_HEADER]: 'true' };
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
  // A copy: the policies set headers that must not show up on the caller's Request.
  const headers = new Headers(request.headers);
  const body = request.body ? await request.arrayBuffer() : undefined;
  return fromCall({ url: request.url, method: request.method.toUpperCase(), headers, body, abortSignal: request.signal });
}

/** Stands in for a call made without a signal; nothing ever aborts it. Made on first use. */
let neverAborted: AbortSignal | undefined;

/** The stand-in signal of a call made without one (one per process; senders skip listening to it). */
export function neverAbortedSignal(): AbortSignal {
  return (neverAborted ??= new AbortController().signal);
}

/** True for the stand-in signal of a call made without one: listening to it is pointless. */
export function isNeverAborted(signal: AbortSignal): boolean {
  return signal === neverAborted;
}

/**
 * Reads a call of the client runtime (or a fetch-style call read by {@link toPipelineRequest}) into
 * a {@link PipelineRequest}: its headers are the call's own (no copy); the internal marks are read
 * and removed from them.
 */
export function fromCall(call: PipelineCall): PipelineRequest {
  const { headers } = call;
  const throttlingToCaller = headers.has(THROTTLING_TO_CALLER_HEADER);
  if (throttlingToCaller) headers.delete(THROTTLING_TO_CALLER_HEADER);
  const resendable = headers.get(RESENDABLE_HEADER) === 'true';
  if (headers.has(RESENDABLE_HEADER)) headers.delete(RESENDABLE_HEADER);
  return {
    url: call.url,
    method: call.method,
    headers,
    resendable,
    body: call.body,
    abortSignal: call.abortSignal ?? neverAbortedSignal(),
    throttlingToCaller,
    attempt: 1,
    state: { claimsChallengeAnswered: false },
  };
}

/**
 * The request for one attempt. With `isolate`, a copy with fresh headers, so nothing an attempt
 * sets leaks into the next (Shared Key: an `ocp-date` set by one attempt would pass for the
 * caller's own in the next). Without it, the first attempt uses the request as it is and later ones
 * copy its headers: for per-attempt policies that only overwrite what they set (bearer token,
 * logging), the headers each attempt sends are the same.
 */
export function forAttempt(request: PipelineRequest, attempt: number, isolate = true): PipelineRequest {
  if (!isolate && attempt === 1) return request;
  return { ...request, headers: new Headers(request.headers), attempt };
}
