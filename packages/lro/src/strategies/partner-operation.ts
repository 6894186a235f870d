import type { CloudPartnerClient, PartnerOperation } from '@azlro/cloudpartner';
import { decodeOrKeep } from '@azlro/http/internal';
import { readBodyStatus, readOperationError } from '../body-status.js';
import { getAsIs } from '../get-as-is.js';
import { isTerminal } from '../status.js';
import type { Observation, RequestContext, Strategy } from '../strategy.js';

/**
 * The operation a body describes. The "Retrieve operations" page answers an array even for one
 * operation: then the element whose `id` is the URL's last path segment, else the only one.
 */
function readOperation(data: unknown, url: string): PartnerOperation {
  if (!Array.isArray(data)) return (typeof data === 'object' && data !== null ? data : {}) as PartnerOperation;
  const operations = data.filter((item): item is PartnerOperation => typeof item === 'object' && item !== null);
  const id = decodeOrKeep(new URL(url).pathname.split('/').pop() ?? '');
  return operations.find((operation) => operation.id === id) ?? (operations.length === 1 ? operations[0]! : ({} as PartnerOperation));
}

/**
 * Cloud Partner Portal cancellations: the operation body's `status` decides, whatever the HTTP
 * status (a 200 that says `running` is still running). `completed` or `canceled` both mean the
 * cancellation took effect, so both are `succeeded`. Polled as handed out (`Location`, relative
 * ones resolved against the endpoint).
 */
export const partnerCancellation: Strategy<CloudPartnerClient, PartnerOperation | undefined> = {
  async poll(client, target, context) {
    const { data, response } = await getAsIs(client, target.url, context);
    const next = response.headers.get('location');
    // Followed (and its origin checked) only while there is a next poll: a terminal answer's Location changes nothing.
    const following = () => (next ? { url: context.follow(next, 'the Location header') } : target);
    if (response.status === 202) return { status: 'running', polling: following(), response };
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
      polling: isTerminal(status) ? target : following(),
      response,
    };
  },
  handedOutBy: () => 'the Location header',
  checkTarget(target) {
    if (target.via !== undefined) throw new RangeError(`resumeToken: a Cloud Partner polling target has no via; got ${JSON.stringify(target.via)}`);
  },
};

/** Reads the cancel's own response: 200 canceled synchronously; 202 names the operation to poll (relative `Location`). */
export function readPartnerInitial(response: Response, context: RequestContext, kind: string): Observation<PartnerOperation | undefined> {
  if (response.status !== 202) return { status: 'succeeded', response };
  const location = response.headers.get('location');
  if (!location) throw new Error(`${kind}: the service answered 202 without a Location: nothing to poll`);
  return { status: 'running', polling: { url: context.follow(location, 'the Location header') }, response };
}
