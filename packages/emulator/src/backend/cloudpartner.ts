import { randomUUID } from 'node:crypto';
import { OUTCOME_PREFIXES } from '../info.js';
import { startProgress, type Progress } from './progress.js';
import { decodeSegment, hasBearerToken, retryAfter, startsWith } from './replies.js';
import type { BackendContext, EmulatorRequest, Reply, Route } from './types.js';

/** A cancel operation on an offer: `running` until its progress is done, then `completed`. */
interface CancelOperation {
  readonly id: string;
  readonly publisherId: string;
  readonly offerId: string;
  /** Non-migrated offers are polled at `/api/operations/{id}` instead of under the offer. */
  readonly legacy: boolean;
  /** Answered wrapped in an array, as the "Retrieve operations" page's example is. */
  readonly listed: boolean;
  readonly progress: Progress;
}

const API_VERSION = '2017-10-31';

function partnerError(status: number, code: string, message: string): Reply {
  return { status, json: { code, message } };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Relative, as the service sends it; the legacy id keeps its `$` separators unescaped, like the page's sample. */
function locationOf(operation: CancelOperation): string {
  const publisher = encodeURIComponent(operation.publisherId);
  const offer = encodeURIComponent(operation.offerId);
  return operation.legacy
    ? `/api/operations/${publisher}$${offer}$2$preview?api-version=${API_VERSION}`
    : `/api/publishers/${publisher}/offers/${offer}/operations/${operation.id}?api-version=${API_VERSION}`;
}

/** Offer cancel and the two operation resources its relative `Location` can point at. */
export function cloudPartnerRoutes(context: BackendContext): { routes: Route[]; reset(): void } {
  const operations = new Map<string, CancelOperation>();
  /** Offer key → its cancel operation while one is running. */
  const offers = new Map<string, CancelOperation>();

  function cancel(_request: EmulatorRequest, [rawPublisher, rawOffer]: readonly string[]): Reply {
    const [publisherId, offerId] = [decodeSegment(rawPublisher!), decodeSegment(rawOffer!)];
    if (startsWith(offerId, OUTCOME_PREFIXES.missing)) return partnerError(404, 'NotFound', `Offer '${publisherId}/${offerId}' was not found.`);
    if (startsWith(offerId, OUTCOME_PREFIXES.synchronousOffer)) return { status: 200 };
    const key = `${publisherId}/${offerId}`;
    let operation = offers.get(key);
    // A cancel while the previous one still runs is answered with that same operation.
    if (!operation || operation.progress.peek().done) {
      const legacy = startsWith(offerId, OUTCOME_PREFIXES.legacyOffer);
      const id = legacy ? `${publisherId}$${offerId}$2$preview` : randomUUID();
      const listed = startsWith(offerId, OUTCOME_PREFIXES.listedOffer);
      operation = { id, publisherId, offerId, legacy, listed, progress: startProgress(context, context.timings.offerCancelInMs) };
      offers.set(key, operation);
      operations.set(id, operation);
    }
    return { status: 202, headers: { Location: locationOf(operation) } };
  }

  function read(operation: CancelOperation | undefined, id: string): Reply {
    if (!operation) return partnerError(404, 'NotFound', `Operation '${id}' was not found.`);
    const { done, endedAt } = operation.progress.poll();
    const body = {
      id: operation.id,
      createdDateTime: iso(operation.progress.startedAt),
      lastActionDateTime: iso(endedAt ?? context.now()),
      status: done ? 'completed' : 'running',
    };
    return {
      status: 200,
      headers: done ? {} : retryAfter(context.timings.retryAfterInSeconds),
      json: operation.listed ? [body] : body,
    };
  }

  function getOperation(_request: EmulatorRequest, [rawPublisher, rawOffer, rawId]: readonly string[]): Reply {
    const id = decodeSegment(rawId!);
    const operation = operations.get(id);
    const matches = operation && !operation.legacy &&
      operation.publisherId === decodeSegment(rawPublisher!) && operation.offerId === decodeSegment(rawOffer!);
    return read(matches ? operation : undefined, id);
  }

  function getLegacyOperation(_request: EmulatorRequest, [rawId]: readonly string[]): Reply {
    const id = decodeSegment(rawId!);
    const operation = operations.get(id);
    return read(operation?.legacy ? operation : undefined, id);
  }

  /** The portal wants a bearer token on every call; Prism already enforces it, this guards direct calls. */
  const authenticated = (handle: Route['handle']): Route['handle'] => (request, params) =>
    hasBearerToken(request.headers) ? handle(request, params) : { status: 401, headers: { 'WWW-Authenticate': 'Bearer' }, json: { code: 'Unauthorized', message: 'A bearer token is required.' } };

  return {
    routes: [
      { method: 'POST', pattern: /^\/api\/publishers\/([^/]+)\/offers\/([^/]+)\/cancel$/, handle: authenticated(cancel) },
      { method: 'GET', pattern: /^\/api\/publishers\/([^/]+)\/offers\/([^/]+)\/operations\/([^/]+)$/, handle: authenticated(getOperation) },
      { method: 'GET', pattern: /^\/api\/operations\/([^/]+)$/, handle: authenticated(getLegacyOperation) },
    ],
    reset() {
      operations.clear();
      offers.clear();
    },
  };
}
