import { assertParams, assertPathSegment, type OperationOptions } from '@azlro/http';
import type { CloudPartnerClient } from './client.js';
import * as generated from './generated/sdk.gen.js';
import type { CancelOperationData, GetOperationData, PartnerOperation, PartnerOperationList } from './generated/types.gen.js';

const API_VERSION = '2017-10-31' satisfies CancelOperationData['query']['api-version'] & GetOperationData['query']['api-version'];

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

/** Identifies an operation of an offer (migrated offers' `Location`). */
export interface OfferOperationParams extends OfferParams {
  /** The operation id, as it appears in the `Location` the cancel returned. */
  operationId: string;
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
 * Cancels the operation in progress on an offer (POST .../cancel). 200: canceled synchronously;
 * 202: the cancellation runs, and the relative `Location` header names the operation to poll.
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

/**
 * The one operation an answer describes (internal; not exported from the package). The service answers an object, or (as the "Retrieve
 * operations" page shows) an array: then the element whose `id` is `operationId`, else the only
 * element; `undefined` when neither is there.
 */
export function pickOperation(data: PartnerOperation | PartnerOperationList | undefined, operationId: string): PartnerOperation | undefined {
  if (!Array.isArray(data)) return data;
  return data.find((operation) => operation.id === operationId) ?? (data.length === 1 ? data[0] : undefined);
}

type OperationAnswer = Promise<{ data: PartnerOperation | undefined; request: Request; response: Response }>;

/**
 * Reads an offer's operation (the `Location` of a migrated offer's cancel). `data` is the
 * `PartnerOperation`, taken out of the array when the service wraps it in one: the element
 * whose `id` is `operationId`, else the only one.
 */
export function getOperation(client: CloudPartnerClient, params: OfferOperationParams, options: OperationOptions = {}): OperationAnswer {
  const path = offerPath(params);
  assertPathSegment('operationId', params.operationId);
  // Not async: bad params throw here, before anything is sent.
  return generated.getOperation({
    client: client.client,
    path: { ...path, operationId: params.operationId },
    query: { 'api-version': API_VERSION },
    headers: options.headers,
    signal: options.abortSignal,
    throwOnError: true,
    ...(options.rawBody ? { parseAs: 'text' as const } : {}),
  }).then((result) => ({ ...result, data: options.rawBody ? (result.data as PartnerOperation | undefined) : pickOperation(result.data, params.operationId) }));
}

/**
 * Reads an operation by its legacy id (the `Location` of a non-migrated offer's cancel, e.g.
 * `contoso$offer$2$preview`); `data` as for {@link getOperation}.
 */
export function getLegacyOperation(client: CloudPartnerClient, params: { operationId: string }, options: OperationOptions = {}): OperationAnswer {
  assertParams(params);
  assertPathSegment('operationId', params.operationId);
  return generated.getLegacyOperation({
    client: client.client,
    path: { operationId: params.operationId },
    query: { 'api-version': API_VERSION },
    headers: options.headers,
    signal: options.abortSignal,
    throwOnError: true,
    ...(options.rawBody ? { parseAs: 'text' as const } : {}),
  }).then((result) => ({ ...result, data: options.rawBody ? (result.data as PartnerOperation | undefined) : pickOperation(result.data, params.operationId) }));
}
