import type { OperationOptions } from '@azlro/http';
import { assertParams, assertPathSegment } from '@azlro/http/internal';
import type { CloudPartnerClient } from './client.js';
import * as generated from './generated/sdk.gen.js';
import type { CancelOperationData } from './generated/types.gen.js';

const API_VERSION = '2017-10-31' satisfies CancelOperationData['query']['api-version'];

/** Identifies an offer. */
export interface OfferParams {
  /** Publisher identifier, e.g. `contoso`. */
  publisherId: string;
  /** Offer identifier. */
  offerId: string;
}

/** Parameters of {@link cancelOperation}. */
export interface CancelOperationParams extends OfferParams {
  /** Addresses to notify of the cancellation's progress (sent comma-separated). */
  notificationEmails?: string | readonly string[];
}

function offerPath(params: OfferParams): OfferParams {
  assertParams(params);
  assertPathSegment('publisherId', params.publisherId);
  assertPathSegment('offerId', params.offerId);
  return { publisherId: params.publisherId, offerId: params.offerId };
}

function notificationEmails(value: CancelOperationParams['notificationEmails']): string | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list) && typeof value !== 'string') {
    throw new TypeError('notificationEmails must be a string or an array of strings');
  }
  const emails = list.map((email) => {
    if (typeof email !== 'string') throw new TypeError('notificationEmails must contain only strings');
    return email.trim();
  });
  for (const email of emails) {
    // Deliberately loose: only what can never be an address is refused.
    if (!/^[^\s@,]+@[^\s@,]+$/.test(email)) {
      throw new RangeError(`notificationEmails: ${JSON.stringify(email)} is not an e-mail address`);
    }
  }
  return emails.length > 0 ? emails.join(',') : undefined;
}

/**
 * Cancels the operation in progress on an offer (`POST /api/publishers/{publisherId}/offers/{offerId}/cancel`,
 * api-version 2017-10-31; the Cloud Partner Portal "Cancel Operation" page). Resolves with
 * `{ data, request, response }`: 200, canceled synchronously; 202, the cancellation runs, and the
 * relative `Location` header names the operation to poll. An empty or malformed path parameter, or a
 * notification e-mail that cannot be an address, throws a TypeError/RangeError naming it before
 * anything is sent; a non-2xx answer after the pipeline's retries rejects with an `ApiError`.
 * Most callers want `cancelOfferOperation` from `@azlro/lro`, which also waits.
 */
export function cancelOperation(client: CloudPartnerClient, params: CancelOperationParams, options: OperationOptions = {}) {
  const path = offerPath(params);
  const emails = notificationEmails(params.notificationEmails);
  return generated.cancelOperation({
    client: client.client,
    path,
    query: { 'api-version': API_VERSION },
    body: emails === undefined ? undefined : { metadata: { 'notification-emails': emails } },
    headers: options.headers,
    signal: options.abortSignal,
    throwOnError: true,
    ...(options.rawBody ? { parseAs: 'text' as const } : {}),
  });
}
