import type { ContainerServiceClient, OperationStatusResult } from '@azlro/containerservice';
import { readBodyStatus, readOperationError } from '../body-status.js';
import { getAsIs, UnparsedBody } from '../get-as-is.js';
import type { PollingTarget } from '../resume-token.js';
import { isTerminal } from '../status.js';
import type { Observation, RequestContext, Strategy } from '../strategy.js';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The two headers an ARM operation hands a polling URL out in: the header, and how messages name it. */
const HANDED_OUT = {
  asyncOperation: ['azure-asyncoperation', 'the Azure-AsyncOperation header'],
  location: ['location', 'the location header'],
} as const;

/** The polling target `response` hands out in the `via` header (checked by `context.follow`), if it has one. */
function handedOut(response: Response, context: RequestContext, via: keyof typeof HANDED_OUT): PollingTarget | undefined {
  const [header, source] = HANDED_OUT[via];
  const value = response.headers.get(header);
  return value ? { url: context.follow(value, source), via } : undefined;
}

/**
 * Reads an `Azure-AsyncOperation` status body: `{ status, percentComplete, startTime, endTime, error }`.
 * A body with no usable `status` is a protocol fault; a new `Azure-AsyncOperation` header on the
 * answer moves the polling there.
 */
function readStatusBody(data: unknown, response: Response, target: PollingTarget, context: RequestContext): Observation<void> {
  const reading = readBodyStatus(data, ['status']);
  const body = (reading.body ?? {}) as Partial<OperationStatusResult>;
  const failed = reading.status === 'failed' || reading.status === 'canceled';
  // A terminal answer is not polled again: a new header on it (even one that would be refused) changes nothing.
  const polling = isTerminal(reading.status) ? target : (handedOut(response, context, 'asyncOperation') ?? target);
  return {
    status: reading.status,
    serviceStatus: reading.serviceStatus,
    recognized: reading.recognized,
    fault: reading.fault,
    percentComplete: typeof body.percentComplete === 'number' ? body.percentComplete : undefined,
    startTime: text(body.startTime),
    endTime: text(body.endTime),
    error: failed ? readOperationError(body.error) : undefined,
    polling,
    response,
  };
}

/**
 * Reads a `location` answer that is not 202: the operation is done, and a body whose `status` (or
 * `properties.provisioningState`) is terminal decides how; one that names a running status keeps
 * it running; a body that says nothing (204, empty, `{}`, a resource without a status) means success.
 * A body that is not JSON (an HTML page from a proxy, text cut short) or is an ARM error envelope
 * with no status (`{"error": {...}}`) is no answer from the operation: a protocol fault, polled
 * again, and a `PollingProtocolError` carrying the resume token after too many, never a success.
 */
function readLocationDone(data: unknown, response: Response): Observation<void> {
  if (data instanceof UnparsedBody) return { status: 'running', fault: data.reason, response };
  const envelope = typeof data === 'object' && data !== null ? (data as { error?: unknown; status?: unknown }) : undefined;
  if (envelope?.error !== undefined && envelope.status === undefined && !('properties' in envelope)) {
    return { status: 'running', fault: `the body is an error envelope with no status: ${JSON.stringify(envelope.error).slice(0, 200)}`, response };
  }
  for (const path of [['status'], ['properties', 'provisioningState']]) {
    const reading = readBodyStatus(data, path);
    if (reading.serviceStatus === undefined || !reading.recognized) continue;
    const failed = reading.status === 'failed' || reading.status === 'canceled';
    const error = failed ? (readOperationError(reading.body?.error) ?? { message: `the operation ${reading.status}` }) : undefined;
    if (isTerminal(reading.status) || reading.status === 'running') {
      return { status: reading.status, serviceStatus: reading.serviceStatus, recognized: true, ...(error ? { error } : {}), response };
    }
  }
  return { status: 'succeeded', response };
}

/**
 * ARM asynchronous operations whose outcome is void (the aborts): the `Azure-AsyncOperation`
 * status body when there is one, else `location` (202 running, 200/204 done), each polled as the
 * service handed it out. No final GET on `location` once the status says Succeeded: it could only
 * return nothing.
 */
export const armVoidOperation: Strategy<ContainerServiceClient, void> = {
  async poll(client, target, context) {
    const { data, response } = await getAsIs(client, target.url, context);
    if (target.via === 'asyncOperation') return readStatusBody(data, response, target, context);
    if (response.status !== 202) return readLocationDone(data, response);
    return { status: 'running', polling: handedOut(response, context, 'location') ?? target, response };
  },
  handedOutBy(target) {
    return HANDED_OUT[target.via === 'asyncOperation' ? 'asyncOperation' : 'location'][1];
  },
  checkTarget(target) {
    if (target.via !== 'asyncOperation' && target.via !== 'location') {
      throw new RangeError(`resumeToken: an ARM polling target needs via 'asyncOperation' or 'location'; got ${JSON.stringify(target.via)}`);
    }
  },
};

/**
 * Reads the initial response of an ARM asynchronous operation: 202 names what to poll, other 2xx
 * are done. `Azure-AsyncOperation` is preferred; when it cannot be followed (another origin, not a
 * URL) but `location` can, the operation is followed there (with a warning) rather than lost: both
 * headers name the same accepted operation. Throws the `Azure-AsyncOperation` error when neither can.
 */
export function readArmInitial(response: Response, context: RequestContext, kind: string): Observation<void> {
  if (response.status !== 202) return { status: 'succeeded', response };
  let polling: PollingTarget | undefined;
  let refused: unknown;
  try {
    polling = handedOut(response, context, 'asyncOperation');
  } catch (error) {
    refused = error;
  }
  if (!polling) {
    try {
      polling = handedOut(response, context, 'location');
    } catch (error) {
      throw refused ?? error;
    }
    if (refused !== undefined) {
      if (!polling) throw refused;
      context.warn(`${refused instanceof Error ? refused.message : String(refused)}; following the location header instead`);
    }
  }
  if (polling) return { status: 'running', polling, response };
  throw new Error(`${kind}: the service answered 202 without Azure-AsyncOperation or location: nothing to poll`);
}
