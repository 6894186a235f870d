import {
  getOperationResult,
  getOperationStatus,
  type ContainerServiceClient,
  type OperationParams,
  type OperationStatusResult,
} from '@azlro/containerservice';
import { assertPathSegment, validateSubscriptionId } from '@azlro/http';
import { getAsIs, type PollingResponse } from '../get-as-is.js';
import type { PollingTarget } from '../resume-token.js';
import { readServiceStatus } from '../status.js';
import type { Observation, RequestContext, Strategy } from '../strategy.js';
import { matchTemplate, passes } from '../typed-url.js';

/**
 * The service's targets of `Azure-AsyncOperation` and `location` (specs/containerservice.yaml).
 * Any other URL, such as the Abort page's `…/operationStatus/{id}` form, is followed as it is.
 */
const STATUS_TEMPLATE = '/subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/locations/{location}/operations/{operationId}';
const RESULT_TEMPLATE = '/subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/locations/{location}/operationresults/{operationId}';

function typedParams(client: ContainerServiceClient, url: string, template: string) {
  // The polling resources' api-version is the service's choice: whatever the URL carries is kept.
  const match = matchTemplate(client, url, template);
  if (!match) return undefined;
  const params = match.path as unknown as OperationParams;
  const valid = passes(() => {
    validateSubscriptionId(params.subscriptionId);
    assertPathSegment('location', params.location);
    assertPathSegment('operationId', params.operationId);
  });
  return valid ? { params, apiVersion: match.apiVersion } : undefined;
}

async function get(client: ContainerServiceClient, target: PollingTarget, context: RequestContext): Promise<PollingResponse> {
  const status = target.via === 'asyncOperation';
  const typed = typedParams(client, target.url, status ? STATUS_TEMPLATE : RESULT_TEMPLATE);
  if (!typed) return getAsIs(client, target.url, context);
  const options = { apiVersion: typed.apiVersion, abortSignal: context.abortSignal, headers: context.headers };
  const { data, response } = await (status ? getOperationStatus(client, typed.params, options) : getOperationResult(client, typed.params, options));
  return { data, response };
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Reads an `Azure-AsyncOperation` status body: `{ status, percentComplete, startTime, endTime, error }`. */
function readStatusBody(data: unknown, response: Response): Observation<void> {
  const body = (typeof data === 'object' && data !== null ? data : {}) as Partial<OperationStatusResult>;
  const serviceStatus = text(body.status);
  const { status, recognized } = readServiceStatus(serviceStatus);
  const failed = status === 'failed' || status === 'canceled';
  return {
    status,
    serviceStatus,
    recognized,
    percentComplete: typeof body.percentComplete === 'number' ? body.percentComplete : undefined,
    startTime: text(body.startTime),
    endTime: text(body.endTime),
    error: failed && typeof body.error === 'object' && body.error !== null ? body.error : undefined,
    response,
  };
}

/**
 * ARM asynchronous operations whose outcome is void (Abort Latest Operation): the
 * `Azure-AsyncOperation` status body when there is one, else `location` (202 running, 200/204 done).
 * No final GET on `location` once the status says Succeeded: it could only return nothing.
 */
export const armVoidOperation: Strategy<ContainerServiceClient, void> = {
  kind: 'containerservice.abortLatestOperation',
  async poll(client, target, context) {
    const { data, response } = await get(client, target, context);
    if (target.via === 'asyncOperation') return readStatusBody(data, response);
    if (response.status !== 202) return { status: 'succeeded', response };
    const next = response.headers.get('location');
    return { status: 'running', polling: next ? { url: context.follow(next, 'the location header'), via: 'location' } : target, response };
  },
  handedOutBy(target) {
    return target.via === 'asyncOperation' ? 'the Azure-AsyncOperation header' : 'the location header';
  },
  checkTarget(target) {
    if (target.via !== 'asyncOperation' && target.via !== 'location') {
      throw new RangeError(`resumeToken: an ARM polling target needs via 'asyncOperation' or 'location'; got ${JSON.stringify(target.via)}`);
    }
  },
};

/** Reads the initial response of an ARM asynchronous operation: 202 names what to poll, other 2xx are done. */
export function readArmInitial(response: Response, context: RequestContext): Observation<void> {
  if (response.status !== 202) return { status: 'succeeded', response };
  const asyncOperation = response.headers.get('azure-asyncoperation');
  const location = response.headers.get('location');
  if (asyncOperation) return { status: 'running', polling: { url: context.follow(asyncOperation, 'the Azure-AsyncOperation header'), via: 'asyncOperation' }, response };
  if (location) return { status: 'running', polling: { url: context.follow(location, 'the location header'), via: 'location' }, response };
  throw new Error('containerservice.abortLatestOperation: the service answered 202 without Azure-AsyncOperation or location: nothing to poll');
}
