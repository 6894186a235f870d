import { getLegacyOperation, getOperation, type CloudPartnerClient, type PartnerOperation } from '@azlro/cloudpartner';
import { assertPathSegment } from '@azlro/http';
import { readBodyStatus, readOperationError } from '../body-status.js';
import { getAsIs, parseBody, type PollingResponse } from '../get-as-is.js';
import type { Observation, RequestContext, Strategy } from '../strategy.js';
import { matchTemplate, passes, type TemplateMatch } from '../typed-url.js';

/** The two `Location` forms of a cancel's 202: migrated offers, then non-migrated ones. */
const OFFER_OPERATION_TEMPLATE = '/api/publishers/{publisherId}/offers/{offerId}/operations/{operationId}';
const LEGACY_OPERATION_TEMPLATE = '/api/operations/{operationId}';
const API_VERSION = '2017-10-31';

function typed(client: CloudPartnerClient, url: string, template: string): TemplateMatch['path'] | undefined {
  const match = matchTemplate(client, url, template);
  if (match?.apiVersion !== API_VERSION) return undefined;
  return passes(() => Object.entries(match.path).forEach(([name, value]) => assertPathSegment(name, value))) ? match.path : undefined;
}

async function get(client: CloudPartnerClient, url: string, context: RequestContext): Promise<PollingResponse> {
  const options = { abortSignal: context.abortSignal, headers: context.headers, rawBody: true };
  const offer = typed(client, url, OFFER_OPERATION_TEMPLATE);
  if (offer) {
    const { publisherId, offerId, operationId } = offer as { publisherId: string; offerId: string; operationId: string };
    const { data, response } = await getOperation(client, { publisherId, offerId, operationId }, options);
    return { data: parseBody(data, response), response };
  }
  const legacy = typed(client, url, LEGACY_OPERATION_TEMPLATE);
  if (legacy) {
    const { data, response } = await getLegacyOperation(client, { operationId: legacy.operationId! }, options);
    return { data: parseBody(data, response), response };
  }
  return getAsIs(client, url, context);
}

/**
 * The operation a body describes. The "Retrieve operations" page answers an array even for one
 * operation: then the element whose `id` is the URL's last path segment, else the only one.
 */
function readOperation(data: unknown, url: string): PartnerOperation {
  if (!Array.isArray(data)) return (typeof data === 'object' && data !== null ? data : {}) as PartnerOperation;
  const operations = data.filter((item): item is PartnerOperation => typeof item === 'object' && item !== null);
  const id = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  return operations.find((operation) => operation.id === id) ?? (operations.length === 1 ? operations[0]! : ({} as PartnerOperation));
}

/**
 * Cloud Partner Portal cancellations: the operation body's `status` decides, whatever the HTTP
 * status (a 200 that says `running` is still running). `completed` or `canceled` both mean the
 * cancellation took effect, so both are `succeeded`.
 */
export const partnerCancellation: Strategy<CloudPartnerClient, PartnerOperation | undefined> = {
  kind: 'cloudpartner.cancelOperation',
  async poll(client, target, context) {
    const { data, response } = await get(client, target.url, context);
    const next = response.headers.get('location');
    const polling = next ? { url: context.follow(next, 'the Location header') } : target;
    if (response.status === 202) return { status: 'running', polling, response };
    // An array answer ("Retrieve operations") is read as the operation it lists; a body that did not parse stays as it is.
    const picked = Array.isArray(data) ? readOperation(data, target.url) : data;
    const reading = readBodyStatus(picked, ['status']);
    const operation = (reading.body ?? {}) as PartnerOperation;
    const status = reading.status === 'canceled' ? 'succeeded' : reading.status;
    return {
      status,
      serviceStatus: reading.serviceStatus,
      recognized: reading.recognized,
      fault: reading.fault,
      error: status === 'failed' ? readOperationError(operation.error) : undefined,
      result: reading.fault ? undefined : operation,
      polling,
      response,
    };
  },
  handedOutBy: () => 'the Location header',
  checkTarget(target) {
    if (target.via !== undefined) throw new RangeError(`resumeToken: a Cloud Partner polling target has no via; got ${JSON.stringify(target.via)}`);
  },
};

/** Reads the cancel's own response: 200 canceled synchronously; 202 names the operation to poll (relative `Location`). */
export function readPartnerInitial(response: Response, context: RequestContext): Observation<PartnerOperation | undefined> {
  if (response.status !== 202) return { status: 'succeeded', response };
  const location = response.headers.get('location');
  if (!location) throw new Error('cloudpartner.cancelOperation: the service answered 202 without a Location: nothing to poll');
  return { status: 'running', polling: { url: context.follow(location, 'the Location header') }, response };
}
