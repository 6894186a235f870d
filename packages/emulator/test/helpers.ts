import type { ContainerServiceClient, OperationStatusResult } from '@azlro/containerservice';
import type { CloudPartnerClient, PartnerOperation } from '@azlro/cloudpartner';

/** A response Prism flagged: even a Warning (e.g. an undocumented status) means the emulator drifted from the spec. */
export interface FlaggedResponse {
  url: string;
  status: number;
  violations: string;
}

/**
 * `fetch` that records every response carrying Prism's `sl-violations` header. Prism turns Errors
 * into a 500 but lets Warnings through with only the header, so tests assert the list stays empty.
 */
export function createStrictFetch(): { fetch: typeof fetch; flagged: FlaggedResponse[]; lastRequest(): Request | undefined } {
  const flagged: FlaggedResponse[] = [];
  let last: Request | undefined;
  const strictFetch: typeof fetch = async (input, init) => {
    last = new Request(input, init);
    const response = await fetch(input, init);
    const violations = response.headers.get('sl-violations');
    if (violations) flagged.push({ url: response.url, status: response.status, violations });
    return response;
  };
  return { fetch: strictFetch, flagged, lastRequest: () => last };
}

let counter = 0;
/** A name no other test uses, so tests can share one emulator's state. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The emulator of `emulator.global-setup.ts` ends every operation on this poll (its `pollsUntilDone`). */
export const POLLS_UNTIL_DONE = 4;

/** Calls `read` `count` times in a row, with no wait: with `pollsUntilDone`, time plays no part. */
export async function readTimes<T>(count: number, read: () => Promise<T>): Promise<T[]> {
  const values: T[] = [];
  for (let i = 0; i < count; i++) values.push(await read());
  return values;
}

/** The ARM polling URL split into the parameters the client's polling operations take. */
export function operationParams(url: string): { subscriptionId: string; location: string; operationId: string } {
  const match = /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.ContainerService\/locations\/([^/]+)\/(?:operationStatus|operations|operationresults)\/([^/?]+)$/
    .exec(new URL(url).pathname);
  if (!match) throw new Error(`not an ARM polling URL: ${url}`);
  return { subscriptionId: match[1]!, location: match[2]!, operationId: match[3]! };
}

/**
 * GETs an ARM polling resource through the client's pipeline (auth, errors), as `@azlro/lro` polls
 * the URLs the service hands out: `operations` is the `Azure-AsyncOperation` status, `operationresults`
 * the `location` result, at the service's own api-version.
 */
function pollingResource(resource: 'operations' | 'operationresults') {
  return (client: ContainerServiceClient, params: { subscriptionId: string; location: string; operationId: string }) =>
    client.client.get({
      url: `/subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/locations/{location}/${resource}/{operationId}`,
      path: params,
      query: { 'api-version': '2017-08-31' },
      throwOnError: true,
    }) as Promise<{ data: OperationStatusResult; response: Response }>;
}
export const getOperationStatus = pollingResource('operations');
export const getOperationResult = pollingResource('operationresults');

/** GETs a Cloud Partner operation resource through the client's pipeline, `$` percent-encoded as the generated client encodes it. */
function partnerOperation(url: string) {
  return (client: CloudPartnerClient, path: Record<string, string>) =>
    client.client.get({ url, path, query: { 'api-version': '2017-10-31' }, throwOnError: true }) as Promise<{ data: PartnerOperation; response: Response }>;
}
/** A migrated offer's operation (`/api/publishers/{publisherId}/offers/{offerId}/operations/{operationId}`). */
export const getOperation = partnerOperation('/api/publishers/{publisherId}/offers/{offerId}/operations/{operationId}');
/** A non-migrated offer's operation (`/api/operations/{operationId}`). */
export const getLegacyOperation = partnerOperation('/api/operations/{operationId}');
