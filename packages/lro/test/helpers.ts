import { createCloudPartnerClient } from '@azlro/cloudpartner';
import { createContainerServiceClient } from '@azlro/containerservice';
import { StaticTokenCredential, type AzlroLogger, type Clock } from '@azlro/http';
import { ManualClock, type ManualClockOptions } from '@azlro/http/testing';
import type { TestServer } from '@azlro/test-server';

/** A token no one could mistake for anything else: tests search tokens, logs and errors for it. */
export const SECRET = 'eyJhbGciOi.azlro-test-secret-5f3c9a.c2lnbmF0dXJl';

/** The injected credential (not a global mock): always the same distinctive token. */
export const credential = new StaticTokenCredential(SECRET);

export const cluster = {
  subscriptionId: '00000000-0000-0000-0000-000000000000',
  resourceGroupName: 'rg1',
  resourceName: 'clustername1',
};
export const command = { ...cluster, commandId: 'def7b3ea71bd4f7e9d226ddbc0f00ad9' };
export const offer = { publisherId: 'contoso', offerId: 'contoso-offer' };

export const ABORT_PATH = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedclusters/clustername1/abort';
export const STATUS_PATH = '/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.ContainerService/locations/eastus/operations/op-1';
export const RESULT_PATH = '/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.ContainerService/locations/eastus/operationresults/op-1';
export const COMMAND_PATH = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1/commandResults/def7b3ea71bd4f7e9d226ddbc0f00ad9';
export const CANCEL_PATH = '/api/publishers/contoso/offers/contoso-offer/cancel';
export const OFFER_OPERATION_PATH = '/api/publishers/contoso/offers/contoso-offer/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8';

/** The headers of an abort's 202, pointing at `server`. */
export function accepted(server: TestServer, extra: Record<string, string> = {}) {
  return {
    status: 202,
    headers: {
      'azure-asyncoperation': `${server.url}${STATUS_PATH}?api-version=2024-02-01`,
      location: `${server.url}${RESULT_PATH}?api-version=2024-02-01`,
      ...extra,
    },
  };
}

/** An `Azure-AsyncOperation` status body answer. */
export function status(value: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return { json: { status: value, ...extra }, headers: { 'x-ms-request-id': `req-${value}`, ...headers } };
}

export const retries = { maxRetries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 50 };

/** A client of `server`; its retry waits are on `clock` when one is given (the same one as the poller's, in timing tests). */
export function aksClient(server: TestServer, options: { retryOptions?: typeof retries; clock?: Clock } = {}) {
  return createContainerServiceClient({ endpoint: server.url, credential, retryOptions: options.retryOptions ?? { maxRetries: 0 }, clock: options.clock });
}

export function partnerClient(server: TestServer, options: { clock?: Clock } = {}) {
  return createCloudPartnerClient({ endpoint: server.url, credential, retryOptions: { maxRetries: 0 }, clock: options.clock });
}

/**
 * A ManualClock that moves itself forward whenever someone sleeps on it: a poll loop runs at once,
 * every wait it asked for is in `clock.sleeps`, and `server` (when given) records arrivals on it, so
 * gaps between requests read in exact virtual milliseconds. Resets the server.
 */
export function virtualTime(server?: TestServer, options: ManualClockOptions = {}): ManualClock {
  const clock = new ManualClock({ autoAdvance: true, ...options });
  server?.reset({ clock });
  return clock;
}

/** Poller options for tests that are not about time: waits on a fresh self-advancing clock, so none is real. */
// minIntervalInMs: 0 keeps the 5 ms interval (the default floor of 1 s has tests of its own).
export const fast = () => ({ intervalInMs: 5, minIntervalInMs: 0, clock: new ManualClock({ autoAdvance: true }) });

/** A logger that keeps its lines: injected through the `logger` option. */
export function recordingLogger(): AzlroLogger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, verbose: at('verbose'), info: at('info'), warning: at('warning'), error: at('error') };
}

/** The requests a server received, as `METHOD path`. */
export function seen(server: TestServer): string[] {
  return server.requests.map((r) => `${r.method} ${r.path}`);
}

/** Gaps between consecutive arrivals, in ms. */
export function arrivalGaps(server: TestServer): number[] {
  return server.requests.slice(1).map((r, i) => r.arrivedAt - server.requests[i]!.arrivedAt);
}

/** Settles a promise into its rejection reason (fails if it resolves). */
export async function rejection(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Decodes a resume token's JSON text. */
export function tokenText(token: string): string {
  return Buffer.from(token, 'base64url').toString('utf8');
}

/** Lets pending promise and I/O callbacks run until `ready` holds (a request to a loopback server takes a few turns). */
export async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((r) => setImmediate(r));
}
